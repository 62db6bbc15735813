/** Shown instead of generated text when a target cannot express the pattern faithfully. */
import type { ExpressibilityItem } from '../../engine/export/types';

export function RefusalNotice({ label, reasons }: { label: string; reasons: ExpressibilityItem[] }) {
  return (
    <div className="export-refusal" role="alert" data-testid="export-refusal">
      <p className="export-refusal-title">
        This pattern cannot be written as {label} without changing what it matches.
      </p>
      <ul>
        {reasons.map((r, i) => (
          <li key={i} data-testid="export-refusal-reason">
            {r.stage && <strong>{r.stage}: </strong>}
            {r.reason ?? 'not expressible'}
          </li>
        ))}
      </ul>
      <p className="export-hint">Choose another format, or change the pattern and come back.</p>
    </div>
  );
}
