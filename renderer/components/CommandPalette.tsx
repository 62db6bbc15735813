/**
 * The command palette (Ctrl/Cmd+K or Ctrl+Shift+P): fuzzy-ish search over every registered action,
 * arrow keys to move, Enter to run, Escape to close. Disabled actions are listed but not runnable.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { appRegistry } from '../actions/app-registry';
import { formatShortcut, isMacPlatform } from '../actions/shortcut';
import { useActions } from '../actions/use-actions';
import { useUiStore } from '../state/ui-store';
import { Icon } from './Icon';
import './command-palette.css';

export function CommandPalette() {
  const open = useUiStore((s) => s.paletteOpen);
  if (!open) return null;
  return <PaletteDialog />;
}

function PaletteDialog() {
  const setOpen = useUiStore((s) => s.setPaletteOpen);
  const actions = useActions();
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const isMac = isMacPlatform();
  const returnFocus = useRef<Element | null>(document.activeElement);

  // `actions` is in the deps so newly registered actions appear while the palette is open.
  const results = useMemo(
    () => appRegistry.search(query).filter((a) => !a.id.endsWith('Alt')),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [query, actions],
  );

  useEffect(() => {
    input.current?.focus();
    const previous = returnFocus.current;
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);

  const close = () => setOpen(false);
  const runAt = (i: number) => {
    const action = results[i];
    if (!action || !appRegistry.isEnabled(action)) return;
    close();
    void appRegistry.run(action.id);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setIndex((i) => Math.min(i + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setIndex((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      runAt(index);
    }
  };

  const activeId = results[index] ? `palette-item-${results[index].id}` : undefined;

  return (
    <div className="palette-scrim" onMouseDown={close}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        data-testid="command-palette"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <div className="palette-input-row">
          <Icon name="search" size={16} />
          <input
            ref={input}
            className="palette-input"
            placeholder="Type a command…"
            value={query}
            role="combobox"
            aria-expanded="true"
            aria-controls="palette-list"
            aria-activedescendant={activeId}
            data-testid="palette-input"
            onChange={(e) => {
              setQuery(e.target.value);
              setIndex(0);
            }}
          />
        </div>
        <ul className="palette-list scroll" id="palette-list" role="listbox" aria-label="Commands">
          {results.length === 0 && <li className="palette-empty">No matching commands</li>}
          {results.map((action, i) => (
            <li
              key={action.id}
              id={`palette-item-${action.id}`}
              role="option"
              aria-selected={i === index}
              aria-disabled={!appRegistry.isEnabled(action)}
              className="palette-item"
              data-action-id={action.id}
              onMouseMove={() => setIndex(i)}
              onClick={() => runAt(i)}
            >
              <span className="palette-item-category">{action.category}</span>
              <span className="palette-item-label">{action.label}</span>
              {action.shortcut && <kbd className="kbd">{formatShortcut(action.shortcut, isMac)}</kbd>}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
