/** One stored version: number, label, when, what it changed; pick it to compare, label it, restore it. */
import { useState } from 'react';
import type { PatternVersionInfo } from '../../../electron/contract';
import { RelativeTime } from '../../components/RelativeTime';

interface Props {
  version: PatternVersionInfo;
  active: boolean;
  onPick: () => void;
  onLabel: (text: string) => Promise<void>;
  onRestore: () => void;
}

export function VersionListItem({ version: v, active, onPick, onLabel, onRestore }: Props) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(v.message ?? '');
  return (
    <li className={`vh-entry${active ? ' vh-entry-active' : ''}`} data-testid={`version-${v.version}`}>
      <button type="button" className="vh-item" aria-pressed={active} onClick={onPick}>
        <span className="vh-item-line">
          <span className="vh-version">v{v.version}</span>
          {v.message && (
            <span className="vh-message" data-testid="version-label">
              {v.message}
            </span>
          )}
          <span className="vh-time">
            <RelativeTime iso={v.createdAt} />
          </span>
        </span>
        <span className="vh-summary" data-testid="version-summary">
          {v.summary ?? 'Created the pattern'}
        </span>
      </button>
      {editing ? (
        <form
          className="vh-label-form"
          onSubmit={(e) => {
            e.preventDefault();
            void onLabel(text).then(() => setEditing(false));
          }}
        >
          <input
            className="insp-input"
            value={text}
            autoFocus
            maxLength={200}
            aria-label={`Label of version ${v.version}`}
            data-testid="version-label-edit"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.stopPropagation();
                setEditing(false);
              }
            }}
          />
          <button type="submit" className="insp-link">
            Save
          </button>
        </form>
      ) : (
        <span className="vh-actions">
          <button
            type="button"
            className="insp-link"
            data-testid="version-label-button"
            onClick={() => setEditing(true)}
          >
            {v.message ? 'Edit label' : 'Add label'}
          </button>
          <button type="button" className="insp-link" data-testid="version-restore" onClick={onRestore}>
            Restore
          </button>
        </span>
      )}
    </li>
  );
}
