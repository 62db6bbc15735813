/**
 * Drives the real engine (engine/nfa) the way Flink's NFATestHarness does: for each event,
 * advanceTime(ts) then processEvent; nothing flushed at the end. Each match is tagged with the step
 * and phase that produced it, in the same shape the reference reports.
 */
import type { PatternSpec } from '../../../engine/pattern/spec';
import type { GeneratedEvent } from './arbitraries';

interface EngineMatch {
  stages: { stage: string; events: { seq: number }[] }[];
}

/** The slice of engine/nfa's public API this test uses. */
export interface EngineApi {
  compilePattern(spec: PatternSpec): { ok: boolean; nfa?: unknown; diagnostics: { message: string }[] };
  createNfaState(nfa: never): unknown;
  advanceTime(nfa: never, state: never, ts: number): { matches: EngineMatch[] };
  processEvent(nfa: never, state: never, event: GeneratedEvent['record'], ts: number, seq: number): { matches: EngineMatch[] };
}

export interface TaggedMatch {
  key: string;
  step: number;
  phase: 'advance' | 'process';
  start: number;
}

export function keyOf(stages: readonly { stage: string; events: readonly number[] }[]): string {
  return stages.map((s) => `${s.stage}:${s.events.join(',')}`).join('|');
}

export function runEngine(api: EngineApi, spec: PatternSpec, events: readonly GeneratedEvent[]): TaggedMatch[] | { error: string } {
  const compiled = api.compilePattern(spec);
  if (!compiled.ok) return { error: compiled.diagnostics.map((d) => d.message).join('; ') };
  const nfa = compiled.nfa as never;
  const state = api.createNfaState(nfa) as never;
  const out: TaggedMatch[] = [];
  const collect = (matches: EngineMatch[], step: number, phase: TaggedMatch['phase']): void => {
    for (const m of matches) {
      const stages = m.stages.map((s) => ({ stage: s.stage, events: s.events.map((e) => e.seq) }));
      out.push({ key: keyOf(stages), step, phase, start: Math.min(...stages.flatMap((s) => s.events)) });
    }
  };
  events.forEach((e, i) => {
    collect(api.advanceTime(nfa, state, e.ts).matches, i, 'advance');
    collect(api.processEvent(nfa, state, e.record, e.ts, i).matches, i, 'process');
  });
  return out;
}

/** Loads engine/nfa if it exists yet (another helper is writing it). */
export async function loadEngine(): Promise<EngineApi | null> {
  const path = '../../../engine/nfa/index.ts';
  try {
    return (await import(/* @vite-ignore */ path)) as EngineApi;
  } catch {
    return null;
  }
}
