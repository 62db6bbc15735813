/**
 * The Results tab: every match and timed-out partial match of the replayed recording (from the
 * session's whole-recording analysis) with the events bound per stage; click a row to see the step
 * in the replay; export all as CSV or JSON Lines.
 */
import { useEffect, useState } from 'react';
import { CepError, type ResultsPage } from '../../electron/contract';
import { useApi } from '../components/api-context';
import { Icon } from '../components/Icon';
import { formatCell, formatCount, formatTime } from '../recordings/format';
import { useReplayStore } from '../state/replay-store';
import { useUiStore } from '../state/ui-store';
import { ExpectOutcomeButton } from '../testing/ExpectOutcomeButton';
import { buildResultsFile, downloadText } from './results-export';
import './replay.css';

const PAGE = 200;

export function ResultsPanel() {
  const api = useApi();
  const session = useReplayStore((s) => s.session);
  const analysisDone = useReplayStore((s) => s.timeline?.complete ?? false);
  const [kind, setKind] = useState<'all' | 'match' | 'timeout'>('all');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<ResultsPage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const sessionId = session?.sessionId ?? null;

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

  if (!session) {
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
      const { text } = await buildResultsFile(api, session.sessionId, format);
      const base = session.patternName.replace(/[^A-Za-z0-9._-]+/g, '-');
      downloadText(`${base}-results.${format}`, text, format === 'csv' ? 'text/csv' : 'application/x-ndjson');
    } catch (err) {
      setError(CepError.from(err).message);
    } finally {
      setExporting(false);
    }
  };
  const show = (position: number) => {
    void useReplayStore.getState().seek(api, { position });
    useUiStore.getState().showBottomTab('replay');
  };
  const total = page?.total ?? 0;

  return (
    <div className="results-view" data-testid="results-panel">
      <div className="results-bar">
        <select
          className="cx-input"
          aria-label="Result kind"
          value={kind}
          onChange={(e) => {
            setKind(e.target.value as typeof kind);
            setOffset(0);
          }}
        >
          <option value="all">Matches and timeouts</option>
          <option value="match">Matches</option>
          <option value="timeout">Timeouts</option>
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
              <th />
            </tr>
          </thead>
          <tbody>
            {page?.items.map((item) => (
              <tr
                key={item.index}
                className="is-clickable"
                data-testid={`result-row-${item.kind}`}
                onClick={() => show(item.position)}
                title="Show this step in the replay"
              >
                <td className="num">{item.index}</td>
                <td>{item.kind}</td>
                <td className="mono">{item.key}</td>
                <td className="mono">{formatTime(item.timestamp)}</td>
                <td>
                  {item.events.map((s) => (
                    <div key={s.stage}>
                      <strong>{s.stage}</strong>:{' '}
                      {s.events.map((e) => (
                        <span key={e.seq} className="mono" title={JSON.stringify(e.payload)}>
                          #{e.seq} {formatTime(e.ts)}{' '}
                          {Object.entries(e.payload)
                            .slice(0, 4)
                            .map(([k, v]) => `${k}=${formatCell(v)}`)
                            .join(' ')}{' '}
                        </span>
                      ))}
                    </div>
                  ))}
                </td>
                <td>
                  <ExpectOutcomeButton outcome={item} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
