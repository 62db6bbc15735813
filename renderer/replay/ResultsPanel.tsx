/**
 * The Results tab: every match, timed-out partial match and late event of the replayed recording
 * (from the session's whole-recording analysis) with the events bound per stage. Click a row to see
 * the step in the replay, "Events" to list its events beside the replay; export all as CSV or JSON
 * Lines, named after the recording and the pattern.
 */
import { useEffect, useState } from 'react';
import { CepError, type ResultsPage } from '../../electron/contract';
import { useApi } from '../components/api-context';
import { Icon } from '../components/Icon';
import { formatCount } from '../recordings/format';
import { useEventPanelStore } from '../state/event-panel-store';
import { recordingById, useRecordingsStore } from '../state/recordings-store';
import { useReplayStore, type ResultsKind } from '../state/replay-store';
import { useUiStore } from '../state/ui-store';
import { ExpectOutcomeButton } from '../testing/ExpectOutcomeButton';
import { buildResultsFile, downloadText, resultsFileName } from './results-export';
import { ResultRow, type ResultItemView } from './ResultRow';
import './replay.css';

const PAGE = 200;

const KIND_OPTIONS: { value: ResultsKind; label: string }[] = [
  { value: 'all', label: 'All results' },
  { value: 'match', label: 'Matches' },
  { value: 'timeout', label: 'Timeouts' },
  { value: 'late', label: 'Late events' },
];

export function ResultsPanel() {
  const api = useApi();
  const sessionId = useReplayStore((s) => s.session?.sessionId ?? null);
  const patternName = useReplayStore((s) => s.session?.patternName ?? '');
  const recordingId = useReplayStore((s) => s.session?.recordingId ?? null);
  const recordingName = useRecordingsStore((s) => recordingById(s, recordingId)?.name ?? '');
  const analysisDone = useReplayStore((s) => s.timeline?.complete ?? false);
  const kind = useReplayStore((s) => s.resultsKind);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<ResultsPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [shownKind, setShownKind] = useState(kind);
  if (shownKind !== kind) {
    // Another part of the app chose the kind (the "late" pill): start from the first page.
    setShownKind(kind);
    setOffset(0);
  }

  useEffect(() => {
    if (!sessionId) return;
    let stale = false;
    api.replay.results({ sessionId, offset, limit: PAGE, ...(kind === 'all' ? {} : { kind }) }).then(
      (p) => {
        if (stale) return;
        setPage(p);
        setError(null);
      },
      (err: unknown) => {
        if (!stale) setError(CepError.from(err).message);
      },
    );
    return () => {
      stale = true;
    };
  }, [api, sessionId, offset, kind, analysisDone]);

  if (!sessionId) {
    return (
      <div className="empty-state" data-testid="results-empty">
        <Icon name="results" size={22} />
        <div className="empty-state-title">No results yet</div>
        <div className="empty-state-text">
          Start a replay of the pattern over a recording to see its matches and timeouts here.
        </div>
      </div>
    );
  }

  const exportAs = async (format: 'csv' | 'jsonl') => {
    setExporting(true);
    try {
      const { text } = await buildResultsFile(api, sessionId, format);
      downloadText(
        resultsFileName(recordingName, patternName, format),
        text,
        format === 'csv' ? 'text/csv' : 'application/x-ndjson',
      );
    } catch (err) {
      setError(CepError.from(err).message);
    } finally {
      setExporting(false);
    }
  };
  const show = (item: ResultItemView) => {
    const last = item.events.flatMap((s) => s.events.map((e) => e.seq)).reduce((a, b) => Math.max(a, b), -1);
    void useReplayStore
      .getState()
      .seek(api, { position: item.position, ...(last >= 0 ? { focusSeq: last } : {}) });
    useUiStore.getState().showBottomTab('replay');
  };
  const events = (item: ResultItemView) => {
    useEventPanelStore.getState().showResult({
      label: `result ${item.index + 1} (${item.kind})`,
      seqs: item.events.flatMap((s) => s.events.map((e) => e.seq)),
    });
    useUiStore.getState().showBottomTab('replay');
  };
  const total = page?.total ?? 0;

  return (
    <div className="results-view" data-testid="results-panel">
      <div className="results-bar">
        <select
          className="cx-input"
          aria-label="Result kind"
          data-testid="results-kind"
          value={kind}
          onChange={(e) => useReplayStore.getState().setResultsKind(e.target.value as ResultsKind)}
        >
          {KIND_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        <span data-testid="results-total">
          {formatCount(total)} result{total === 1 ? '' : 's'}
          {page && !page.complete && ' so far (analysis running)'}
          {total > PAGE &&
            ` · showing ${formatCount(offset + 1)}–${formatCount(Math.min(total, offset + PAGE))}`}
        </span>
        <button
          type="button"
          className="btn"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE))}
        >
          Previous
        </button>
        <button
          type="button"
          className="btn"
          disabled={offset + PAGE >= total}
          onClick={() => setOffset(offset + PAGE)}
        >
          Next
        </button>
        <span className="replay-spacer" />
        <button
          type="button"
          className="btn"
          data-testid="results-export-csv"
          disabled={exporting || total === 0}
          onClick={() => void exportAs('csv')}
        >
          Export CSV
        </button>
        <button
          type="button"
          className="btn"
          data-testid="results-export-jsonl"
          disabled={exporting || total === 0}
          onClick={() => void exportAs('jsonl')}
        >
          Export JSONL
        </button>
      </div>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="results-table-wrap">
        <table className="data-table" data-testid="results-table">
          <thead>
            <tr>
              <th>#</th>
              <th>Kind</th>
              <th>Key</th>
              <th>Time (UTC)</th>
              <th>Events per stage</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {page?.items.map((item) => (
              <ResultRow
                key={item.index}
                item={item}
                onShow={show}
                onEvents={events}
                extraActions={(it) =>
                  it.kind === 'late' ? null : <ExpectOutcomeButton outcome={{ ...it, kind: it.kind }} />
                }
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
