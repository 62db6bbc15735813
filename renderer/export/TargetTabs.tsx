/** The four export targets as tabs, each marked ✓ (expressible) or ✗ (refused) from the report. */
import { EXPORT_TARGETS, type ExportTarget, type ExpressibilityReport } from '../../engine/export/types';
import { TARGET_INFO } from './export-options';

export interface TargetTabsProps {
  target: ExportTarget;
  report: ExpressibilityReport;
  onSelect: (target: ExportTarget) => void;
}

export function TargetTabs({ target, report, onSelect }: TargetTabsProps) {
  const move = (delta: number) => {
    const index = EXPORT_TARGETS.indexOf(target);
    const next = EXPORT_TARGETS[(index + delta + EXPORT_TARGETS.length) % EXPORT_TARGETS.length];
    if (next) onSelect(next);
  };
  return (
    <div
      className="export-tabs"
      role="tablist"
      aria-label="Export format"
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight') move(1);
        else if (e.key === 'ArrowLeft') move(-1);
      }}
    >
      {EXPORT_TARGETS.map((t) => {
        const ok = report[t].ok;
        // Refused because the pattern has errors (fix it) or because this format cannot say it.
        const patternError = !ok && report[t].items.some((i) => i.cause === 'pattern');
        const selected = t === target;
        return (
          <button
            key={t}
            type="button"
            role="tab"
            id={`export-tab-${t}`}
            aria-selected={selected}
            aria-controls="export-panel"
            tabIndex={selected ? 0 : -1}
            className={`export-tab${selected ? ' is-selected' : ''}`}
            data-testid={`export-tab-${t}`}
            data-ok={ok}
            data-pattern-error={patternError}
            title={`${TARGET_INFO[t].label}: ${ok ? 'can be exported' : patternError ? 'fix the pattern first' : 'cannot express this pattern'}`}
            onClick={() => onSelect(t)}
          >
            <span
              className={`export-mark ${ok ? 'is-ok' : patternError ? 'is-error' : 'is-refused'}`}
              aria-label={ok ? 'expressible' : patternError ? 'the pattern has errors' : 'not expressible'}
            >
              {ok ? '✓' : patternError ? '!' : '✗'}
            </span>
            {TARGET_INFO[t].short}
          </button>
        );
      })}
    </div>
  );
}
