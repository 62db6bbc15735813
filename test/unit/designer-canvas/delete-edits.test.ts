import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import type { PatternDocument } from '../../../engine/format/schema';
import { deleteConsequences, removeAndReconnect } from '../../../renderer/canvas/delete-edits';
import { removeElements } from '../../../renderer/canvas/doc-edits';
import { levels } from '../../../renderer/canvas/doc-tree';

const idOf = (doc: PatternDocument, name: string): string => {
  const hit = levels(doc)
    .flatMap((l) => l.nodes)
    .find((n) => n.name === name);
  if (!hit) throw new Error(`no ${name}`);
  return hit.id;
};
/** The chain as "a -followedBy-> b …" per level, names only. */
const chains = (doc: PatternDocument): string[] =>
  levels(doc).map((l) =>
    l.edges
      .map((e) => {
        const name = (id: string) => l.nodes.find((n) => n.id === id)?.name;
        return `${name(e.from)} -${e.contiguity}-> ${name(e.to)}`;
      })
      .sort()
      .join(', '),
  );

describe('delete and reconnect', () => {
  const doc = Pattern.begin('a').next('b').notNext('c').followedBy('d').toDocument();

  it('joins the chain around a removed stage, keeping how the follower attached', () => {
    const out = removeAndReconnect(doc, [idOf(doc, 'b')]);
    expect(chains(out)).toEqual(['a -notNext-> c, c -followedBy-> d']);
    expect(out.layout.nodes[idOf(doc, 'b')]).toBeUndefined();
  });

  it('removes consecutive stages as one gap', () => {
    const out = removeAndReconnect(doc, [idOf(doc, 'b'), idOf(doc, 'c')]);
    expect(chains(out)).toEqual(['a -followedBy-> d']);
  });

  it('a removed first stage leaves its follower starting the pattern', () => {
    expect(chains(removeAndReconnect(doc, [idOf(doc, 'a')]))).toEqual(['b -notNext-> c, c -followedBy-> d']);
  });

  it('works inside a group', () => {
    const grouped = Pattern.begin('a')
      .followedBy(Pattern.begin('x').next('y').followedBy('z'), 'g')
      .times(2)
      .toDocument();
    const out = removeAndReconnect(grouped, [idOf(grouped, 'y')]);
    expect(chains(out)).toEqual(['a -followedBy-> g', 'x -followedBy-> z']);
  });
});

describe('what a plain Delete changes', () => {
  const doc = Pattern.begin('a').next('b').notNext('c').followedBy('d').toDocument();

  it('says when a NOT stage loses the edge that made it one', () => {
    const told = deleteConsequences(doc, [idOf(doc, 'b')]);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('“c” was a NOT stage (notNext after “b”)');
    // …and Delete itself still just removes the edges.
    expect(chains(removeElements(doc, [idOf(doc, 'b')], []))).toEqual(['c -followedBy-> d']);
  });

  it('says when a chain is cut in two, and names no internal ids', () => {
    const told = deleteConsequences(doc, [idOf(doc, 'c')]);
    expect(told).toEqual(['“d” is cut off from “b”: the chain breaks where “c” was.']);
    expect(told.join(' ')).not.toMatch(/\bn\d+\b|\be\d+\b/);
  });

  it('says nothing for the last stage, nor the first stage of a positive chain', () => {
    expect(deleteConsequences(doc, [idOf(doc, 'd')])).toEqual([]);
    const plain = Pattern.begin('a').next('b').toDocument();
    expect(deleteConsequences(plain, [idOf(plain, 'a')])).toEqual([]);
  });
});
