/** One first-start hint, drawn in the layout of the region it talks about (never over it). */
import { createPortal } from 'react-dom';
import { Icon } from '../../components/Icon';
import { HINT_TEXT, useWelcomeHints, type HintId } from './welcome-hints';

interface Props {
  id: HintId;
  target: Element;
  step: number;
  total: number;
  last: boolean;
}

export function WelcomeHint({ id, target, step, total, last }: Props) {
  const dismiss = useWelcomeHints((s) => s.dismiss);
  const dismissAll = useWelcomeHints((s) => s.dismissAll);
  return createPortal(
    <div className={`welcome-hint welcome-hint-${id}`} role="note" data-testid={`welcome-hint-${id}`}>
      <Icon name="info" size={14} className="welcome-hint-icon" />
      <span className="welcome-hint-text">
        <span className="welcome-hint-step">
          Tip {step} of {total}
        </span>{' '}
        {HINT_TEXT[id]}
      </span>
      <span className="welcome-hint-actions">
        <button
          type="button"
          className="btn btn-sm"
          data-testid="welcome-hint-next"
          onClick={() => dismiss(id)}
        >
          {last ? 'Got it' : 'Next tip'}
        </button>
        {!last && (
          <button type="button" className="btn btn-sm" data-testid="welcome-hint-skip" onClick={dismissAll}>
            Skip tips
          </button>
        )}
      </span>
    </div>,
    target,
  );
}
