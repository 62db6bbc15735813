/**
 * The engine as applications drive it: compilePattern + createMatcher (event time, watermarks
 * derived from timestamps), one push per event, flush at the end. Every output is counted.
 */
import {
  advanceTime,
  compilePattern,
  createMatcher,
  createNfaState,
  livePartialMatches as liveIn,
  processEvent,
  type CepMatcher,
  type MatcherOptions,
} from '../engine/nfa/index';
import type { EventRecord, PatternSpec, Quantifier, StageSpec } from '../engine/pattern/spec';
import type { EngineRun } from './harness';

export const ENGINE_PATH = 'createMatcher (event time, auto watermarks)';

export function one(): Quantifier {
  return { kind: 'one', optional: false, greedy: false, inner: 'relaxed' };
}

export function stage(
  name: string,
  contiguity: StageSpec['contiguity'],
  where: string,
  quantifier: Quantifier = one(),
): StageSpec {
  return { name, contiguity, where, quantifier };
}

export function compileOrThrow(spec: PatternSpec): ReturnType<typeof compilePattern> & { ok: true } {
  const r = compilePattern(spec);
  if (!r.ok)
    throw new Error(`bench pattern does not compile: ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r;
}

/** Live runs that have started (each key's idle start run excluded) plus completed runs held by the skip strategy. */
export function livePartialMatches(m: CepMatcher): number {
  let n = 0;
  for (const ks of m.keys.values()) n += liveIn(ks);
  return n;
}

export function matcherRun(
  spec: PatternSpec,
  options: Omit<MatcherOptions, 'time' | 'timestampOf'>,
): () => EngineRun<EventRecord> {
  const { nfa } = compileOrThrow(spec);
  const timestampOf = (e: EventRecord): number => e.ts as number;
  return () => {
    const m = createMatcher(nfa, { time: 'event', timestampOf, ...options });
    let dropped = 0;
    const count = (outs: readonly { kind: string; message?: string }[]): void => {
      for (const o of outs) {
        if (o.kind !== 'warning' || o.message === undefined) continue;
        const k = /: (\d+) new partial match/.exec(o.message);
        if (k) dropped += Number(k[1]);
      }
    };
    return {
      push: (e) => count(m.push(e)),
      finish: () => count(m.flush()),
      matches: () => m.counters.matches,
      livePartialMatches: () => livePartialMatches(m),
      counters: () => ({
        timeouts: m.counters.timeouts,
        late: m.counters.late,
        droppedByCap: dropped,
        errors: m.counters.errors,
      }),
    };
  };
}

export const NFA_PATH = 'NFA direct (advanceTime + processEvent per event, unkeyed, in order)';

/** The low-level step functions the replay debugger builds on: no buffering, no watermarks. */
export function nfaRun(spec: PatternSpec): () => EngineRun<EventRecord> {
  const { nfa } = compileOrThrow(spec);
  return () => {
    const st = createNfaState(nfa);
    let seq = 0;
    let matches = 0;
    let lastTs = 0;
    return {
      push: (e) => {
        const ts = e.ts as number;
        lastTs = ts;
        matches += advanceTime(nfa, st, ts).matches.length;
        matches += processEvent(nfa, st, e, ts, seq++).matches.length;
      },
      finish: () => {
        matches += advanceTime(nfa, st, lastTs + 1).matches.length;
      },
      matches: () => matches,
      livePartialMatches: () => st.partial.filter((r) => r.startFid >= 0).length + st.completed.length,
    };
  };
}
