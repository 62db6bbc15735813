/** One pattern in the library list: opens on click; rename (double-click, F2), duplicate and delete. */
import type { PatternSummary } from '../../../electron/contract';
import { useApi } from '../../components/api-context';
import { Icon } from '../../components/Icon';
import { RelativeTime } from '../../components/RelativeTime';
import { useLibraryStore } from '../../state/library-store';
import { LibraryIcon } from './LibraryIcon';
import { useLibraryUiStore } from './library-ui-store';
import { duplicatePattern, renamePattern } from './pattern-ops';
import { RenameField } from './RenameField';

export function PatternListItem({ pattern, selected }: { pattern: PatternSummary; selected: boolean }) {
  const api = useApi();
  const open = useLibraryStore((s) => s.open);
  const renaming = useLibraryUiStore((s) => s.renamingId === pattern.id);
  const { startRename, askDelete } = useLibraryUiStore.getState();

  return (
    <li role="option" aria-selected={selected} className="library-row" data-row-id={pattern.id}>
      {renaming ? (
        <div className="library-item library-item-editing">
          <Icon name="pattern" size={14} className="library-item-icon" />
          <RenameField
            initial={pattern.name}
            onCommit={(name) => {
              startRename(null);
              void renamePattern(api, pattern.id, name);
            }}
            onCancel={() => startRename(null)}
          />
        </div>
      ) : (
        <button
          type="button"
          className="library-item"
          data-pattern-id={pattern.id}
          onClick={() => void open(api, pattern.id)}
          onDoubleClick={() => startRename(pattern.id)}
          onKeyDown={(e) => {
            if (e.key === 'F2') {
              e.preventDefault();
              e.stopPropagation();
              startRename(pattern.id);
            }
          }}
        >
          <Icon name="pattern" size={14} className="library-item-icon" />
          <span className="library-item-name">{pattern.name}</span>
          <span className="library-item-meta">
            v{pattern.latestVersion} · <RelativeTime iso={pattern.updatedAt} />
          </span>
        </button>
      )}
      {!renaming && (
        <div className="library-item-actions">
          <button
            type="button"
            className="icon-btn"
            title="Rename"
            aria-label={`Rename ${pattern.name}`}
            data-testid="library-rename"
            onClick={() => startRename(pattern.id)}
          >
            <LibraryIcon name="edit" size={13} />
          </button>
          <button
            type="button"
            className="icon-btn"
            title="Duplicate"
            aria-label={`Duplicate ${pattern.name}`}
            data-testid="library-duplicate"
            onClick={() => void duplicatePattern(api, pattern.id)}
          >
            <LibraryIcon name="copy" size={13} />
          </button>
          <button
            type="button"
            className="icon-btn"
            title="Delete…"
            aria-label={`Delete ${pattern.name}`}
            data-testid="library-delete"
            onClick={() => askDelete({ id: pattern.id, name: pattern.name })}
          >
            <LibraryIcon name="trash" size={13} />
          </button>
        </div>
      )}
    </li>
  );
}
