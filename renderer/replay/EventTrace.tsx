/**
 * What the engine did with the events of this step: per partial match, every transition it tried
 * (take / ignore / proceed) with each condition's value and the sub-expression values behind it,
 * and what became of it (branched, completed, or discarded and why).
 */
import type { StepReport } from '../../electron/contract';
import type { EdgeTrace, RunTrace } from '../../engine/debug';
import { eventLabel } from '../../engine/debug/event-label';
import { ENDING_STATE_NAME } from '../../engine/nfa/built-graph';
import { ConditionLine } from './ConditionLine';
import { DISCARD_TEXT } from './describe';

function Edge({ e }: { e: EdgeTrace }) {
  return (
    <li className={`edge edge-${e.action} ${e.result ? 'is-taken' : 'is-not'}`}>
      <span className="edge-action">{e.action}</span> {e.stage} →{' '}
      {e.target === ENDING_STATE_NAME ? 'match complete' : e.target}{' '}
      <span className="edge-result">{e.result ? 'applies' : 'does not apply'}</span>
      {e.conditions.length > 0 && (
        <ul className="cond-list">
          {e.conditions.map((c, i) => (
            <ConditionLine key={i} c={c} />
          ))}
        </ul>
      )}
    </li>
  );
}

function Run({ run }: { run: RunTrace }) {
  const outcome = run.discarded
    ? `discarded: ${DISCARD_TEXT[run.discarded]}`
    : run.branches.length === 0
      ? 'unchanged'
      : run.branches
          .map((b) =>
            b.via === 'completed'
              ? 'completed a match'
              : `${b.via === 'take' ? 'took the event' : 'ignored it'} → ${b.stage}`,
          )
          .join('; ');
  return (
    <li className="run" data-testid="trace-run">
      <div className="run-head">
        <strong>{run.stage === '(start)' ? 'Start' : `Partial match in “${run.stage}”`}</strong>
        {run.bound.length > 0 && (
          <span className="text-muted">
            {' '}
            bound {run.bound.map((b) => `${b.stage} ${b.seqs.map(eventLabel).join(', ')}`).join(' · ')}
          </span>
        )}
        <span className={run.discarded ? 'run-outcome is-discarded' : 'run-outcome'}>{outcome}</span>
      </div>
      <ul className="edge-list">
        {run.edges.map((e, i) => (
          <Edge key={i} e={e} />
        ))}
      </ul>
    </li>
  );
}

export function EventTrace({ report }: { report: StepReport }) {
  if (report.processed.length === 0) {
    return (
      <p className="text-muted" data-testid="replay-trace">
        {report.waitingForWatermark
          ? 'The engine has not processed this event yet: it waits until the watermark passes its time.'
          : 'Nothing was processed in this step.'}
      </p>
    );
  }
  return (
    <div data-testid="replay-trace">
      {report.processed.map((p) => (
        <section key={p.event.seq} className="trace-event">
          <h4 className="trace-title">
            Event {eventLabel(p.event.seq)}
            {p.shownRuns < p.totalRuns && (
              <span className="text-muted">
                {' '}
                · showing {p.shownRuns} of {p.totalRuns} partial matches
              </span>
            )}
          </h4>
          <ul className="run-list">
            {p.runs.map((r) => (
              <Run key={r.runId} run={r} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
