/**
 * Reads samples/catalog.json (written by samples/generator/patterns.ts): which sample patterns exist,
 * and how their recordings are imported. The folder is the repo's samples/ in development and the
 * packaged app's resources/samples in an installed build.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const entrySchema = z.strictObject({
  slug: z.string().min(1),
  family: z.enum(['risk', 'marketing', 'monitoring']),
  name: z.string().min(1),
  description: z.string(),
  pattern: z.string().min(1),
  recording: z.string().min(1),
  timestampField: z.string().min(1),
  timestampFormat: z.enum(['epochMillis', 'epochSeconds', 'iso8601']),
  keyField: z.string().min(1).nullable(),
});

export type SampleEntry = z.infer<typeof entrySchema> & { patternPath: string; recordingPath: string };

/** The catalog, or an empty list when the folder has none (a build without samples still starts). */
export function readSampleCatalog(samplesDir: string): SampleEntry[] {
  const file = path.join(samplesDir, 'catalog.json');
  if (!existsSync(file)) return [];
  const parsed = z.array(entrySchema).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file} is not a valid sample catalog: ${parsed.error.issues[0]?.message ?? 'unknown issue'}`,
    );
  return parsed.data.map((e) => ({
    ...e,
    patternPath: path.join(samplesDir, e.pattern),
    recordingPath: path.join(samplesDir, e.recording),
  }));
}
