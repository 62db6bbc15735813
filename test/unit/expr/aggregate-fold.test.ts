/**
 * Aggregates fold incrementally over the shared buffer in the runtime (memoized per node) and walk
 * the bound events elsewhere (traces, previews). Both must give the same value for every prefix of
 * every partial match, including branches that share a prefix and several aggregates per node.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../../engine/expr/condition';
import { foldPath, putNode, type BufferNode } from '../../../engine/nfa/shared-buffer';
import type { EventRecord } from '../../../engine/pattern/spec';

const CONDITIONS = [
  'sum(b.v) + v <= 12',
  'avg(b.v) > 2.5',
  'min(b.v) == v || max(b.v) < v',
  'count(b) >= 2 && count(a) == 1',
  'first(b.v) == v',
  'last(b.v) != v',
  'count(b.v) > 1',
];

function pathEvents(node: BufferNode | null, stage: string): EventRecord[] {
  const out: EventRecord[] = [];
  for (let n = node; n !== null; n = n.parent) if (n.stage === stage) out.push(n.event);
  return out.reverse();
}

describe('aggregate folds', () => {
  it('equal the walked aggregates on every node of a branching shared buffer', () => {
    const compiled = CONDITIONS.map((c) => {
      const r = compileCondition(c, { stages: ['a', 'b'] });
      if (!r.ok) throw new Error(`${c}: ${r.diagnostics.map((d) => d.message).join('; ')}`);
      return r.condition;
    });
    const step = fc.record({
      parent: fc.nat(),
      stage: fc.constantFrom('a', 'b'),
      v: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 6 }),
        (steps, candidate) => {
          const stats = { liveNodes: 0 };
          const nodes: BufferNode[] = [];
          steps.forEach((s, i) => {
            const parent = nodes.length === 0 ? null : nodes[s.parent % nodes.length];
            const event: EventRecord = s.v === undefined ? { name: s.stage } : { name: s.stage, v: s.v };
            nodes.push(putNode(stats, s.stage, event, i, i, 0, parent));
          });
          const event: EventRecord = { v: candidate };
          // Visit nodes in a shuffled-ish order so memos are filled from both ends of a path.
          for (const node of [...nodes].reverse().concat(nodes)) {
            const walked = { eventsOf: (stage: string) => pathEvents(node, stage), timestamp: 0 };
            const folded = {
              ...walked,
              fold: <T>(stage: string, id: object, init: T, f: (acc: T, e: EventRecord) => T): T =>
                foldPath(node, stage, id, init, f),
            };
            for (const cond of compiled) expect(cond(event, folded)).toBe(cond(event, walked));
          }
        },
      ),
      { numRuns: 300, seed: 20261125 },
    );
  });
});
