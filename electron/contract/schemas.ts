/**
 * Zod schemas for every method's arguments. Both transports (IPC in main, HTTP in the web host)
 * parse incoming arguments with these before any service code runs; the argument types of
 * `CepApi` are inferred from them, so the two cannot drift apart.
 *
 * Every method takes no argument or exactly one argument object. Objects are strict: unknown
 * keys are an error, which catches typos on the calling side early.
 */
import { z } from 'zod';

/** Methods without arguments accept only `undefined` (an empty body over HTTP). */
export const noArgs = z.undefined();

export const patternId = z
  .string()
  .min(1, 'Pattern id must not be empty')
  .max(64, 'Pattern id is at most 64 characters');

export const patternName = z
  .string()
  .trim()
  .min(1, 'Pattern name must not be empty')
  .max(200, 'Pattern name is at most 200 characters');

export const versionNumber = z.number().int('Version must be a whole number').min(1, 'Versions count from 1');

export const versionMessage = z.string().max(2000, 'Version message is at most 2000 characters');

/**
 * A pattern document: any JSON object at this layer. The service validates its content with
 * engine/format (`loadDocument`) and reports problems as `invalid-document` with diagnostics.
 * Typed `unknown` so callers can pass their own document interfaces without casts.
 */
export const patternDocument = z
  .unknown()
  .refine(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'The pattern document must be a JSON object',
  );

export const patternRef = z.strictObject({ id: patternId });
export const versionRef = z.strictObject({ id: patternId, version: versionNumber });
export const createPatternArgs = z.strictObject({ name: patternName, document: patternDocument });
export const savePatternArgs = z.strictObject({
  id: patternId,
  document: patternDocument,
  message: versionMessage.optional(),
  /**
   * Record a version when the document differs from the newest version (in meaning, name or
   * description). Default true; autosave passes false: it keeps the working copy only.
   */
  createVersion: z.boolean().optional(),
});
export const labelVersionArgs = z.strictObject({
  id: patternId,
  version: versionNumber,
  /** The label; empty text removes it. */
  message: versionMessage,
});
export const renamePatternArgs = z.strictObject({ id: patternId, name: patternName });
export const duplicatePatternArgs = z.strictObject({ id: patternId, name: patternName.optional() });

export type PatternRef = z.infer<typeof patternRef>;
export type VersionRef = z.infer<typeof versionRef>;
export type CreatePatternArgs = z.infer<typeof createPatternArgs>;
export type SavePatternArgs = z.infer<typeof savePatternArgs>;
export type LabelVersionArgs = z.infer<typeof labelVersionArgs>;
export type RenamePatternArgs = z.infer<typeof renamePatternArgs>;
export type DuplicatePatternArgs = z.infer<typeof duplicatePatternArgs>;
