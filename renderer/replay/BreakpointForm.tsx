/**
 * Adds one breakpoint in pattern terms: stage entered, match, discard (reason), key count, event
 * expression, watermark time. A condition is checked as the condition editor checks one (syntax,
 * fields of the event schema, types) and refused with one message at the field; so is anything the
 * session refuses.
 */
import { useState } from 'react';
import type { Breakpoint, DiscardKind } from '../../engine/debug';
import { compileCondition } from '../../engine/expr/index';
import type { EventSchema } from '../../engine/pattern/spec';
import { DISCARD_TEXT } from './describe';
import { parseSeek } from './seek-parse';

type Kind = Breakpoint['kind'];

const KINDS: { value: Kind; label: string }[] = [
  { value: 'enter-stage', label: 'Enters stage' },
  { value: 'match', label: 'Match completes' },
  { value: 'discard', label: 'Partial match discarded' },
  { value: 'partial-count', label: 'Key count above' },
  { value: 'event', label: 'Event satisfies' },
  { value: 'watermark', label: 'Watermark passes' },
];

/** The first error of a breakpoint condition, as the condition editor words it (with its column). */
export function conditionError(expression: string, stages: string[], schema?: EventSchema): string | null {
  const r = compileCondition(expression, schema ? { stages, schema } : { stages });
  if (r.ok) return null;
  const d = r.diagnostics.find((x) => x.severity === 'error') ?? r.diagnostics[0];
  if (!d) return null;
  const column = d.range ? ` (column ${d.range.column})` : '';
  return `${d.message.charAt(0).toUpperCase()}${d.message.slice(1)}${column}`;
}

export interface BreakpointFormProps {
  stages: string[];
  /** Fields an event condition may use (the pattern's schema, or the recording's). */
  schema?: EventSchema;
  /** Adds it; resolves to the session's reason when it refused it. */
  onAdd: (bp: Breakpoint) => Promise<string | null>;
}

export function BreakpointForm({ stages, schema, onAdd }: BreakpointFormProps) {
  const [kind, setKind] = useState<Kind>('enter-stage');
  const [stage, setStage] = useState(stages[0] ?? '');
  const [reason, setReason] = useState<DiscardKind | ''>('');
  const [count, setCount] = useState('10');
  const [expression, setExpression] = useState('');
  const [time, setTime] = useState('');
  const [error, setError] = useState<string | null>(null);

  const build = (): Breakpoint | string => {
    switch (kind) {
      case 'enter-stage':
        return stage ? { kind, stage } : 'Choose a stage';
      case 'match':
        return { kind };
      case 'discard':
        return reason ? { kind, reasons: [reason] } : { kind };
      case 'partial-count': {
        const n = Number(count);
        return Number.isInteger(n) && n >= 0 ? { kind, above: n } : 'The count must be a whole number ≥ 0';
      }
      case 'event': {
        const text = expression.trim();
        if (!text) return 'Type a condition, e.g. amount > 10000';
        return conditionError(text, stages, schema) ?? { kind, expression: text };
      }
      case 'watermark': {
        const t = parseSeek(time);
        return typeof t !== 'string' && t.ts !== undefined
          ? { kind, passes: t.ts }
          : 'Type a time, e.g. 2026-03-02T10:00:00Z';
      }
    }
  };

  return (
    <form
      className="bp-form"
      data-testid="breakpoint-form"
      onSubmit={(e) => {
        e.preventDefault();
        const bp = build();
        if (typeof bp === 'string') return setError(bp);
        setError(null);
        void onAdd({ ...bp, id: `bp-${Date.now().toString(36)}`, enabled: true }).then((refused) => {
          if (refused) setError(refused);
          else if (kind === 'event') setExpression('');
        });
      }}
    >
      <select
        className="cx-input"
        aria-label="Breakpoint kind"
        data-testid="breakpoint-kind"
        value={kind}
        onChange={(e) => {
          setKind(e.target.value as Kind);
          setError(null);
        }}
      >
        {KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </select>
      {kind === 'enter-stage' && (
        <select
          className="cx-input"
          aria-label="Stage"
          data-testid="breakpoint-stage"
          value={stage}
          onChange={(e) => setStage(e.target.value)}
        >
          {stages.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      )}
      {kind === 'discard' && (
        <select
          className="cx-input"
          aria-label="Discard reason"
          value={reason}
          onChange={(e) => setReason(e.target.value as DiscardKind | '')}
        >
          <option value="">any reason</option>
          {(Object.keys(DISCARD_TEXT) as DiscardKind[]).map((r) => (
            <option key={r} value={r}>
              {DISCARD_TEXT[r]}
            </option>
          ))}
        </select>
      )}
      {kind === 'partial-count' && (
        <input
          className="cx-input bp-number"
          aria-label="Count"
          type="number"
          min={0}
          value={count}
          onChange={(e) => setCount(e.target.value)}
        />
      )}
      {kind === 'event' && (
        <input
          className="cx-input bp-expr mono"
          aria-label="Condition"
          data-testid="breakpoint-expression"
          placeholder="amount > 10000"
          value={expression}
          aria-invalid={error !== null}
          aria-describedby={error ? 'breakpoint-error' : undefined}
          onChange={(e) => {
            setExpression(e.target.value);
            setError(null);
          }}
        />
      )}
      {kind === 'watermark' && (
        <input
          className="cx-input"
          aria-label="Time"
          placeholder="2026-03-02T10:00:00Z"
          value={time}
          aria-invalid={error !== null}
          onChange={(e) => {
            setTime(e.target.value);
            setError(null);
          }}
        />
      )}
      <button type="submit" className="btn" data-testid="breakpoint-add">
        Add
      </button>
      {error && (
        <p id="breakpoint-error" className="field-error" role="alert" data-testid="breakpoint-form-error">
          {error}
        </p>
      )}
    </form>
  );
}
