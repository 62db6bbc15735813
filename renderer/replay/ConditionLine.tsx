/** One condition with its value and the values that decided it (a trace's edge, a why-not verdict). */
import { decidingValues, type ConditionExplanation } from '../../engine/debug';
import { formatCell } from '../recordings/format';

/** A condition as the edge uses it: an ignore edge's "not the stage's condition" reads as `!(…)`, true when it skips. */
export function ConditionLine({ c }: { c: ConditionExplanation }) {
  const steps = decidingValues(c).slice(0, 8);
  const result = c.negated ? !c.result : c.result;
  return (
    <li className={`cond ${result ? 'is-true' : 'is-false'}`}>
      <span className="cond-result">{result ? 'true' : 'false'}</span>{' '}
      <span className="mono">{c.negated ? `!(${c.source})` : c.source}</span>
      {steps.length > 0 && (
        <span className="cond-values">
          {steps.map((v, i) => (
            <span key={i} className="mono cond-value">
              {v.text} = {formatCell(v.value)}
            </span>
          ))}
        </span>
      )}
    </li>
  );
}
