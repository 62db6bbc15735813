/** The lint's warnings reach every place that lists problems: the designer, the CLI and the export. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportPattern, exportWarnings } from '../../../engine/export';
import { serializeDocument } from '../../../engine/format';
import { bucketDiagnostics, validateDocument } from '../../../renderer/designer/problems/validate-document';
import { explosivePattern } from '../../support/explosive-pattern';
import { cepheus } from '../cli/cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'cepheus-lint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const explosiveDoc = () => explosivePattern().toDocument({ name: 'Explosive' });

describe('lint wiring', () => {
  it('designer: the warnings join the problem list and the edges that carry them', () => {
    const doc = explosiveDoc();
    const all = validateDocument(doc);
    expect(all.map((d) => d.code)).toEqual(['lint.any-with-loop', 'lint.any-with-loop']);
    const edgeIntoB = doc.edges.find((e) => e.to === doc.nodes.find((n) => n.name === 'b')?.id);
    expect(bucketDiagnostics(all).byEdge[edgeIntoB?.id ?? '']?.[0].fix).toMatch(/window/);
  });

  it('export: the report lists them and the written result carries them as text', () => {
    const doc = explosiveDoc();
    expect(exportWarnings(doc).map((d) => d.code)).toEqual(['lint.any-with-loop', 'lint.any-with-loop']);
    const java = exportPattern(doc, 'flink-java');
    expect(java.ok).toBe(true);
    if (java.ok) expect(java.warnings[0]).toMatch(/^stage "b": .*followedByAny.*\. Fix: add a window/);
  });

  it('cepheus validate: still valid (exit 0), with each warning, its fix and the count', async () => {
    const file = join(dir, 'explosive.cep.json');
    writeFileSync(file, serializeDocument(explosiveDoc()));
    const r = await cepheus(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid \(3 stages, 2 warnings\)/);
    expect(r.stderr).toMatch(/warning: stage "b" contiguity: "b" follows "a" with followedByAny/);
    expect(r.stderr).toMatch(/\n {4}fix: add a window over the whole match/);
    const exported = await cepheus(['export', file, '--to', 'flink-json']);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toMatch(/^warning: stage "b": /m);
  });
});
