import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import { specToDocument } from '../../../engine/format/from-spec';
import type { PatternDocument } from '../../../engine/format/schema';
import { semanticHash } from '../../../engine/format/semantic';
import { autoLayout, ensureLayout, patternOrder } from '../../../renderer/canvas/auto-layout';

/** Stored in scrambled array order, so a left-to-right result must come from the edges. */
function scrambled(): PatternDocument {
  const doc = specToDocument(
    Pattern.begin('first').next('second').followedBy('third').followedByAny('fourth').toSpec(),
  );
  return { ...doc, nodes: [doc.nodes[2], doc.nodes[0], doc.nodes[3], doc.nodes[1]], layout: { nodes: {} } };
}

const xOf = (doc: PatternDocument, name: string): number => {
  const node = doc.nodes.find((n) => n.name === name);
  const entry = node && doc.layout.nodes[node.id];
  if (!entry) throw new Error(`no layout for ${name}`);
  return entry.x;
};

describe('auto-layout (elkjs)', () => {
  it('orders nodes by the chain, not by storage order', () => {
    const doc = scrambled();
    expect(patternOrder(doc.nodes, doc.edges).map((n) => n.name)).toEqual([
      'first',
      'second',
      'third',
      'fourth',
    ]);
  });

  it('lays out a document without layout left to right in pattern order', async () => {
    const laid = await ensureLayout(scrambled());
    const xs = ['first', 'second', 'third', 'fourth'].map((n) => xOf(laid, n));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(new Set(xs).size).toBe(4);
    expect(semanticHash(laid)).toBe(semanticHash(scrambled()));
  });

  it('keeps user positions and only places nodes that lack one', async () => {
    const laid = await ensureLayout(scrambled());
    const second = laid.nodes.find((n) => n.name === 'second')!;
    const moved: PatternDocument = {
      ...laid,
      layout: { nodes: { ...laid.layout.nodes, [second.id]: { x: 999, y: -321, width: 220, height: 90 } } },
    };
    expect(await ensureLayout(moved)).toBe(moved);
    const fourth = moved.nodes.find((n) => n.name === 'fourth')!;
    const { [fourth.id]: _dropped, ...rest } = moved.layout.nodes;
    const partial: PatternDocument = { ...moved, layout: { nodes: rest } };
    const fixed = await ensureLayout(partial);
    expect(fixed.layout.nodes[second.id]).toEqual({ x: 999, y: -321, width: 220, height: 90 });
    expect(fixed.layout.nodes[fourth.id]).toBeDefined();
  });

  it('an explicit auto-layout replaces hand positions', async () => {
    const laid = await ensureLayout(scrambled());
    const first = laid.nodes.find((n) => n.name === 'first')!;
    const moved: PatternDocument = {
      ...laid,
      layout: { nodes: { ...laid.layout.nodes, [first.id]: { x: 5000, y: 5000 } } },
    };
    const again = await autoLayout(moved);
    expect(xOf(again, 'first')).toBeLessThan(xOf(again, 'second'));
    expect(again.layout.nodes[first.id]).toEqual(laid.layout.nodes[first.id]);
  });

  it('places group children inside the group, which is sized to hold them', async () => {
    const doc = specToDocument(
      Pattern.begin('a')
        .followedBy(Pattern.begin('x').next('y').next('z'), 'burst')
        .times(2)
        .next('b')
        .toSpec(),
    );
    const laid = await autoLayout({ ...doc, layout: { nodes: {} } });
    const group = laid.nodes.find((n) => n.kind === 'group');
    if (!group || group.kind !== 'group') throw new Error('no group');
    const box = laid.layout.nodes[group.id];
    const kids = group.nodes.map((n) => laid.layout.nodes[n.id]);
    for (const k of kids) {
      expect(k.x).toBeGreaterThanOrEqual(0);
      expect(k.x + (k.width ?? 0)).toBeLessThanOrEqual(box.width!);
      expect(k.y + (k.height ?? 0)).toBeLessThanOrEqual(box.height!);
    }
    expect(kids[0].x).toBeLessThan(kids[1].x);
    expect(kids[1].x).toBeLessThan(kids[2].x);
    expect(xOf(laid, 'a')).toBeLessThan(box.x);
    expect(box.x + box.width!).toBeLessThanOrEqual(xOf(laid, 'b'));
  });
});
