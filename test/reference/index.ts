/**
 * Independent brute-force reference for Flink CEP matching (a test oracle, written for clarity, not
 * speed). It never looks at engine/nfa: it enumerates assignments of events to stages from the
 * rules in shared/research/flink-cep-semantics.md. See subset.ts for what it covers.
 *
 * Harness modelled: Flink's NFATestHarness. For each event: advanceTime(ts), then process(event).
 * Nothing is flushed at the end, so matches still pending (e.g. a trailing notFollowedBy whose
 * window has not passed) are not reported.
 */
import type { EventRecord, PatternSpec } from '../../engine/pattern/spec';
import { candidateAssignments, judge, type Judged, type Phase, type Problem } from './enumerate';
import { emissionOrder } from './emit';
import { buildRules, type RefEvent } from './model';
import { outsideSubset } from './subset';

export { outsideSubset } from './subset';
export type { RefEvent } from './model';

export interface RefMatch {
  /** Bound stages in pattern order; event numbers are positions in the input array. */
  stages: { stage: string; events: number[] }[];
  /** Index of the event whose advanceTime (phase 'advance') or processing emitted the match. */
  step: number;
  phase: Phase;
}

export type RefResult =
  { ok: true; matches: RefMatch[]; tieDependent: boolean } | { ok: false; reason: string };

function toMatch(j: Judged, p: Problem): RefMatch {
  const stages: RefMatch['stages'] = [];
  for (const b of j.assignment) {
    const name = p.rules[b.stage].name;
    const lastStage = stages[stages.length - 1];
    if (lastStage && lastStage.stage === name) lastStage.events.push(b.event);
    else stages.push({ stage: name, events: [b.event] });
  }
  return { stages, step: j.step, phase: j.phase };
}

/** All matches Flink emits for these events, in emission order. */
export function runReference(spec: PatternSpec, events: readonly RefEvent[]): RefResult {
  const reason = outsideSubset(spec);
  if (reason) return { ok: false, reason };
  for (let i = 1; i < events.length; i++) {
    if (events[i].ts < events[i - 1].ts) return { ok: false, reason: `timestamps decrease at event ${i}` };
  }
  const window = spec.within && spec.within.ms > 0 ? spec.within.ms : undefined;
  const p: Problem = { rules: buildRules(spec, events), events, window };
  const judged = candidateAssignments(p)
    .map((a) => judge(p, a))
    .filter((j): j is Judged => j !== null);
  const { emitted, tieDependent } = emissionOrder(p, judged, spec.skip);
  return { ok: true, matches: emitted.map((j) => toMatch(j, p)), tieDependent };
}

/** Convenience: events as records with a `ts` field. */
export function refEvents(records: readonly (EventRecord & { ts: number })[]): RefEvent[] {
  return records.map((record) => ({ record, ts: record.ts }));
}
