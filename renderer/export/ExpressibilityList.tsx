/** Per stage (or for the whole pattern): can this target express it, and if not, why, in words. */
import type { TargetReport } from '../../engine/export/types';

export function ExpressibilityList({ report }: { report: TargetReport }) {
  if (report.items.length === 0) return <p className="export-hint">No stages to check yet.</p>;
  return (
    <ul className="export-report" data-testid="export-report">
      {report.items.map((item, i) => (
        <li
          key={`${item.nodeId ?? item.stage ?? 'pattern'}-${i}`}
          className="export-report-item"
          data-testid="export-report-item"
          data-ok={item.ok}
          data-cause={item.cause ?? ''}
          data-note={item.note !== undefined}
          data-stage={item.stage ?? ''}
        >
          <span
            className={`export-mark ${item.ok ? (item.note ? 'is-note' : 'is-ok') : item.cause === 'pattern' ? 'is-error' : 'is-refused'}`}
            aria-label={
              item.ok
                ? item.note
                  ? 'expressible, with a note'
                  : 'expressible'
                : item.cause === 'pattern'
                  ? 'error in the pattern'
                  : 'not expressible'
            }
          >
            {item.ok ? (item.note ? 'ℹ' : '✓') : item.cause === 'pattern' ? '!' : '✗'}
          </span>
          <span className="export-report-stage">{item.stage ?? 'Pattern'}</span>
          <span className="export-report-reason">
            {item.ok
              ? (item.note ?? 'expressible')
              : item.cause === 'pattern'
                ? (item.reason ?? '').replace(/^Pattern: /, 'Error: ')
                : (item.reason ?? 'not expressible')}
          </span>
        </li>
      ))}
    </ul>
  );
}
