/** "Saved" / "Unsaved changes" / "Saving…" / "Save failed", derived from the document store. */
import { isDirty, useDocumentStore } from '../../state/document-store';
import { useCanvasSession } from './canvas-bridge';

export function SaveIndicator() {
  const dirty = useDocumentStore(isDirty);
  const save = useCanvasSession((s) => s.save);
  const state =
    save.kind === 'error' ? 'error' : save.kind === 'saving' ? 'saving' : dirty ? 'dirty' : 'saved';
  const text = { error: 'Save failed', saving: 'Saving…', dirty: 'Unsaved changes', saved: 'Saved' }[state];
  return (
    <span
      className={`save-indicator save-${state}`}
      data-testid="save-status"
      data-state={state}
      title={save.kind === 'error' ? save.message : 'Changes save automatically'}
    >
      <span className="save-dot" aria-hidden />
      {text}
    </span>
  );
}
