import type { z } from 'zod';

/**
 * One step of the upgrade ladder. `schema` checks the input in its own version's shape first, so
 * errors in an old file are reported against what the user actually wrote.
 */
export interface Migration {
  from: number;
  to: number;
  schema: z.ZodType;
  /** Receives input that passed `schema`; returns the document in version `to`'s shape. */
  migrate: (doc: unknown) => unknown;
}
