/** The top-bar menu: every registered action, grouped by category, with its shortcut. */
import { useEffect, useRef, useState } from 'react';
import { appRegistry } from '../actions/app-registry';
import { primaryShortcut, type Action, type ActionCategory } from '../actions/registry';
import { formatShortcut, isMacPlatform } from '../actions/shortcut';
import { useActions } from '../actions/use-actions';
import { Icon } from './Icon';
import './menu.css';

const categoryOrder: ActionCategory[] = ['File', 'Edit', 'View', 'Pattern', 'Replay', 'Help'];

export function AppMenu() {
  const [open, setOpen] = useState(false);
  const actions = useActions();
  const root = useRef<HTMLDivElement>(null);
  const isMac = isMacPlatform();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const groups = categoryOrder
    .map((category) => ({ category, items: actions.filter((a) => a.category === category) }))
    .filter((g) => g.items.length > 0);

  const run = (action: Action) => {
    setOpen(false);
    void appRegistry.run(action.id);
  };

  return (
    <div className="menu-root" ref={root}>
      <button
        type="button"
        className="icon-btn"
        aria-haspopup="menu"
        aria-expanded={open}
        title="Menu"
        data-testid="app-menu-button"
        onClick={() => setOpen(!open)}
      >
        <Icon name="menu" />
      </button>
      {open && (
        <div className="menu-popover" role="menu" data-testid="app-menu">
          {groups.map((group) => (
            <div key={group.category} className="menu-group" role="group" aria-label={group.category}>
              <div className="menu-group-label">{group.category}</div>
              {group.items.map((action) => (
                <button
                  key={action.id}
                  type="button"
                  role="menuitem"
                  className="menu-item"
                  disabled={!appRegistry.isEnabled(action)}
                  data-action-id={action.id}
                  onClick={() => run(action)}
                >
                  <span>{action.label}</span>
                  {action.shortcuts?.[0] && (
                    <span
                      className="menu-shortcut"
                      title={action.shortcuts.map((k) => formatShortcut(k, isMac)).join(' or ')}
                    >
                      {formatShortcut(primaryShortcut(action) ?? '', isMac)}
                    </span>
                  )}
                </button>
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
