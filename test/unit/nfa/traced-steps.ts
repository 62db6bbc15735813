/**
 * The reference for the runtime's shortcuts: a step traced by an observer of edges walks every run
 * through its decision graph and takes none of them. Shared by the shortcuts' property tests.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { advanceTime, processEvent, type CompiledNfa, type NfaState } from '../../../engine/nfa';
import { settleRunIds } from '../../../engine/nfa/run-ids';
import type { EventRecord } from '../../../engine/pattern/spec';
import { compile, pattern, stage, stepOutcome } from './helpers';

export interface TimedEvent {
  record: EventRecord;
  ts: number;
}

/** Up to `maxLength` events named by `letters` (repeat one to make it likelier), 0-2 ms apart. */
export function letterEvents(letters: readonly string[], maxLength: number): fc.Arbitrary<TimedEvent[]> {
  return fc
    .array(fc.tuple(fc.constantFrom(...letters), fc.integer({ min: 0, max: 2 })), { maxLength })
    .map((items) => {
      let ts = 1;
      return items.map(([name, gap], i) => {
        ts += gap;
        return { record: { name, price: i }, ts };
      });
    });
}

function pathText(node: NfaState['partial'][number]['node']): string {
  const out: string[] = [];
  for (let n = node; n !== null; n = n.parent) out.push(`${n.stage}:${n.seq}@${n.ts}/${n.fid}`);
  return out.join(' ');
}

/** Everything a step leaves in a key state: runs in list order with ids and paths, counters. */
export function stateView(st: NfaState): unknown {
  // Ids an all-stay step left unwritten are read as any reader sees them.
  settleRunIds(st);
  return {
    partial: st.partial.map((r) => [r.id, r.state, r.startTs, r.startFid, pathText(r.node)]),
    completed: st.completed.map((r) => [r.id, r.state, pathText(r.node)]),
    nextRunId: st.nextRunId,
    liveNodes: st.liveNodes,
    counters: [...st.counters],
  };
}

/** Feeds `events` to `fast` untraced and to `full` traced; outputs and states must agree after each step. */
export function expectSameAsTraced(
  nfa: CompiledNfa,
  fast: NfaState,
  full: NfaState,
  events: readonly TimedEvent[],
): void {
  const traced = { edge: () => undefined };
  events.forEach((e, i) => {
    expect(stepOutcome(advanceTime(nfa, fast, e.ts))).toEqual(
      stepOutcome(advanceTime(nfa, full, e.ts, traced)),
    );
    expect(stepOutcome(processEvent(nfa, fast, e.record, e.ts, i))).toEqual(
      stepOutcome(processEvent(nfa, full, e.record, e.ts, i, traced)),
    );
    expect(stateView(fast)).toEqual(stateView(full));
  });
}

/** followedbyany-blowup's pattern: begin(A).followedByAny(B+ with combinations).followedByAny(C) within `ms`. */
export function blowUpPattern(ms: number): CompiledNfa {
  return compile(
    pattern(
      [
        stage('a', 'begin', "name == 'a'"),
        stage('b', 'followedByAny', "name == 'b'", { kind: 'oneOrMore', inner: 'allowCombinations' }),
        stage('c', 'followedByAny', "name == 'c'"),
      ],
      undefined,
      { within: { ms, type: 'FIRST_AND_LAST' } },
    ),
  );
}
