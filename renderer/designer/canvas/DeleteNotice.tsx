/**
 * After a Delete that changed a neighbour's meaning (a NOT stage lost its edge, a chain was cut in
 * two): says what changed and offers the other way, "Reconnect instead", or Undo. It closes with the
 * next edit, Escape or "Keep".
 */
import { useEffect } from 'react';
import { formatShortcut, isMacPlatform } from '../../actions/shortcut';
import { undo, useDocumentStore } from '../../state/document-store';
import { useCanvasSession } from './canvas-bridge';
import { reconnectInstead } from './canvas-commands';

export function DeleteNotice() {
  const notice = useCanvasSession((s) => s.deleteNotice);
  const close = useCanvasSession((s) => s.setDeleteNotice);
  const stale = useDocumentStore((s) => notice !== null && s.document !== notice.after);
  useEffect(() => {
    if (stale) close(null);
  }, [stale, close]);
  useEffect(() => {
    if (!notice) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [notice, close]);
  if (!notice || stale) return null;
  const mac = isMacPlatform();
  return (
    <div className="delete-notice" role="alert" data-testid="delete-notice">
      <strong>This delete changed a neighbour</strong>
      <ul>
        {notice.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="delete-notice-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="delete-notice-reconnect"
          title={`Delete and reconnect joins the stages around it (${formatShortcut('Shift+Delete', mac)})`}
          onClick={reconnectInstead}
        >
          Reconnect instead
        </button>
        <button
          type="button"
          className="btn"
          data-testid="delete-notice-undo"
          onClick={() => {
            close(null);
            undo();
          }}
        >
          Undo ({formatShortcut('Mod+Z', mac)})
        </button>
        <button type="button" className="btn" data-testid="delete-notice-keep" onClick={() => close(null)}>
          Keep
        </button>
      </div>
    </div>
  );
}
