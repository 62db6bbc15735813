import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import { specToDocument } from '../../../engine/format/from-spec';
import type { GroupNode, PatternDocument } from '../../../engine/format/schema';
import { documentToSpec } from '../../../engine/format/to-spec';
import { addStageAfter } from '../../../renderer/canvas/chain-edits';
import { addGroup, addStage, connect } from '../../../renderer/canvas/doc-edits';
import { findNode, parentOf } from '../../../renderer/canvas/doc-tree';
import {
  absolutePosition,
  groupAt,
  moveToGroup,
  moveWithinLevel,
} from '../../../renderer/canvas/group-edits';

const byName = (doc: PatternDocument, name: string): string => {
  const visit = (nodes: PatternDocument['nodes']): string | undefined => {
    for (const n of nodes) {
      if (n.name === name) return n.id;
      if (n.kind === 'group') {
        const inner = visit(n.nodes);
        if (inner) return inner;
      }
    }
    return undefined;
  };
  const id = visit(doc.nodes);
  if (!id) throw new Error(`no node ${name}`);
  return id;
};
const group = (doc: PatternDocument, id: string): GroupNode => {
  const g = findNode(doc, id);
  if (g?.kind !== 'group') throw new Error('not a group');
  return g;
};

/** a → b → c at the top level, plus an empty-ish group g (one stage inside) at (1000, 0). */
function withGroup(): { doc: PatternDocument; g: string } {
  const base = specToDocument(Pattern.begin('a').where('x > 1').followedBy('b').next('c').toSpec());
  const { doc, nodeId } = addGroup(base, { x: 1000, y: 0 });
  return { doc, g: nodeId };
}

describe('moving stages into and out of groups', () => {
  it('finds the innermost group under a canvas point', () => {
    const { doc, g } = withGroup();
    expect(groupAt(doc, { x: 1100, y: 100 })).toBe(g);
    expect(groupAt(doc, { x: 10, y: 10 })).toBeNull();
    expect(groupAt(doc, { x: 1100, y: 100 }, [g])).toBeNull();
  });

  it('moves a stage into a group, joining the chain it left and placing it relative to the group', () => {
    const { doc, g } = withGroup();
    const b = byName(doc, 'b');
    const moved = moveToGroup(doc, [b], g, { [b]: { x: 1300, y: 60 } });
    expect(parentOf(moved, b)).toBe(g);
    expect(group(moved, g).nodes.map((n) => n.name)).toEqual(['stage1', 'b']);
    // a → c keeps how c attached (next), so c's meaning does not change.
    expect(moved.edges.map((e) => [e.from, e.to, e.contiguity])).toEqual([
      [byName(doc, 'a'), byName(doc, 'c'), 'next'],
    ]);
    expect(moved.layout.nodes[b]).toMatchObject({ x: 300, y: 60 });
    expect(absolutePosition(moved, b)).toEqual({ x: 1300, y: 60 });
    // The group grew to hold it.
    expect(moved.layout.nodes[g]?.width).toBeGreaterThanOrEqual(300 + 220);
  });

  it('never drops a stage on top of one already in the group: it goes to the right of it', () => {
    const { doc, g } = withGroup();
    const inner = group(doc, g).nodes[0].id;
    const b = byName(doc, 'b');
    const c = byName(doc, 'c');
    // Dropped exactly onto the stage already in the group …
    const onTop = absolutePosition(doc, inner);
    const once = moveToGroup(doc, [b], g, { [b]: onTop });
    const rect = (d: PatternDocument, id: string) => ({
      ...absolutePosition(d, id),
      width: d.layout.nodes[id]?.width ?? 220,
      height: d.layout.nodes[id]?.height ?? 90,
    });
    const overlap = (p: ReturnType<typeof rect>, q: ReturnType<typeof rect>) =>
      p.x < q.x + q.width && q.x < p.x + p.width && p.y < q.y + q.height && q.y < p.y + p.height;
    expect(overlap(rect(once, b), rect(once, inner))).toBe(false);
    expect(rect(once, b).y).toBe(onTop.y);
    expect(rect(once, b).x).toBeGreaterThan(onTop.x);
    // … and a second stage dropped at the same point clears both.
    const twice = moveToGroup(once, [c], g, { [c]: onTop });
    expect(overlap(rect(twice, c), rect(twice, inner))).toBe(false);
    expect(overlap(rect(twice, c), rect(twice, b))).toBe(false);
    // The group grew around all three.
    const frame = rect(twice, g);
    expect(rect(twice, c).x + 220).toBeLessThanOrEqual(frame.x + frame.width);
    // A free drop point is kept as it is.
    expect(absolutePosition(moveToGroup(doc, [b], g, { [b]: { x: 1300, y: 60 } }), b)).toEqual({
      x: 1300,
      y: 60,
    });
  });

  it('moves a stage inside a group by the keyboard: the position is relative to its group and stays so', () => {
    const { doc, g } = withGroup();
    const inner = group(doc, g).nodes[0].id;
    const own = doc.layout.nodes[inner];
    const before = absolutePosition(doc, inner);
    const moved = moveWithinLevel(doc, { [inner]: { x: own.x + 10, y: own.y + 20 } });
    expect(parentOf(moved, inner)).toBe(g);
    expect(moved.layout.nodes[inner]).toMatchObject({ x: own.x + 10, y: own.y + 20 });
    expect(absolutePosition(moved, inner)).toEqual({ x: before.x + 10, y: before.y + 20 });
    // Moving the group with it moves the group only; its stage goes along.
    const both = moveWithinLevel(doc, { [g]: { x: 1010, y: 0 }, [inner]: { x: own.x + 10, y: own.y } });
    expect(both.layout.nodes[inner]).toMatchObject({ x: own.x, y: own.y });
    expect(absolutePosition(both, inner)).toEqual({ x: before.x + 10, y: before.y });
  });

  it('builds begin(a).next(group(b → c)).times(3) by moving and connecting inside the group', () => {
    const { doc: start, g } = withGroup();
    let doc = start;
    const inner = group(doc, g).nodes[0].id;
    const [b, c] = [byName(doc, 'b'), byName(doc, 'c')];
    doc = moveToGroup(doc, [c], g, { [c]: { x: 1300, y: 60 } });
    doc = moveToGroup(doc, [b], g, { [b]: { x: 1050, y: 60 } });
    doc = connect(doc, inner, b, 'next').doc;
    doc = connect(doc, b, c, 'next').doc;
    doc = connect(doc, byName(doc, 'a'), g, 'next').doc;
    doc = {
      ...doc,
      nodes: doc.nodes.map((n) =>
        n.id === g
          ? {
              ...n,
              quantifier: { kind: 'times', from: 3, to: 3, optional: false, greedy: false, inner: 'strict' },
            }
          : n,
      ),
    } as PatternDocument;
    const lowered = documentToSpec(doc);
    expect(lowered.ok).toBe(true);
    expect(group(doc, g).edges).toHaveLength(2);
  });

  it('moves a stage back out to the top level at its canvas position', () => {
    const { doc: start, g } = withGroup();
    const inner = group(start, g).nodes[0].id;
    const out = moveToGroup(start, [inner], null, { [inner]: { x: 1000, y: 400 } });
    expect(parentOf(out, inner)).toBeNull();
    expect(out.layout.nodes[inner]).toMatchObject({ x: 1000, y: 400 });
    expect(group(out, g).nodes).toEqual([]);
  });

  it('never moves a group into itself or into a group inside it', () => {
    const { doc, g } = withGroup();
    expect(moveToGroup(doc, [g], g, {})).toBe(doc);
    const { doc: nested, nodeId: h } = addGroup(doc, { x: 0, y: 600 });
    const inside = moveToGroup(nested, [h], g, { [h]: { x: 1020, y: 60 } });
    expect(parentOf(inside, h)).toBe(g);
    expect(parentOf(moveToGroup(inside, [g], h, {}), g)).toBeNull();
  });

  it('a plain move on the same level only changes the layout', () => {
    const { doc } = withGroup();
    const a = byName(doc, 'a');
    const moved = moveToGroup(doc, [a], null, { [a]: { x: 5, y: 7 } });
    expect(moved.nodes).toBe(doc.nodes);
    expect(moved.edges).toBe(doc.edges);
    expect(moved.layout.nodes[a]).toMatchObject({ x: 5, y: 7 });
  });
});

