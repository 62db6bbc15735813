/**
 * Breakpoints in pattern terms, checked while the runner steps: a partial match enters a stage,
 * a match completes, a partial match is discarded, a key holds too many partial matches, an
 * event satisfies a condition, the watermark passes a time.
 */
import { compileCondition, type CompiledCondition } from '../expr/condition';
import type { Diagnostic } from '../pattern/diagnostic';
import type { MatcherOutput } from '../nfa/matcher-types';
import type { RunBranched, RunDiscarded } from '../nfa/observer';
import { generalView } from '../nfa/run-view';
import type { Match } from '../nfa/types';
import { enteredStages } from './counters';
import { eventLabel } from './event-label';
import type { ReplayPattern } from './replay-pattern';
import type { Runner, StepListener } from './runner';
import type { DiscardKind } from './types';

export type Breakpoint = { id?: string; enabled?: boolean } & (
  | { kind: 'enter-stage'; stage: string }
  | { kind: 'match' }
  | { kind: 'discard'; reasons?: DiscardKind[] }
  | { kind: 'partial-count'; above: number }
  | { kind: 'event'; expression: string }
  | { kind: 'watermark'; passes: number }
);

export interface BreakpointHit {
  /** Index in the breakpoint list, and its id when it has one. */
  index: number;
  id?: string;
  kind: Breakpoint['kind'];
  /** The step that hit (position after it). */
  position: number;
  /**
   * The event it fired on. In event time a step may process earlier events the watermark released,
   * so this can be older than the event the step pushed. Absent when no event caused it (the end of
   * input's flush).
   */
  seq?: number;
  message: string;
}

export type BreakpointsResult =
  { ok: true; breakpoints: CompiledBreakpoints } | { ok: false; diagnostics: Diagnostic[] };

interface Armed {
  index: number;
  bp: Breakpoint;
  test?: CompiledCondition;
}

/** Validated breakpoints with their event conditions compiled once. */
export class CompiledBreakpoints {
  constructor(
    readonly list: readonly Breakpoint[],
    private readonly armed: readonly Armed[],
  ) {}

  get isEmpty(): boolean {
    return this.armed.length === 0;
  }

  /** Steps once and returns the first breakpoint hit by that step, if any. */
  step(runner: Runner): BreakpointHit | null {
    const { pattern } = runner.ctx;
    const hits: BreakpointHit[] = [];
    const before = runner.matcher.watermark;
    const position = runner.position + 1;
    const event = runner.position < runner.ctx.source.count ? runner.reader.at(runner.position) : null;
    const hit = (a: Armed, message: string, seq: number | undefined = event?.seq): void => {
      hits.push({
        index: a.index,
        ...(a.bp.id !== undefined ? { id: a.bp.id } : {}),
        kind: a.bp.kind,
        position,
        ...(seq !== undefined ? { seq } : {}),
        message,
      });
    };
    for (const a of this.armed) {
      if (a.test && event) {
        let ok: boolean;
        try {
          ok = a.test(event.payload, { eventsOf: () => [] });
        } catch {
          ok = false;
        }
        if (ok)
          hit(a, `event ${eventLabel(event.seq)} satisfies ${(a.bp as { expression: string }).expression}`);
      }
    }
    const listener: StepListener = {
      branched: (b: RunBranched) => {
        for (const a of this.armed)
          if (a.bp.kind === 'enter-stage' && enteredStages(pattern, b).includes(a.bp.stage))
            hit(a, `a partial match entered "${a.bp.stage}" with event ${eventLabel(b.seq)}`, b.seq);
      },
      discardedAs: (d: RunDiscarded, kind: DiscardKind) => {
        for (const a of this.armed)
          if (a.bp.kind === 'discard' && (a.bp.reasons === undefined || a.bp.reasons.includes(kind)))
            hit(
              a,
              `a partial match at "${pattern.stateByName.get(d.state)?.stage ?? d.state}" was discarded (${kind})${d.seq !== undefined ? ` at event ${eventLabel(d.seq)}` : ''}`,
              d.seq ?? event?.seq,
            );
      },
    };
    const outputs: MatcherOutput[] = runner.step(listener);
    for (const a of this.armed) {
      if (a.bp.kind === 'match') {
        const m = outputs.find((o) => o.kind === 'match');
        if (m && m.kind === 'match') {
          const last = lastSeqOf(m.match);
          hit(
            a,
            `a match completed for key "${m.key}"${last !== undefined ? ` with event ${eventLabel(last)}` : ''}`,
            last ?? event?.seq,
          );
        }
      } else if (a.bp.kind === 'watermark') {
        const t = a.bp.passes;
        if (before < t && runner.matcher.watermark >= t) hit(a, `the watermark passed ${pattern.text.at(t)}`);
      } else if (a.bp.kind === 'partial-count' && event) {
        const n = this.countFor(runner, pattern, event.payload);
        if (n > a.bp.above)
          hit(
            a,
            `key "${pattern.keyOf(event.payload)}" holds ${n} partial matches (more than ${a.bp.above})`,
          );
      }
    }
    if (hits.length === 0) return null;
    hits.sort((x, y) => x.index - y.index);
    return hits[0];
  }

  private countFor(runner: Runner, pattern: ReplayPattern, payload: Record<string, unknown>): number {
    const ks = runner.matcher.keys.get(pattern.keyOf(payload));
    if (!ks) return 0;
    let n = 0;
    for (const r of generalView(pattern.nfa, ks).partial) if (r.startFid >= 0) n++;
    return n + ks.completed.length;
  }
}

/** The newest event bound in a match (the one that completed it). */
function lastSeqOf(match: Match): number | undefined {
  let last: number | undefined;
  for (const s of match.stages)
    for (const e of s.events) if (last === undefined || e.seq > last) last = e.seq;
  return last;
}

export function compileBreakpoints(pattern: ReplayPattern, list: readonly Breakpoint[]): BreakpointsResult {
  const armed: Armed[] = [];
  const diagnostics: Diagnostic[] = [];
  list.forEach((bp, index) => {
    if (bp.enabled === false) return;
    if (bp.kind === 'enter-stage' && !pattern.stages.some((s) => s.stage === bp.stage)) {
      diagnostics.push({
        code: 'replay.unknown-stage',
        message: `breakpoint ${index + 1}: the pattern has no stage "${bp.stage}"`,
        severity: 'error',
        target: { kind: 'pattern' },
      });
      return;
    }
    if (bp.kind === 'event') {
      const c = compileCondition(bp.expression, { stages: pattern.nfa.stageNames, schema: pattern.schema });
      if (!c.ok) {
        for (const d of c.diagnostics)
          diagnostics.push({ ...d, message: `breakpoint ${index + 1}: ${d.message}` });
        return;
      }
      armed.push({ index, bp, test: c.condition });
      return;
    }
    armed.push({ index, bp });
  });
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  return { ok: true, breakpoints: new CompiledBreakpoints(list, armed) };
}
