/**
 * The quantifier of a stage or group. It offers only combinations Flink accepts for this node and
 * says why the others are off, quoting Flink's own refusal.
 */
import { memo, useState } from 'react';
import type { DocQuantifier } from '../../../engine/format/schema';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import type { InnerContiguity, QuantifierKind } from '../../../engine/pattern/spec';
import { DurationInput } from './DurationInput';
import { FieldMessages } from './FieldMessages';
import { quantifierNotation, withKind, type Availability, type QuantifierOptions } from './quantifier-rules';
import { WholeNumberInput } from './WholeNumberInput';

interface QuantifierEditorProps {
  quantifier: DocQuantifier;
  options: QuantifierOptions;
  diagnostics: readonly Diagnostic[];
  onChange: (next: DocQuantifier) => void;
}

const KINDS: { kind: QuantifierKind; label: string }[] = [
  { kind: 'one', label: 'Once' },
  { kind: 'times', label: 'Times' },
  { kind: 'timesOrMore', label: 'n or more' },
  { kind: 'oneOrMore', label: 'One or more' },
];

const INNER: { value: InnerContiguity; label: string; hint: string }[] = [
  { value: 'relaxed', label: 'relaxed', hint: 'Other events may come between repetitions' },
  { value: 'consecutive', label: 'consecutive', hint: 'Repetitions must follow each other directly' },
  {
    value: 'allowCombinations',
    label: 'allowCombinations',
    hint: 'Every combination of matching events (non-deterministic)',
  },
];

const reasonOf = (a: Availability): string | undefined => (a.enabled ? undefined : a.reason);

/** Memoized: the stage inspector renders on every key typed in a condition; this part shows none of it. */
export const QuantifierEditor = memo(function QuantifierEditor({
  quantifier: q,
  options,
  diagnostics,
  onChange,
}: QuantifierEditorProps) {
  const [countError, setCountError] = useState<string | null>(null);
  const [windowError, setWindowError] = useState<string | null>(null);
  const set = (patch: Partial<DocQuantifier>): void => onChange({ ...q, ...patch });
  const innerAvailability = (v: InnerContiguity): Availability =>
    v === 'consecutive'
      ? options.consecutive
      : v === 'allowCombinations'
        ? options.allowCombinations
        : { enabled: true };
  const repeating = q.kind !== 'one';
  // The same reason for many options (a NOT stage) is said once.
  const reasons = [
    ...new Set(
      [
        ...KINDS.map((k) => reasonOf(options.kinds[k.kind])),
        reasonOf(options.optional),
        reasonOf(options.greedy),
        ...(repeating ? INNER.map((i) => reasonOf(innerAvailability(i.value))) : []),
      ].filter((r): r is string => !!r),
    ),
  ];

  return (
    <div className="quantifier-editor" data-testid="quantifier-editor">
      <div className="insp-label-row">
        <span className="insp-label">How many events</span>
        <span className="insp-notation" title="Flink-style notation" data-testid="quantifier-notation">
          {quantifierNotation(q)}
        </span>
      </div>
      <div className="insp-segmented" role="radiogroup" aria-label="How many events">
        {KINDS.map(({ kind, label }) => {
          const a = options.kinds[kind];
          const checked = q.kind === kind;
          return (
            <button
              key={kind}
              type="button"
              role="radio"
              aria-checked={checked}
              className={`insp-segment${checked ? ' insp-segment-on' : ''}`}
              disabled={!a.enabled && !checked}
              title={reasonOf(a)}
              data-testid={`quantifier-kind-${kind}`}
              onClick={() => onChange(withKind(q, kind))}
            >
              {label}
            </button>
          );
        })}
      </div>

      {q.kind === 'times' && (
        <div className="insp-row">
          <span className="insp-row-label">from</span>
          <WholeNumberInput
            value={q.from}
            min={0}
            ariaLabel="At least"
            testId="quantifier-from"
            onError={setCountError}
            onCommit={(from) => set({ from })}
          />
          <span className="insp-row-label">to</span>
          <WholeNumberInput
            value={q.to}
            min={1}
            ariaLabel="At most"
            testId="quantifier-to"
            onError={setCountError}
            onCommit={(to) => set({ to })}
          />
          <span className="insp-row-label">times</span>
        </div>
      )}
      {q.kind === 'timesOrMore' && (
        <div className="insp-row">
          <span className="insp-row-label">at least</span>
          <WholeNumberInput
            value={q.from}
            min={1}
            ariaLabel="At least"
            testId="quantifier-from"
            onError={setCountError}
            onCommit={(from) => set({ from })}
          />
          <span className="insp-row-label">times</span>
        </div>
      )}
      <FieldMessages error={countError} />

      <div className="insp-checks">
        <label className="insp-check" title={reasonOf(options.optional)}>
          <input
            type="checkbox"
            checked={q.optional}
            disabled={!options.optional.enabled && !q.optional}
            data-testid="quantifier-optional"
            onChange={(e) => set({ optional: e.target.checked })}
          />
          Optional
        </label>
        <label className="insp-check" title={reasonOf(options.greedy)}>
          <input
            type="checkbox"
            checked={q.greedy}
            disabled={!options.greedy.enabled && !q.greedy}
            data-testid="quantifier-greedy"
            onChange={(e) => set({ greedy: e.target.checked })}
          />
          Greedy
        </label>
      </div>

      {repeating && (
        <div className="insp-subfield">
          <div className="insp-sublabel">Between repetitions</div>
          <div className="insp-segmented" role="radiogroup" aria-label="Between repetitions">
            {INNER.map(({ value, label, hint }) => {
              const a = innerAvailability(value);
              const checked = q.inner === value;
              return (
                <button
                  key={value}
                  type="button"
                  role="radio"
                  aria-checked={checked}
                  className={`insp-segment${checked ? ' insp-segment-on' : ''}`}
                  disabled={!a.enabled && !checked}
                  title={reasonOf(a) ?? hint}
                  data-testid={`quantifier-inner-${value}`}
                  onClick={() => set({ inner: value })}
                >
                  {label}
                </button>
              );
            })}
          </div>
          <label className="insp-check" title={reasonOf(options.window)}>
            <input
              type="checkbox"
              checked={q.window !== undefined}
              disabled={!options.window.enabled && q.window === undefined}
              data-testid="quantifier-window-toggle"
              onChange={(e) => {
                setWindowError(null);
                if (e.target.checked) set({ window: 1000 });
                else {
                  const next = { ...q };
                  delete next.window;
                  onChange(next);
                }
              }}
            />
            Limit the time between repetitions
          </label>
          {q.window !== undefined && (
            <DurationInput
              ms={q.window}
              testId="quantifier-window"
              onError={setWindowError}
              onCommit={(window) => set({ window })}
            />
          )}
          <FieldMessages error={windowError} />
        </div>
      )}

      {reasons.length > 0 && (
        <ul
          className="insp-reasons"
          aria-label="Why some options are unavailable"
          data-testid="quantifier-reasons"
        >
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      <FieldMessages diagnostics={diagnostics} />
    </div>
  );
});
