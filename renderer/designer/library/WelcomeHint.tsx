/** One first-start hint, drawn inside the region it talks about (canvas, inspector or bottom panel). */
import { createPortal } from 'react-dom';
import { Icon } from '../../components/Icon';
import { HINT_TEXT, useWelcomeHints, type HintId } from './welcome-hints';

export function WelcomeHint({ id, target }: { id: HintId; target: Element }) {
  const dismiss = useWelcomeHints((s) => s.dismiss);
  return createPortal(
    <div className={`welcome-hint welcome-hint-${id}`} role="note" data-testid={`welcome-hint-${id}`}>
      <Icon name="info" size={14} className="welcome-hint-icon" />
      <span className="welcome-hint-text">{HINT_TEXT[id]}</span>
      <button
        type="button"
        className="icon-btn"
        aria-label="Dismiss hint"
        title="Dismiss hint"
        onClick={() => dismiss(id)}
      >
        <Icon name="close" size={12} />
      </button>
    </div>,
    target,
  );
}
