import fc from 'fast-check';
import { fuzzParams } from '../fuzz/fuzz-settings';
import { describe, expect, it } from 'vitest';
import {
  describePattern,
  diffDocuments,
  documentToSpec,
  loadDocument,
  semanticHash,
  serializeDocument,
} from '../../../engine/format';
import { cardTesting, withGroup } from './fixtures';

type Json = unknown;

/** Replaces, deletes or inserts one value somewhere in a JSON tree. */
function mutate(root: Json, pick: number, replacement: Json, mode: number): Json {
  const copy = JSON.parse(JSON.stringify(root)) as Json;
  const slots: { parent: Record<string, Json> | Json[]; key: string | number }[] = [];
  const visit = (v: Json): void => {
    if (Array.isArray(v))
      v.forEach((c, i) => {
        slots.push({ parent: v, key: i });
        visit(c);
      });
    else if (v && typeof v === 'object')
      for (const [k, c] of Object.entries(v)) {
        slots.push({ parent: v as Record<string, Json>, key: k });
        visit(c);
      }
  };
  visit(copy);
  if (slots.length === 0) return replacement;
  const { parent, key } = slots[pick % slots.length];
  if (mode === 0) (parent as Record<string | number, Json>)[key] = replacement;
  else if (mode === 1) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else if (Array.isArray(parent)) parent.push(replacement);
  else parent[`extra${pick}`] = replacement;
  return copy;
}

function checkResult(input: unknown): void {
  const r = loadDocument(input);
  expect(typeof r.ok).toBe('boolean');
  for (const d of r.diagnostics) {
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
  }
  if (r.ok) {
    // Whatever loads must survive the other operations and a save/load round trip.
    const text = serializeDocument(r.document);
    const again = loadDocument(text);
    expect(again.ok && again.document).toEqual(r.document);
    expect(typeof semanticHash(r.document)).toBe('string');
    expect(typeof describePattern(r.document)).toBe('string');
    documentToSpec(r.document);
    expect(diffDocuments(r.document, r.document)).toEqual([]);
  } else {
    expect(r.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  }
}

describe('loadDocument never throws', () => {
  it('on arbitrary JSON values and texts', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.json()), (v) => checkResult(v)),
      fuzzParams(1500),
    );
  });

  it('on mutated valid documents', () => {
    const bases = [cardTesting(), withGroup()];
    const replacement = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constantFrom(-1, 0, 1.5, '', 'stage', 'group', null, [], {}),
    );
    fc.assert(
      fc.property(
        fc.nat(1),
        fc.array(fc.tuple(fc.nat(), replacement, fc.nat(2)), { minLength: 1, maxLength: 4 }),
        (b, edits) => {
          let doc: Json = bases[b];
          for (const [pick, value, mode] of edits) doc = mutate(doc, pick, value, mode);
          checkResult(doc);
        },
      ),
      fuzzParams(1500),
    );
  });

  it('on truncated and corrupted document texts', () => {
    const text = serializeDocument(withGroup());
    fc.assert(
      fc.property(fc.nat(text.length), fc.nat(text.length), fc.string({ maxLength: 3 }), (a, b, s) => {
        checkResult(text.slice(0, a) + s + text.slice(b));
      }),
      fuzzParams(1000),
    );
  });

  it('on absurdly nested input', () => {
    const deep = JSON.parse('['.repeat(5000) + ']'.repeat(5000)) as unknown;
    let nested: Record<string, unknown> = { ...cardTesting() };
    for (let i = 0; i < 3000; i++)
      nested = { format: 'cepheus.pattern', version: 1, nodes: [{ kind: 'group', nodes: [nested] }] };
    for (const input of [deep, nested, '{"a":' + '['.repeat(100_000) + ']'.repeat(100_000) + '}']) {
      const r = loadDocument(input);
      expect(r.ok).toBe(false);
    }
  });
});
