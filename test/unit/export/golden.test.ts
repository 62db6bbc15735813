/**
 * Golden files for every exporter: each sample pattern and each builder-made feature pattern is
 * exported to every target; the text (or the refusal reasons) must equal test/golden/<target>/.
 * Regenerate deliberately with UPDATE_GOLDEN=1 and review the diff.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportPattern, expressibility, type ExportOptions, type ExportTarget } from '../../../engine/export';
import { loadDocument, type PatternDocument } from '../../../engine/format';
import { FEATURE_PATTERNS } from './feature-patterns';
import { expectGolden, orphanGoldenFiles, samplePatternFiles } from './golden-files';

const EXTENSION: Record<ExportTarget, string> = {
  json: 'cep.json',
  'flink-json': 'json',
  'flink-java': 'java',
  'flink-sql': 'sql',
  // The job targets are checked by building and running them on Flink (test/flink), not by goldens.
  'flink-job': 'zip',
  'flink-sql-job': 'job.sql',
};
const TARGETS: ExportTarget[] = ['json', 'flink-json', 'flink-java', 'flink-sql'];
const OPTIONS: ExportOptions = { eventClass: 'Event', table: 'events' };

function loadSample(path: string): PatternDocument {
  const loaded = loadDocument(readFileSync(path, 'utf8'));
  if (!loaded.ok) throw new Error(`${path}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return loaded.document;
}

function checkAllTargets(id: string, doc: PatternDocument): void {
  for (const target of TARGETS) {
    const result = exportPattern(doc, target, OPTIONS);
    if (result.ok) expectGolden(`${target}/${id}.${EXTENSION[target]}`, result.text);
    else {
      // A refusal always says why, stage by stage.
      expect(result.reasons.length).toBeGreaterThan(0);
      for (const r of result.reasons) expect(r.reason).toMatch(/^(SQL|Java|Flink JSON|Aviator|Pattern): \S/);
      expectGolden(
        `${target}/${id}.refused.txt`,
        result.reasons.map((r) => `${r.stage ?? '(pattern)'}: ${r.reason ?? ''}`).join('\n') + '\n',
      );
    }
  }
  expectGolden(`expressibility/${id}.json`, JSON.stringify(expressibility(doc, OPTIONS), null, 2) + '\n');
}

describe('golden exports of the sample patterns', () => {
  const samples = samplePatternFiles();
  it('finds the sample patterns', () => {
    expect(samples.length).toBeGreaterThan(0);
  });
  for (const [id, path] of samples)
    it(`sample ${id}`, () => checkAllTargets(`sample__${id}`, loadSample(path)));
});

describe('golden exports of the feature patterns', () => {
  for (const [id, make] of Object.entries(FEATURE_PATTERNS)) it(id, () => checkAllTargets(id, make()));
});

describe('golden folders', () => {
  it('hold no stale files (UPDATE_GOLDEN=1 removes them)', () => {
    expect(orphanGoldenFiles([...TARGETS, 'expressibility'])).toEqual([]);
  });
});
