/**
 * The Replay tab: with a pattern open, choose a recording and start a session; then the debugger.
 * Replays the working copy (unsaved edits included); when the pattern changes afterwards, offers a
 * restart instead of showing results of a pattern that no longer exists.
 */
import { useMemo } from 'react';
import { semanticHash } from '../../engine/format/semantic';
import type { PatternDocument } from '../../engine/format/schema';
import type { EventSchema } from '../../engine/pattern/spec';
import { useApi } from '../components/api-context';
import { Icon } from '../components/Icon';
import { useDocumentStore } from '../state/document-store';
import { useEventPanelStore } from '../state/event-panel-store';
import { useLibraryStore } from '../state/library-store';
import { recordingById, useRecordingsStore } from '../state/recordings-store';
import { useReplayStore } from '../state/replay-store';
import { RecordingPicker } from './RecordingPicker';
import { ReplaySession } from './ReplaySession';
import './replay.css';
import { useSettledDocumentStore } from '../state/settled-document';

const hashes = new WeakMap<PatternDocument, string>();

/** semanticHash, once per document object (documents are immutable). */
function hashOf(doc: PatternDocument): string {
  let hash = hashes.get(doc);
  if (hash === undefined) {
    hash = semanticHash(doc);
    hashes.set(doc, hash);
  }
  return hash;
}

/** Whether the working copy means something else than the document the session replays. */
function differs(opened: PatternDocument | null, current: PatternDocument | null): boolean {
  if (!opened || !current) return false;
  try {
    return hashOf(opened) !== hashOf(current);
  } catch {
    return true;
  }
}

export function ReplayPanel() {
  const api = useApi();
  const docPatternId = useDocumentStore((s) => s.patternId);
  // Selected narrowly: the panel stays mounted while the user types in a condition, and must not
  // re-render (and re-hash the pattern) unless what it shows changes.
  const docSchema = useSettledDocumentStore((s) => s.document?.eventSchema);
  const withinMs = useSettledDocumentStore((s) => s.document?.settings.within?.ms ?? null);
  const openId = useLibraryStore((s) => s.openId);
  const patternId = docPatternId ?? openId;
  const status = useReplayStore((s) => s.status);
  const error = useReplayStore((s) => s.error);
  const session = useReplayStore((s) => s.session);
  const openedDocument = useReplayStore((s) => s.openedDocument);
  const sessionPattern = useReplayStore((s) => s.patternId);
  const eventsOpen = useEventPanelStore((s) => s.open);
  const recording = useRecordingsStore((s) => recordingById(s, session?.recordingId ?? null));
  const schema = useMemo<EventSchema | undefined>(
    () =>
      docSchema ??
      (recording ? { fields: recording.schema.map((f) => ({ name: f.name, type: f.type })) } : undefined),
    [docSchema, recording],
  );
  const changed = useSettledDocumentStore((s) => differs(openedDocument, s.document));

  if (!patternId) {
    return (
      <div className="empty-state" data-testid="replay-empty">
        <Icon name="replay" size={22} />
        <div className="empty-state-title">No pattern open</div>
        <div className="empty-state-text">
          Open a pattern, then replay a recording of events through it, one step at a time.
        </div>
      </div>
    );
  }
  const live = session !== null && sessionPattern === patternId;
  const start = (recordingId: number) => {
    const doc = docPatternId === patternId ? useDocumentStore.getState().document : null;
    const store = useReplayStore.getState();
    // A restart (after a pattern edit, say) over the same recording comes back to the same step.
    const at = live && session.recordingId === recordingId ? store.report?.position : undefined;
    void store.open(api, patternId, recordingId, doc, at);
  };

  return (
    <div className="replay-view">
      <div className="replay-head">
        <RecordingPicker
          patternId={patternId}
          onStart={start}
          compact={live}
          events={
            live ? { open: eventsOpen, toggle: () => useEventPanelStore.getState().toggle() } : undefined
          }
        />
        {live && (
          <button
            type="button"
            className="btn"
            data-testid="replay-close"
            onClick={() => void useReplayStore.getState().close(api)}
          >
            Close session
          </button>
        )}
        {live && changed && (
          <span className="notice notice-warning replay-changed" role="status">
            The pattern changed since this replay started. Restart to replay the new version.
          </span>
        )}
      </div>
      {status === 'opening' && <p className="text-muted">Opening the replay session…</p>}
      {status === 'error' && error && (
        <div className="notice notice-error" role="alert" data-testid="replay-open-error">
          <p>{error.message}</p>
          {error.issues && (
            <ul className="issue-list">
              {error.issues.map((i, n) => (
                <li key={n}>{i.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {live && <ReplaySession api={api} withinMs={withinMs} schema={schema} />}
      {!live && status !== 'opening' && status !== 'error' && (
        <p className="text-muted replay-hint">
          Pick a recording and start: step with ← →, play with Space, jump with Home/End; set breakpoints and
          ask “why not?” for any event.
        </p>
      )}
    </div>
  );
}
