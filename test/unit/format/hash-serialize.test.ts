import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  loadDocument,
  semanticHash,
  serializeDocument,
  sha256Hex,
  type PatternDocument,
} from '../../../engine/format';
import { cardTesting, withGroup } from './fixtures';

const clone = (d: PatternDocument): PatternDocument => JSON.parse(JSON.stringify(d)) as PatternDocument;

/** Rebuilds every object with its keys in reverse order. */
function reverseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, c]) => [k, reverseKeys(c)]),
    );
  return v;
}

describe('sha256Hex', () => {
  it('matches known vectors and node:crypto', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
        expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('serializeDocument', () => {
  it('writes the same text whatever the key order of the objects', () => {
    for (const doc of [cardTesting(), withGroup()]) {
      expect(serializeDocument(reverseKeys(doc) as PatternDocument)).toBe(serializeDocument(doc));
    }
  });

  it('is pretty, ends with a newline, and loads back to an equal document', () => {
    const text = serializeDocument(withGroup());
    expect(text.startsWith('{\n  "format": "cepheus.pattern",\n  "version": 3,\n  "name": "Group",')).toBe(
      true,
    );
    expect(text.endsWith('}\n')).toBe(true);
    const r = loadDocument(text);
    expect(r.ok && r.document).toEqual(withGroup());
  });

  it('lists layout entries in document order', () => {
    const doc = withGroup();
    doc.layout.nodes = Object.fromEntries(Object.entries(doc.layout.nodes).reverse());
    const order = Object.keys((JSON.parse(serializeDocument(doc)) as PatternDocument).layout.nodes);
    expect(order).toEqual(['s', 'g', 'a', 'b', 'x', 'd']);
  });
});

describe('semanticHash', () => {
  const base = semanticHash(withGroup());

  it('ignores layout, name, description, notes, key order and ids', () => {
    const moved = withGroup();
    moved.layout.nodes.s = { x: 999, y: -40 };
    moved.layout.viewport = { x: 1, y: 2, zoom: 1.5 };
    expect(semanticHash(moved)).toBe(base);

    const renamed = withGroup();
    renamed.name = 'Something else';
    renamed.description = 'new words';
    if (renamed.nodes[1].kind === 'group') renamed.nodes[1].note = 'a different note';
    expect(semanticHash(renamed)).toBe(base);
    expect(semanticHash(reverseKeys(withGroup()) as PatternDocument)).toBe(base);

    const reIded = JSON.parse(
      JSON.stringify(withGroup()).replaceAll('"s"', '"start-node"'),
    ) as PatternDocument;
    expect(semanticHash(reIded)).toBe(base);
  });

  it('changes when a condition, quantifier, edge, stage name or setting changes', () => {
    const variants: ((d: PatternDocument) => void)[] = [
      (d) => {
        if (d.nodes[0].kind === 'stage') d.nodes[0].where = "name == 'C'";
      },
      (d) => {
        if (d.nodes[0].kind === 'stage') d.nodes[0].or = ['x'];
      },
      (d) => {
        d.nodes[1].quantifier = { ...d.nodes[1].quantifier, to: 4 };
      },
      (d) => {
        d.nodes[1].quantifier = { ...d.nodes[1].quantifier, greedy: true };
      },
      (d) => {
        d.edges[0].contiguity = 'next';
      },
      (d) => {
        d.nodes[0].name = 'begin';
      },
      (d) => {
        d.settings.within = { ms: 60_001, type: 'FIRST_AND_LAST' };
      },
      (d) => {
        d.settings.partitionKey = 'user';
      },
      (d) => {
        d.settings.skip = { kind: 'SKIP_TO_NEXT' };
      },
      (d) => {
        d.eventSchema = { fields: [{ name: 'price', type: 'number' }] };
      },
      (d) => {
        // Swap the order of two stages by rewiring the edges.
        d.edges = [
          { id: 'e1', from: 's', to: 'x', contiguity: 'followedBy' },
          { id: 'e2', from: 'x', to: 'g', contiguity: 'notFollowedBy' },
          { id: 'e3', from: 'g', to: 'd', contiguity: 'followedBy' },
        ];
      },
    ];
    const hashes = variants.map((change) => {
      const d = clone(withGroup());
      change(d);
      return semanticHash(d);
    });
    for (const h of hashes) expect(h).not.toBe(base);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('also works for graphs that are not a chain yet', () => {
    const broken = withGroup();
    broken.edges.pop();
    const h = semanticHash(broken);
    expect(h).not.toBe(base);
    const moved = clone(broken);
    moved.layout.nodes.d = { x: 5, y: 5 };
    expect(semanticHash(moved)).toBe(h);
  });
});
