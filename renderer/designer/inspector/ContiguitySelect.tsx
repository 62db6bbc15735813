/** How a node attaches to the previous one (its incoming edge), with Flink's refusals explained. */
import type { PatternEdge } from '../../../engine/format/schema';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import type { Contiguity } from '../../../engine/pattern/spec';
import { CONTIGUITY_CHOICES } from './contiguity-rules';
import type { Availability } from './quantifier-rules';
import { Field } from './Field';

interface ContiguitySelectProps {
  edge: PatternEdge;
  /** contiguityOptions(doc, edge) */
  options: Record<Contiguity, Availability>;
  diagnostics: readonly Diagnostic[];
  onChange: (contiguity: Contiguity) => void;
}

export function ContiguitySelect({ edge, options, diagnostics, onChange }: ContiguitySelectProps) {
  const current = CONTIGUITY_CHOICES.find((c) => c.value === edge.contiguity);
  const reasons = [
    ...new Set(CONTIGUITY_CHOICES.map((c) => options[c.value]).flatMap((a) => (a.enabled ? [] : [a.reason]))),
  ];
  return (
    <Field label="Contiguity" hint={current?.hint} diagnostics={diagnostics}>
      {(id) => (
        <>
          <select
            id={id}
            className="insp-select"
            value={edge.contiguity}
            data-testid="contiguity-select"
            onChange={(e) => onChange(e.target.value as Contiguity)}
          >
            {CONTIGUITY_CHOICES.map((c) => {
              const a = options[c.value];
              return (
                <option
                  key={c.value}
                  value={c.value}
                  disabled={!a.enabled && c.value !== edge.contiguity}
                  title={a.enabled ? c.hint : a.reason}
                >
                  {c.label}
                  {a.enabled ? '' : ' (unavailable)'}
                </option>
              );
            })}
          </select>
          {reasons.length > 0 && (
            <ul className="insp-reasons" data-testid="contiguity-reasons">
              {reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </Field>
  );
}
