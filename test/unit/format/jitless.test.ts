import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { loadDocument, serializeDocument } from '../../../engine/format';
import { cardTesting, withGroup, withValue } from './fixtures';

// The renderer runs under a CSP without unsafe-eval and sets jitless mode; the format must work there.
// (vitest isolates test files, so this global setting does not leak into the other tests.)
z.config({ jitless: true });

describe('format under z.config({ jitless: true })', () => {
  it('loads valid documents and reports invalid ones the same way', () => {
    for (const doc of [cardTesting(), withGroup()]) {
      const r = loadDocument(serializeDocument(doc));
      expect(r.ok && r.document).toEqual(doc);
    }
    const bad = loadDocument(withValue(withGroup(), ['nodes', 2, 'quantifier', 'from'], -1));
    expect(bad.diagnostics.map((d) => d.message)).toEqual([
      'nodes[2].quantifier.from must be a whole number ≥ 0.',
    ]);
  });
});
