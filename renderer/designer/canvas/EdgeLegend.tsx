/** A compact legend of the five contiguities, so dashes and colours never need guessing. */
import { CONTIGUITIES, CONTIGUITY_STYLES } from '../../canvas/contiguity';

export function EdgeLegend() {
  return (
    <div className="edge-legend" aria-label="Connection styles">
      {CONTIGUITIES.map((c) => {
        const s = CONTIGUITY_STYLES[c];
        return (
          <span key={c} className="edge-legend-item" title={s.help}>
            <svg width="26" height="8" aria-hidden>
              <line
                x1="1"
                y1="4"
                x2="25"
                y2="4"
                className={s.negated ? 'legend-line legend-line-not' : 'legend-line'}
                strokeDasharray={s.dash || undefined}
              />
            </svg>
            {s.label}
          </span>
        );
      })}
    </div>
  );
}
