/** Compare any two versions (or a version and the canvas): two pickers, then every compare section. */
import type { CepApi, PatternVersionInfo } from '../../../electron/contract';
import { COMPARE_SECTIONS } from './compare-sections';
import { sideLabel, type CompareSide, type VersionKey } from './version-docs';

interface Props {
  api: CepApi;
  patternId: string;
  versions: PatternVersionInfo[];
  fromKey: VersionKey | null;
  toKey: VersionKey;
  from: CompareSide | null;
  to: CompareSide | null;
  onPick: (side: 'from' | 'to', key: VersionKey | null) => void;
}

function Picker({
  label,
  value,
  versions,
  allowNone,
  onChange,
  testId,
}: {
  label: string;
  value: VersionKey | null;
  versions: PatternVersionInfo[];
  allowNone: boolean;
  onChange: (key: VersionKey | null) => void;
  testId: string;
}) {
  const encoded = value === null ? 'none' : String(value);
  return (
    <label className="vh-pick">
      <span>{label}</span>
      <select
        value={encoded}
        data-testid={testId}
        onChange={(e) =>
          onChange(
            e.target.value === 'none'
              ? null
              : e.target.value === 'canvas'
                ? 'canvas'
                : Number(e.target.value),
          )
        }
      >
        {allowNone && <option value="none">(nothing: first version)</option>}
        <option value="canvas">{sideLabel(null, null)}</option>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {sideLabel(v.version, v.message)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function VersionCompare({ api, patternId, versions, fromKey, toKey, from, to, onPick }: Props) {
  return (
    <section className="vh-detail" data-testid="version-compare" aria-label="Compare versions">
      <div className="vh-pickers">
        <Picker
          label="From"
          value={fromKey}
          versions={versions}
          allowNone
          onChange={(k) => onPick('from', k)}
          testId="compare-from"
        />
        <Picker
          label="To"
          value={toKey}
          versions={versions}
          allowNone={false}
          onChange={(k) => onPick('to', k)}
          testId="compare-to"
        />
      </div>
      {fromKey === null && to ? (
        <p className="vh-muted">{to.label} created the pattern.</p>
      ) : from && to ? (
        COMPARE_SECTIONS.map(({ id, title, Component }) => (
          <div key={id} className="vh-section" data-testid={`compare-section-${id}`}>
            <h4>{title}</h4>
            <Component api={api} patternId={patternId} from={from} to={to} />
          </div>
        ))
      ) : (
        <p className="vh-muted">Loading…</p>
      )}
    </section>
  );
}
