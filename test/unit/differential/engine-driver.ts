/**
 * Drives the real engine (engine/nfa) the way Flink's NFATestHarness does: for each event,
 * advanceTime(ts) then processEvent; nothing flushed at the end. Each match is tagged with the step
 * and phase that produced it, in the same shape the reference reports.
 */
import {
  advanceTime,
  compilePattern,
  createNfaState,
  processEvent,
  type Match,
  type NfaStepResult,
} from '../../../engine/nfa';
import type { PatternSpec } from '../../../engine/pattern/spec';
import type { GeneratedEvent } from './arbitraries';

export interface TaggedMatch {
  key: string;
  step: number;
  phase: 'advance' | 'process';
  start: number;
}

export function keyOf(stages: readonly { stage: string; events: readonly number[] }[]): string {
  return stages.map((s) => `${s.stage}:${s.events.join(',')}`).join('|');
}

function tagged(m: Match, step: number, phase: TaggedMatch['phase']): TaggedMatch {
  const stages = m.stages.map((s) => ({ stage: s.stage, events: s.events.map((e) => e.seq) }));
  return { key: keyOf(stages), step, phase, start: Math.min(...stages.flatMap((s) => s.events)) };
}

/** The engine's matches, or why it could not run (rejected pattern, runtime error, warnings). */
export function runEngine(
  spec: PatternSpec,
  events: readonly GeneratedEvent[],
): TaggedMatch[] | { error: string } {
  const compiled = compilePattern(spec);
  if (!compiled.ok) return { error: `rejected: ${compiled.diagnostics.map((d) => d.message).join('; ')}` };
  const { nfa } = compiled;
  const state = createNfaState(nfa);
  const out: TaggedMatch[] = [];
  const collect = (r: NfaStepResult, step: number, phase: TaggedMatch['phase']): string | null => {
    if (r.error) return `runtime error at step ${step}: ${JSON.stringify(r.error)}`;
    if (r.warnings?.length) return `warnings at step ${step}: ${r.warnings.join('; ')}`;
    out.push(...r.matches.map((m) => tagged(m, step, phase)));
    return null;
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    const problem =
      collect(advanceTime(nfa, state, e.ts), i, 'advance') ??
      collect(processEvent(nfa, state, e.record, e.ts, i), i, 'process');
    if (problem) return { error: problem };
  }
  return out;
}
