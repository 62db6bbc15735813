/**
 * Where the open pattern's edits stand: "Saved", "Saved as v5", "Unsaved changes", "Saving…", "Not
 * saved: …" (a draft the format refuses, in words) or "Save failed". Ctrl+S saves a version.
 */
import { formatShortcut, isMacPlatform } from '../../actions/shortcut';
import { isDirty, useDocumentStore } from '../../state/document-store';
import { useTypingHeld } from '../../state/settled-document';
import { useCanvasSession } from './canvas-bridge';

export function SaveIndicator() {
  // Keys held by a condition editor until typing pauses are unsaved too.
  const held = useTypingHeld((s) => s.held);
  const dirty = useDocumentStore(isDirty) || held;
  const save = useCanvasSession((s) => s.save);
  const state =
    save.kind === 'error' || save.kind === 'invalid' || save.kind === 'saving'
      ? save.kind
      : dirty
        ? 'dirty'
        : 'saved';
  const savedText =
    save.kind === 'saved' && save.version && save.created ? `Saved as v${save.version}` : 'Saved';
  const text = {
    error: 'Save failed',
    invalid: 'Not saved',
    saving: 'Saving…',
    dirty: 'Unsaved changes',
    saved: savedText,
  }[state];
  const shortcut = formatShortcut('Mod+S', isMacPlatform());
  const title =
    save.kind === 'error' || save.kind === 'invalid'
      ? `${save.message} Your edits are kept as a draft.`
      : `Changes save automatically; ${shortcut} saves a version.`;
  return (
    <span
      className={`save-indicator save-${state}`}
      data-testid="save-status"
      data-state={state}
      title={title}
      role="status"
    >
      <span className="save-dot" aria-hidden />
      {text}
      {(save.kind === 'invalid' || save.kind === 'error') && (
        <span className="save-reason" data-testid="save-reason">
          {save.message}
        </span>
      )}
    </span>
  );
}
