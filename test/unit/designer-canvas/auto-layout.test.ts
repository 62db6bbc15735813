import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import { specToDocument } from '../../../engine/format/from-spec';
import type { PatternDocument } from '../../../engine/format/schema';
import { semanticHash } from '../../../engine/format/semantic';
import { autoLayout, ensureLayout, patternOrder, wrapRows } from '../../../renderer/canvas/auto-layout';

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

  it('wraps a long chain into rows no wider than the row width, in reading order', async () => {
    let p = Pattern.begin('s0');
    for (let i = 1; i < 13; i++) p = p.followedBy(`s${i}`);
    const doc = { ...specToDocument(p.toSpec()), layout: { nodes: {} } };
    const laid = await autoLayout(doc, { rowWidth: 840 });
    const boxes = doc.nodes.map((n) => laid.layout.nodes[n.id]);
    const rows = [...new Set(boxes.map((b) => b.y))];
    expect(rows).toHaveLength(5);
    for (const b of boxes) expect(b.x + (b.width ?? 0) - boxes[0].x).toBeLessThanOrEqual(840);
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i].y > boxes[i - 1].y || boxes[i].x > boxes[i - 1].x).toBe(true);
    // Without a row width it stays one row.
    const strip = await autoLayout(doc);
    expect(new Set(doc.nodes.map((n) => strip.layout.nodes[n.id].y)).size).toBe(1);
  });

  it('keeps two nodes a row however narrow, centres a tall group with its row, starts each chain anew', () => {
    const at = wrapRows(
      [
        [
          { id: 'a', width: 220, height: 90 },
          { id: 'g', width: 600, height: 200 },
          { id: 'b', width: 220, height: 90 },
        ],
        [{ id: 'lone', width: 220, height: 90 }],
      ],
      100,
    );
    expect(at.a.y).toBe(at.g.y + 55);
    expect(at.b.y).toBeGreaterThan(at.g.y + 200);
    expect(at.lone.y).toBeGreaterThan(at.b.y + 90);
    expect(at.lone.x).toBe(at.a.x);
  });
});
