/**
 * The palette: every command (Ctrl/Cmd+K or Ctrl+Shift+P) or every pattern by name (Ctrl/Cmd+P; typing
 * ">" switches to commands, as in VS Code). Arrow keys move, Enter runs or opens, Escape closes. Each
 * command is listed once, with its shortcuts; one that cannot run now is shown greyed.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { appRegistry } from '../actions/app-registry';
import { formatShortcut, isMacPlatform } from '../actions/shortcut';
import { useActions } from '../actions/use-actions';
import { useLibraryStore } from '../state/library-store';
import { useUiStore } from '../state/ui-store';
import { useApi } from './api-context';
import { Icon } from './Icon';
import { RelativeTime } from './RelativeTime';
import './command-palette.css';

export function CommandPalette() {
  const open = useUiStore((s) => s.paletteOpen);
  const mode = useUiStore((s) => s.paletteMode);
  if (!open) return null;
  return <PaletteDialog key={mode} mode={mode} />;
}

interface Item {
  key: string;
  category: string;
  label: string;
  shortcuts: readonly string[];
  detail?: ReactNode;
  enabled: boolean;
  run: () => void;
}

/** Every query word is a prefix of a word of the name (or appears in it). */
function matchesName(name: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const hay = name.toLowerCase();
  const hayWords = hay.split(/[\s\-_.]+/);
  return words.every((w) => hayWords.some((h) => h.startsWith(w)) || hay.includes(w));
}

function PaletteDialog({ mode }: { mode: 'commands' | 'patterns' }) {
  const api = useApi();
  const setOpen = useUiStore((s) => s.setPaletteOpen);
  const actions = useActions();
  const patterns = useLibraryStore((s) => s.patterns);
  const openId = useLibraryStore((s) => s.openId);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const isMac = isMacPlatform();
  const returnFocus = useRef<Element | null>(document.activeElement);
  const showCommands = mode === 'commands' || query.startsWith('>');
  const close = () => setOpen(false);

  // `actions` is in the deps so newly registered actions appear while the palette is open.
  const items = useMemo<Item[]>(() => {
    if (showCommands)
      return appRegistry.search(query.replace(/^>/, '')).map((action) => ({
        key: action.id,
        category: action.category,
        label: action.label,
        shortcuts: action.shortcuts ?? [],
        enabled: appRegistry.isEnabled(action),
        run: () => void appRegistry.run(action.id),
      }));
    return patterns
      .filter((p) => matchesName(p.name, query))
      .map((p) => ({
        key: p.id,
        category: p.id === openId ? 'Open' : 'Pattern',
        label: p.name,
        shortcuts: [],
        detail: (
          <span className="palette-item-detail">
            v{p.latestVersion} · <RelativeTime iso={p.updatedAt} />
          </span>
        ),
        enabled: true,
        run: () => void useLibraryStore.getState().open(api, p.id),
      }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [showCommands, query, actions, patterns, openId, api]);

  useEffect(() => {
    input.current?.focus();
    const previous = returnFocus.current;
    return () => {
      if (previous instanceof HTMLElement) previous.focus();
    };
  }, []);

  const runAt = (i: number) => {
    const item = items[i];
    if (!item || !item.enabled) return;
    close();
    item.run();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      setIndex((i) => Math.min(i + 1, items.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setIndex((i) => Math.max(i - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      runAt(index);
    }
  };

  const activeId = items[index] ? `palette-item-${items[index].key}` : undefined;
  const label = showCommands ? 'Commands' : 'Patterns';

  return (
    <div className="palette-scrim" onMouseDown={close}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label={showCommands ? 'Command palette' : 'Open pattern'}
        data-testid="command-palette"
        data-mode={showCommands ? 'commands' : 'patterns'}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={onKeyDown}
      >
        <div className="palette-input-row">
          <Icon name="search" size={16} />
          <input
            ref={input}
            className="palette-input"
            placeholder={showCommands ? 'Type a command…' : 'Open a pattern by name (type > for commands)…'}
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
        <ul className="palette-list scroll" id="palette-list" role="listbox" aria-label={label}>
          {items.length === 0 && (
            <li className="palette-empty">
              {showCommands ? 'No matching commands' : 'No matching patterns'}
            </li>
          )}
          {items.map((item, i) => (
            <li
              key={item.key}
              id={`palette-item-${item.key}`}
              role="option"
              aria-selected={i === index}
              aria-disabled={!item.enabled}
              className="palette-item"
              data-action-id={showCommands ? item.key : undefined}
              data-pattern-id={showCommands ? undefined : item.key}
              onMouseMove={() => setIndex(i)}
              onClick={() => runAt(i)}
            >
              <span className="palette-item-category">{item.category}</span>
              <span className="palette-item-label">{item.label}</span>
              {item.detail}
              {item.shortcuts.map((k) => (
                <kbd key={k} className="kbd">
                  {formatShortcut(k, isMac)}
                </kbd>
              ))}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
