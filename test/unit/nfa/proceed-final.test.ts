/**
 * The table of findFinalStateAfterProceed answers (engine/nfa/proceed-final.ts): after a TAKE the
 * runtime reads whether a final state is one chain of PROCEED edges away instead of walking, where
 * no condition on the way can change the answer. The traced step (an observer of edges always
 * walks) is the reference: results, runs, ids and shared buffer must be the same after every step.
 * Patterns end in NOT stages, loops with `until` and greedy loops, whose PROCEED edges carry
 * conditions: answering them from the table (the guard in finalAfter removed) fails here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNfaState, type CompiledNfa } from '../../../engine/nfa';
import { proceedFinals, WALK } from '../../../engine/nfa/proceed-final';
import type { PatternSpec, Quantifier, StageSpec } from '../../../engine/pattern/spec';
import { quantifierArb } from '../../support/pattern-arbitraries';
import { compileOrNull } from './helpers';
import { expectSameAsTraced, letterEvents } from './traced-steps';

const condition = fc.constantFrom("name == 'a'", "name == 'b'", "name == 'c'", "name != 'a'");

const positive = fc.record({
  contiguity: fc.constantFrom('next' as const, 'followedBy' as const, 'followedByAny' as const),
  where: condition,
  quantifier: quantifierArb({ window: false }),
  until: fc.option(condition, { nil: undefined, freq: 3 }),
});

const not = fc.record({
  contiguity: fc.constantFrom('notNext' as const, 'notFollowedBy' as const),
  where: condition,
  quantifier: fc.constant<Quantifier>({ kind: 'one', optional: false, greedy: false, inner: 'relaxed' }),
});

const specArb: fc.Arbitrary<PatternSpec> = fc
  .tuple(
    fc.array(fc.oneof({ weight: 2, arbitrary: positive }, { weight: 1, arbitrary: not }), {
      minLength: 1,
      maxLength: 3,
    }),
    fc.option(fc.integer({ min: 2, max: 6 }), { nil: null }),
  )
  .map(([rest, within]) => {
    const stages: StageSpec[] = [
      { name: 's0', contiguity: 'begin', where: "name == 'a'", quantifier: quantifierOne() },
      ...rest.map((s, i) => {
        const { until, ...stage } = s as typeof s & { until?: string };
        const loops = stage.quantifier.kind !== 'one';
        return { ...stage, name: `s${i + 1}`, ...(loops && until !== undefined ? { until } : {}) };
      }),
    ];
    return {
      stages,
      within: within === null ? undefined : { ms: within, type: 'FIRST_AND_LAST' as const },
      skip: { kind: 'NO_SKIP' as const },
    };
  });

function quantifierOne(): Quantifier {
  return { kind: 'one', optional: false, greedy: false, inner: 'relaxed' };
}

const eventsArb = letterEvents(['a', 'b', 'c', 'd'], 14);

describe('the table of final states after a proceed', () => {
  it('gives the walking step’s results, runs and ids', () => {
    let answered = 0;
    let walked = 0;
    let patterns = 0;
    fc.assert(
      fc.property(specArb, eventsArb, (spec, events) => {
        const nfa = compileOrNull(spec);
        if (nfa === null) return;
        patterns++;
        for (const v of proceedFinals(nfa)) {
          if (v >= 0) answered++;
          else if (v === WALK) walked++;
        }
        expectSameAsTraced(nfa, createNfaState(nfa), createNfaState(nfa), events);
      }),
      { numRuns: 1500, seed: 20261207 },
    );
    // Both kinds of states occur: answered from the table (a final state is there) and left to the walk.
    expect(patterns).toBeGreaterThan(500);
    expect(answered).toBeGreaterThan(100);
    expect(walked).toBeGreaterThan(100);
  });

  it('answers from the automaton alone: a trailing loop finds its final state, a NOT stage is walked', () => {
    const nfa = compileOrNull({
      stages: [
        { name: 'a', contiguity: 'begin', where: "name == 'a'", quantifier: quantifierOne() },
        {
          name: 'b',
          contiguity: 'followedBy',
          where: "name == 'b'",
          quantifier: { kind: 'oneOrMore', optional: false, greedy: false, inner: 'relaxed' },
        },
        { name: 'n', contiguity: 'notNext', where: "name == 'c'", quantifier: quantifierOne() },
      ],
      skip: { kind: 'NO_SKIP' },
    }) as CompiledNfa;
    const table = proceedFinals(nfa);
    const walks = nfa.states.filter((s) =>
      s.transitions.some((t) => t.action === 'proceed' && t.condition.text !== 'true'),
    );
    expect(walks.length).toBeGreaterThan(0);
    for (const s of walks) expect(table[s.id]).toBe(WALK);
    for (const s of nfa.states)
      if (s.kind === 'final' || s.transitions.every((t) => t.action !== 'proceed'))
        expect(table[s.id]).toBe(-1);
  });
});
