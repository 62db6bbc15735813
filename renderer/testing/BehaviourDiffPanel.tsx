/**
 * The behavioural diff: pick a recording and two versions (the canvas and its last saved version by
 * default); the back end runs both over the recording in one pass, with progress; the one-line
 * summary ("+3 matches, −1 match, 2 changed") sits beside the semantic diff, and each gained, lost
 * or changed match or timeout jumps to its replay step.
 */
import { useEffect, useState } from 'react';
import { CepError, type PatternVersionInfo, type RecordingSummary } from '../../electron/contract';
import type { PatternDocument } from '../../engine/format/schema';
import { useApi } from '../components/api-context';
import { formatCount, formatDuration } from '../recordings/format';
import { useReplayStore } from '../state/replay-store';
import { DiffItemRow } from './DiffItemRow';
import { newDiffRunId, runDiff, type AfterChoice, type BeforeChoice, type DiffView } from './diff-run';
import { useTestsStore } from './tests-store';

export function BehaviourDiffPanel({
  document,
  patternId,
}: {
  document: PatternDocument;
  patternId: string;
}) {
  const api = useApi();
  const [recordings, setRecordings] = useState<RecordingSummary[]>([]);
  const [versions, setVersions] = useState<PatternVersionInfo[]>([]);
  const remembered = useReplayStore((s) => s.recordingByPattern[patternId] ?? null);
  const testRecording = useTestsStore((s) => Object.values(s.recordings).find((id) => id !== null) ?? null);
  const [recordingId, setRecordingId] = useState<number | null>(null);
  const [before, setBefore] = useState<BeforeChoice | null>(null);
  const [after, setAfter] = useState<AfterChoice>('canvas');
  const [runId, setRunId] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [view, setView] = useState<DiffView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    void Promise.all([api.recordings.list(), api.patterns.versions({ id: patternId })]).then(
      ([r, v]) => {
        if (stale) return;
        setRecordings(r);
        setVersions(v);
      },
      (err: unknown) => !stale && setError(CepError.from(err).message),
    );
    return () => {
      stale = true;
    };
  }, [api, patternId]);

  useEffect(
    () =>
      api.on('tests.progress', (p) => {
        if (p.phase === 'diff' && p.runId === runId) setProgress({ done: p.done, total: p.total });
      }),
    [api, runId],
  );

  const chosen = recordingId ?? remembered ?? testRecording ?? recordings[0]?.id ?? null;
  const latest = versions.reduce((m, v) => Math.max(m, v.version), 0);
  // Autosave keeps only the working copy; versions are what the author chose to keep. By default the
  // canvas is compared with the newest version, i.e. "what changed since I last saved a version".
  const oldSide: BeforeChoice = before ?? 'saved';
  const compare = async () => {
    if (chosen === null) return;
    const id = newDiffRunId();
    setRunId(id);
    setProgress(null);
    setError(null);
    try {
      const v = await runDiff(api, id, {
        patternId,
        canvas: document,
        recordingId: chosen,
        // 'saved' is the newest version, named by number: the working copy may already hold the edits.
        before: oldSide === 'saved' && latest > 0 ? latest : oldSide,
        after,
      });
      setView(v);
    } catch (err) {
      const e = CepError.from(err);
      setError(e.code === 'cancelled' ? 'The diff was cancelled.' : e.message);
    } finally {
      setRunId(null);
    }
  };
  const outcome = view?.outcome;

  return (
    <div className="diff-view" data-testid="behaviour-diff">
      <div className="results-bar">
        <label>
          Recording{' '}
          <select
            className="cx-input"
            data-testid="diff-recording"
            value={chosen ?? ''}
            onChange={(e) => setRecordingId(Number(e.target.value))}
          >
            {recordings.length === 0 && <option value="">No recordings: import one first</option>}
            {recordings.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({formatCount(r.rowCount)} events)
              </option>
            ))}
          </select>
        </label>
        <label>
          Old{' '}
          <select
            className="cx-input"
            data-testid="diff-before"
            value={String(oldSide)}
            onChange={(e) => setBefore(e.target.value === 'saved' ? 'saved' : Number(e.target.value))}
          >
            <option value="saved">{latest > 0 ? `newest version (${latest})` : 'last saved'}</option>
            {versions
              .filter((v) => v.version !== latest)
              .map((v) => (
                <option key={v.version} value={v.version}>
                  version {v.version}
                  {v.message ? ` — ${v.message}` : ''}
                </option>
              ))}
          </select>
        </label>
        <label>
          New{' '}
          <select
            className="cx-input"
            data-testid="diff-after"
            value={after}
            onChange={(e) => setAfter(e.target.value as AfterChoice)}
          >
            <option value="canvas">the canvas (unsaved edits too)</option>
            <option value="saved">last saved</option>
          </select>
        </label>
        {runId === null ? (
          <button
            type="button"
            className="btn btn-primary"
            data-testid="diff-compare"
            disabled={chosen === null}
            onClick={() => void compare()}
          >
            Compare behaviour
          </button>
        ) : (
          <button
            type="button"
            className="btn"
            data-testid="diff-cancel"
            onClick={() => void api.tests.cancel({ runId })}
          >
            Cancel
          </button>
        )}
        {runId !== null && (
          <span className="diff-progress" data-testid="diff-progress" role="status">
            <progress max={progress?.total ?? 1} value={progress?.done ?? 0} />{' '}
            {progress ? `${formatCount(progress.done)} / ${formatCount(progress.total)} events` : 'Starting…'}
          </span>
        )}
      </div>
      {error && (
        <p className="notice notice-error" role="alert" data-testid="diff-error">
          {error}
        </p>
      )}
      {view && outcome && (
        <>
          <div className="diff-summary">
            <div>
              <div className="diff-label">Behaviour on this recording</div>
              <strong data-testid="diff-summary">{outcome.summary.text}</strong>
              <div className="text-muted">
                {outcome.beforeLabel}: {formatCount(outcome.summary.before.matches)} matches ·{' '}
                {outcome.afterLabel}: {formatCount(outcome.summary.after.matches)} matches ·{' '}
                {formatCount(outcome.summary.events)} events in {formatDuration(outcome.elapsedMs)}
              </div>
            </div>
            <div>
              <div className="diff-label">What changed in the pattern</div>
              {view.semantic.length === 0 ? (
                <span className="text-muted" data-testid="diff-semantic">
                  No change in meaning.
                </span>
              ) : (
                <ul className="diff-semantic" data-testid="diff-semantic">
                  {view.semantic.map((c, i) => (
                    <li key={i}>{c.message}</li>
                  ))}
                </ul>
              )}
            </div>
          </div>
          {outcome.items.length > 0 && (
            <div className="results-table-wrap">
              <table className="data-table" data-testid="diff-items">
                <thead>
                  <tr>
                    <th>Change</th>
                    <th>Key</th>
                    <th>Step</th>
                    <th>Events per stage</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {outcome.items.map((item, i) => (
                    <DiffItemRow
                      key={i}
                      item={item}
                      patternId={patternId}
                      recordingId={outcome.recordingId}
                      beforeDocument={view.beforeDocument}
                      afterDocument={view.afterDocument}
                    />
                  ))}
                </tbody>
              </table>
              {outcome.totalItems > outcome.items.length && (
                <p className="text-muted">
                  Showing the first {formatCount(outcome.items.length)} of {formatCount(outcome.totalItems)}{' '}
                  differences.
                </p>
              )}
            </div>
          )}
        </>
      )}
      {!view && !error && runId === null && (
        <p className="text-muted tests-hint">
          Runs both versions over the whole recording in one pass, in the back end: matches gained, lost and
          changed (same start, other events), and timeouts, each with a jump to its replay step.
        </p>
      )}
    </div>
  );
}
