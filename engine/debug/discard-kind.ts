/**
 * Names why the NFA dropped a partial match, in the user's terms. The runtime knows only
 * 'no-transition' for a run no edge could continue; that splits into "stopped by until" (the
 * stage's until held), "contiguity broken" (a strict stage met a non-matching event) and
 * "condition" (a relaxed loop that could neither take nor skip).
 */
import { compileCondition } from '../expr/condition';
import type { DiscardReason } from '../nfa/observer';
import type { Match, NfaStateDef } from '../nfa/types';
import type { EventRecord } from '../pattern/spec';
import type { DiscardKind } from './types';
import type { ReplayPattern } from './replay-pattern';

export type UntilTest = (event: EventRecord, match: Match | undefined) => boolean;

/** Compiled until conditions per stage (the runtime's copies are fused into edge conditions). */
export function untilTests(pattern: ReplayPattern): Map<string, UntilTest> {
  const out = new Map<string, UntilTest>();
  for (const s of pattern.stages) {
    if (s.until === undefined) continue;
    const compiled = compileCondition(s.until, {
      stages: pattern.nfa.stageNames,
      currentStage: s.stage,
      schema: pattern.schema,
    });
    if (!compiled.ok) continue;
    const test = compiled.condition;
    out.set(s.stage, (event, match) => {
      const ctx = {
        eventsOf: (stage: string) =>
          match?.stages.find((m) => m.stage === stage)?.events.map((e) => e.event) ?? [],
      };
      try {
        return test(event, ctx);
      } catch {
        return false;
      }
    });
  }
  return out;
}

export function hasIgnoreEdge(def: NfaStateDef | undefined): boolean {
  return def?.transitions.some((t) => t.action === 'ignore') ?? false;
}

export function discardKind(
  reason: DiscardReason,
  def: NfaStateDef | undefined,
  untilHeld: boolean,
): DiscardKind {
  switch (reason) {
    case 'window':
      return 'window';
    case 'stop':
      return 'not-stage';
    case 'skip':
      return 'skip';
    case 'cap':
      return 'cap';
    case 'no-transition':
      if (untilHeld) return 'until';
      return hasIgnoreEdge(def) ? 'condition' : 'contiguity';
  }
}

/** The not-stage that follows `stage` in the pattern (the one a Stop state belongs to). */
export function notStageAfter(pattern: ReplayPattern, stage: string): string | undefined {
  const i = pattern.stages.findIndex((s) => s.stage === stage);
  for (const s of pattern.stages.slice(Math.max(0, i)))
    if (s.contiguity === 'notNext' || s.contiguity === 'notFollowedBy') return s.stage;
  return pattern.stages.find((s) => s.contiguity === 'notNext' || s.contiguity === 'notFollowedBy')?.stage;
}
