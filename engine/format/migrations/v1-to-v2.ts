/**
 * v1 → v2: documents carry test cases (`tests`); a v1 document has none. Nothing else changed, so
 * the v1 shape is checked by the current schema after the step (its paths are the same).
 */
import { z } from 'zod';
import type { Migration } from './migration';

const DocumentV1Schema = z.looseObject({
  version: z.literal(1),
  // Dropping tests found in a v1 file would lose them: say what to do instead.
  tests: z.never({ error: 'came with format version 2: set "version": 2 to keep them' }).optional(),
});

export const v1ToV2: Migration = {
  from: 1,
  to: 2,
  schema: DocumentV1Schema,
  migrate: (doc) => ({ ...(doc as Record<string, unknown>), version: 2, tests: [] }),
};
