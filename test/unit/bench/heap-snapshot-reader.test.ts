/**
 * The streaming snapshot reader of bench/heap.ts must read what JSON.parse reads, however the
 * snapshot is cut into chunks (a multi-byte character or an escape split across two chunks).
 */
import { getHeapSnapshot } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { readHeapSnapshot } from '../../../bench/heap-snapshot-reader';

const SAMPLE = JSON.stringify({
  snapshot: {
    meta: {
      node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
      node_types: [['hidden', 'array', 'object'], 'string'],
      edge_fields: ['type', 'name_or_index', 'to_node'],
      edge_types: [['context', 'element', 'property'], 'string'],
    },
    node_count: 3,
  },
  nodes: [2, 0, 1, 48, 2, 1, 1, 3, 0, 0, 0, 2, 1234567890123, 16, 0],
  edges: [2, 3, 5, 1, 0, 10],
  trace_function_infos: [],
  trace_tree: [],
  samples: [7, 8],
  locations: [1, 2, 3],
  strings: ['Run', '', 'stä\u00dfe 😀', 'quote " and \\ back', 'line\nnext\ttab \u0001', '[]:,"'],
});

/** The text's bytes in chunks of `size` (an iterable that for-await reads like a stream). */
function cut(text: string, size: number): AsyncIterable<Buffer> {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return {
    [Symbol.asyncIterator]: () => {
      let i = 0;
      return {
        next: () =>
          Promise.resolve(
            i < chunks.length ? { value: chunks[i++], done: false } : { value: undefined, done: true },
          ),
      };
    },
  };
}

describe('readHeapSnapshot', () => {
  for (const size of [1, 2, 3, 5, 7, 64, 1 << 20]) {
    it(`reads a snapshot cut into ${size}-byte chunks as JSON.parse does`, async () => {
      const want = JSON.parse(SAMPLE) as {
        snapshot: unknown;
        nodes: number[];
        edges: number[];
        strings: string[];
      };
      const got = await readHeapSnapshot(cut(SAMPLE, size));
      expect(got.snapshot).toEqual(want.snapshot);
      expect([...got.nodes]).toEqual(want.nodes);
      expect([...got.edges]).toEqual(want.edges);
      expect(got.strings).toEqual(want.strings);
    });
  }

  it('reads a real snapshot of this process: node and edge counts agree with its header', async () => {
    const got = await readHeapSnapshot(getHeapSnapshot());
    const head = got.snapshot as unknown as { node_count: number; edge_count: number };
    const meta = got.snapshot.meta;
    expect(got.nodes.length).toBe(head.node_count * meta.node_fields.length);
    expect(got.edges.length).toBe(head.edge_count * meta.edge_fields.length);
    const nameAt = meta.node_fields.indexOf('name');
    let badNames = 0;
    for (let i = nameAt; i < got.nodes.length; i += meta.node_fields.length)
      if (got.nodes[i] >= got.strings.length) badNames++;
    expect(badNames).toBe(0);
    expect(got.strings.length).toBeGreaterThan(1000);
  }, 120_000);

  it('rejects a member that is not an array, naming it', async () => {
    const bad = '{"snapshot":{"meta":{}},"nodes":[1],"edges":{}}';
    await expect(readHeapSnapshot(cut(bad, 4))).rejects.toThrow(/"edges" is not an array/);
  });
});
