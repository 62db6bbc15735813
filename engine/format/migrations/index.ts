/**
 * The upgrade ladder, in order: MIGRATIONS[i] takes version i to i + 1. A new format version adds
 * one file here and one entry at the end; old steps are never edited.
 */
import { CURRENT_VERSION } from '../schema';
import type { Migration } from './migration';
import { v0ToV1 } from './v0-to-v1';
import { v1ToV2 } from './v1-to-v2';
import { v2ToV3 } from './v2-to-v3';

export type { Migration } from './migration';

export const MIGRATIONS: readonly Migration[] = [v0ToV1, v1ToV2, v2ToV3];

// Guard against a gap or a misordered ladder at module load (a programming error, not user input).
MIGRATIONS.forEach((m, i) => {
  if (m.from !== i || m.to !== i + 1)
    throw new Error(`migration ${i} goes ${m.from}→${m.to}; expected ${i}→${i + 1}`);
});
if (MIGRATIONS.length !== CURRENT_VERSION)
  throw new Error('the migration ladder does not reach the current format version');
