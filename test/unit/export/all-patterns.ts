/** Every pattern the export tests use: the samples on disk and the builder-made feature patterns. */
import { readFileSync } from 'node:fs';
import { loadDocument, type PatternDocument } from '../../../engine/format';
import { FEATURE_PATTERNS } from './feature-patterns';
import { samplePatternFiles } from './golden-files';

export function allPatterns(): [string, PatternDocument][] {
  const out: [string, PatternDocument][] = [];
  for (const [id, path] of samplePatternFiles()) {
    const loaded = loadDocument(readFileSync(path, 'utf8'));
    if (!loaded.ok) throw new Error(`${path}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
    out.push([`sample__${id}`, loaded.document]);
  }
  for (const [id, make] of Object.entries(FEATURE_PATTERNS)) out.push([id, make()]);
  return out;
}