describe('adding a stage after the selected one', () => {
  it('inserts into the chain, keeping how the follower attached', () => {
    const base = specToDocument(Pattern.begin('a').followedBy('b').next('c').toSpec());
    const result = addStageAfter(base, byName(base, 'b'), 'followedByAny');
    if (!result) throw new Error('not added');
    const { doc, nodeId } = result;
    const [a, b, c] = ['a', 'b', 'c'].map((n) => byName(doc, n));
    expect(doc.edges.map((e) => [e.from, e.to, e.contiguity])).toEqual([
      [a, b, 'followedBy'],
      [b, nodeId, 'followedByAny'],
      [nodeId, c, 'next'],
    ]);
    expect(doc.layout.nodes[c].x).toBeGreaterThan(doc.layout.nodes[nodeId].x);
    expect(documentToSpec(doc).ok).toBe(true);
  });

  it('adds inside the group of the selected stage', () => {
    const { doc: start, nodeId: g } = addGroup(
      addStage(specToDocument(Pattern.begin('a').toSpec()), { x: 0, y: 0 }).doc,
      {
        x: 400,
        y: 0,
      },
    );
    const inner = group(start, g).nodes[0].id;
    const result = addStageAfter(start, inner, 'next');
    if (!result) throw new Error('not added');
    expect(parentOf(result.doc, result.nodeId)).toBe(g);
    expect(group(result.doc, g).edges).toEqual([
      expect.objectContaining({ from: inner, to: result.nodeId, contiguity: 'next' }),
    ]);
    expect(result.doc.layout.nodes[g].width).toBeGreaterThanOrEqual(
      result.doc.layout.nodes[result.nodeId].x + 220,
    );
  });
});
