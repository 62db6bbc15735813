import type {
  Contiguity,
  PatternSpec,
  Quantifier,
  SkipStrategy,
  StageSpec,
} from '../../../engine/pattern/spec';
import {
  advanceTime,
  compilePattern,
  createNfaState,
  processEvent,
  type CompiledNfa,
  type Match,
  type NfaStepResult,
} from '../../../engine/nfa/index';
import { describeMatch } from './operator-reference';

export function stage(
  name: string,
  contiguity: 'begin' | Contiguity,
  where?: string,
  q: Partial<Quantifier> = {},
  extra: Partial<StageSpec> = {},
): StageSpec {
  return {
    name,
    contiguity,
    where,
    quantifier: { kind: 'one', optional: false, greedy: false, inner: 'relaxed', ...q },
    ...extra,
  };
}

export function pattern(
  stages: StageSpec[],
  skip: SkipStrategy = { kind: 'NO_SKIP' },
  extra: Partial<PatternSpec> = {},
): PatternSpec {
  return { stages, skip, ...extra };
}

export function compile(spec: PatternSpec): CompiledNfa {
  const r = compilePattern(spec);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.nfa;
}

/** The compiled automaton, or null for a generated pattern Flink's rules refuse (property tests skip those). */
export function compileOrNull(spec: PatternSpec): CompiledNfa | null {
  const r = compilePattern(spec);
  return r.ok ? r.nfa : null;
}

/** Events named by a letter-prefixed string, e.g. "a1"; ts defaults to the position. */
export interface Ev {
  name: string;
  ts?: number;
  price?: number;
}

/** Compact match rendering: "a:a1 b:b1,b2". */
export function show(m: Match): string {
  return m.stages
    .map((s) => `${s.stage}:${s.events.map((e) => (e.event as { name: string }).name).join(',')}`)
    .join(' ');
}

/** Drives the NFA like Flink's NFATestHarness: advanceTime(ts) then process, per event. */
export function run(
  nfa: CompiledNfa,
  events: (Ev | string)[],
): { matches: string[]; timeouts: string[]; errors: string[]; warnings: string[] } {
  const st = createNfaState(nfa);
  const out = {
    matches: [] as string[],
    timeouts: [] as string[],
    errors: [] as string[],
    warnings: [] as string[],
  };
  events.forEach((raw, i) => {
    const e = typeof raw === 'string' ? { name: raw } : raw;
    const ts = e.ts ?? i + 1;
    for (const r of [
      advanceTime(nfa, st, ts),
      processEvent(nfa, st, { name: e.name, price: e.price ?? 0 }, ts, i),
    ]) {
      out.matches.push(...r.matches.map(show));
      out.timeouts.push(...r.timeouts.map((t) => `${show(t.match)}@${t.timestamp}`));
      if (r.error) out.errors.push(r.error.message);
      out.warnings.push(...(r.warnings ?? []));
    }
  });
  return out;
}

/** What one NFA step produced, in comparable form: matches and timeouts as stage:seqs, warnings, error. */
export function stepOutcome(r: NfaStepResult): unknown {
  const bound = (m: Match): string[] =>
    m.stages.map((s) => `${s.stage}:${s.events.map((e) => e.seq).join(',')}`);
  return {
    matches: r.matches.map(bound),
    timeouts: r.timeouts.map((t) => bound(t.match)),
    warnings: r.warnings,
    error: r.error,
  };
}

/** One NFA step's result in full: matches and timeouts with their timestamps, timeouts dropped unbuilt, warnings, error. */
export const outcome = (r: NfaStepResult): unknown => ({
  matches: r.matches.map(describeMatch),
  timeouts: r.timeouts.map((t) => `${t.timestamp} ${describeMatch(t.match)}`),
  timedOut: r.timedOut ?? 0,
  warnings: r.warnings,
  error: r.error,
});
