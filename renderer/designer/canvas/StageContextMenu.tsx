/**
 * Right-click (or the Menu key / Shift+F10) on a stage: the stage commands from the action registry,
 * with their shortcuts, so the menu, the keys and the command palette run the same code.
 */
import { useEffect, useRef } from 'react';
import { appRegistry } from '../../actions/app-registry';
import type { ActionId } from '../../actions/registry';
import { formatShortcut, isMacPlatform } from '../../actions/shortcut';
import { useCanvasSession } from './canvas-bridge';
import '../../components/menu.css';

const STAGE_COMMANDS: ActionId[] = [
  'pattern.addStageAfter',
  'pattern.connect',
  'edit.copy',
  'edit.cut',
  'edit.duplicate',
  'edit.delete',
  'edit.deleteReconnect',
];

export function StageContextMenu() {
  const menu = useCanvasSession((s) => s.contextMenu);
  const close = useCanvasSession((s) => s.setContextMenu);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!menu) return;
    root.current?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) close(null);
    };
    window.addEventListener('mousedown', onDown);
    return () => window.removeEventListener('mousedown', onDown);
  }, [menu, close]);
  if (!menu) return null;
  const mac = isMacPlatform();
  const actions = STAGE_COMMANDS.map((id) => appRegistry.get(id)).filter((a) => a !== undefined);
  const backToStage = () =>
    document
      .querySelector<HTMLElement>(`.designer-canvas .react-flow__node[data-id="${CSS.escape(menu.nodeId)}"]`)
      ?.focus();
  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      close(null);
      backToStage();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const step = e.key === 'ArrowDown' ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else return;
    e.preventDefault();
    e.stopPropagation();
  };
  return (
    <div
      ref={root}
      className="menu-popover stage-context-menu nokey"
      role="menu"
      aria-label="Stage commands"
      data-testid="stage-context-menu"
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={onKeyDown}
    >
      {actions.map((action) => (
        <button
          key={action.id}
          type="button"
          role="menuitem"
          className="menu-item"
          data-action-id={action.id}
          disabled={!appRegistry.isEnabled(action)}
          onClick={() => {
            close(null);
            void appRegistry.run(action.id);
          }}
        >
          <span>{action.label}</span>
          {action.shortcuts?.[0] && (
            <span className="menu-shortcut">{formatShortcut(action.shortcuts[0], mac)}</span>
          )}
        </button>
      ))}
    </div>
  );
}
