/** Adds one breakpoint in pattern terms: stage entered, match, discard (reason), key count, event expression, watermark time. */
import { useState } from 'react';
import type { Breakpoint, DiscardKind } from '../../engine/debug';
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

export function BreakpointForm({ stages, onAdd }: { stages: string[]; onAdd: (bp: Breakpoint) => void }) {
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
      case 'event':
        return expression.trim()
          ? { kind, expression: expression.trim() }
          : 'Type a condition, e.g. amount > 10000';
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
        onAdd({ ...bp, id: `bp-${Date.now().toString(36)}`, enabled: true });
      }}
    >
      <select
        className="cx-input"
        aria-label="Breakpoint kind"
        data-testid="breakpoint-kind"
        value={kind}
        onChange={(e) => setKind(e.target.value as Kind)}
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
          onChange={(e) => setExpression(e.target.value)}
        />
      )}
      {kind === 'watermark' && (
        <input
          className="cx-input"
          aria-label="Time"
          placeholder="2026-03-02T10:00:00Z"
          value={time}
          onChange={(e) => setTime(e.target.value)}
        />
      )}
      <button type="submit" className="btn" data-testid="breakpoint-add">
        Add
      </button>
      {error && (
        <span className="text-danger" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
