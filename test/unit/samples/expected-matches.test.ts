/**
 * Every sample pattern ships with tests made from what the generator planted in its recording: a
 * case per incident, a case per near miss, and the number of matches over the whole recording.
 * Here they run through the engine and through `cepheus test`, and a changed threshold fails exactly
 * the cases whose incident it no longer catches.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from '../../../cli/events-reader';
import { expandFileArgs } from '../../../cli/file-globs';
import { loadDocument, type PatternDocument } from '../../../engine/format';
import type { EventRecord } from '../../../engine/pattern/spec';
import { arraySource, DocumentTestRun } from '../../../engine/testing';
import { sampleDefinitions } from '../../../samples/generator/patterns';
import { cepheus, jsonLines } from '../cli/cli-harness';

const root = join(import.meta.dirname, '..', '..', '..');
const samplePath = (family: string, slug: string): string =>
  join(root, 'samples/patterns', family, `${slug}.cep.json`);

function load(file: string): PatternDocument {
  const loaded = loadDocument(readFileSync(file, 'utf8'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.document;
}

/** Planted matches, as the tests list them: "match:id,id,…" in stage order. */
function plantedMatches(doc: PatternDocument): string[] {
  return doc.tests
    .flatMap((t) => t.expect)
    .flatMap((e) =>
      e.kind === 'match' && e.stages ? [`match:${Object.values(e.stages).flat().join(',')}`] : [],
    )
    .sort();
}

describe('sample patterns and their tests', () => {
  const recordings = new Map<string, EventRecord[]>();
  beforeAll(async () => {
    for (const s of sampleDefinitions()) {
      if (recordings.has(s.recording)) continue;
      const events: EventRecord[] = [];
      for await (const e of readEvents(join(root, 'samples/recordings', s.recording))) events.push(e);
      recordings.set(s.recording, events);
    }
  });

  for (const sample of sampleDefinitions()) {
    it(`${sample.family}/${sample.slug}: the committed file is the builder's, and every test passes in the engine`, () => {
      const doc = load(samplePath(sample.family, sample.slug));
      expect(doc).toEqual(sample.document);
      const kinds = new Set(doc.tests.flatMap((t) => t.expect.map((e) => e.kind)));
      expect(kinds.has('match')).toBe(true);
      expect(kinds.has('count')).toBe(true);
      const run = new DocumentTestRun(doc, (recording, pattern) => {
        expect(recording).toBe(`../../recordings/${sample.recording}`);
        return arraySource(recordings.get(sample.recording) ?? [], pattern);
      });
      while (!run.runChunk(10_000));
      const failed = run.results().filter((r) => r.status !== 'passed');
      expect(failed).toEqual([]);
    });
  }

  it('every sample recording has near misses among its tests', () => {
    const byRecording = new Map<string, number>();
    for (const s of sampleDefinitions())
      byRecording.set(
        s.recording,
        (byRecording.get(s.recording) ?? 0) +
          s.document.tests.filter((t) => t.expect.some((e) => e.kind === 'no-match')).length,
      );
    for (const [recording, n] of byRecording) expect(n, recording).toBeGreaterThan(0);
  });
});

describe('sample patterns through the CLI', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'cepheus-samples-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('cepheus test samples/patterns/**/*.cep.json passes every case, one line each', async () => {
    const files = expandFileArgs([join(root, 'samples/patterns/**/*.cep.json')]);
    expect(files.length).toBeGreaterThan(sampleDefinitions().length);
    const total = files.reduce((n, f) => n + load(f).tests.length, 0);
    const r = await cepheus(['test', 'samples/patterns/**/*.cep.json']);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('PASS '))).toHaveLength(total);
    expect(lines.at(-1)).toBe(`${total} passed, 0 failed`);
    expect(r.code).toBe(0);
  });

  it('a raised card-testing threshold fails exactly the incident it no longer catches, and the count', async () => {
    const doc = readFileSync(samplePath('risk', 'card-testing'), 'utf8');
    const file = join(dir, 'card-testing-20k.cep.json');
    writeFileSync(file, doc.replace('amount > 10000', 'amount > 20000'));
    const r = await cepheus(['test', file, '--recordings', 'samples/recordings']);
    expect(r.code).toBe(1);
    const failed = r.stdout.split('\n').filter((l) => l.startsWith('FAIL '));
    // The planted cash-outs were 24,626.50, 18,003.56 and 27,940.16: only card-00310's drops out.
    expect(failed).toHaveLength(2);
    expect(failed[0]).toContain(
      '(card-00310) — Expected a match for key "card-00310" binding probe: tx-000674',
    );
    expect(failed[0]).toContain('did not take tx-000685 into "cashout"');
    expect(failed[0]).toContain('amount=18003.56');
    expect(failed[0]).toMatch(/\(replay step \d+\)$/);
    expect(failed[1]).toContain(
      'exactly 3 matches over the whole recording — Expected exactly 3 matches, but found 2.',
    );
    expect(r.stdout.trim().split('\n').at(-1)).toBe('5 passed, 2 failed');

    const junit = join(dir, 'report.xml');
    const x = await cepheus([
      'test',
      file,
      '--recordings',
      'samples/recordings',
      '--reporter',
      'junit',
      '--out',
      junit,
    ]);
    expect(x.code).toBe(1);
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="cepheus test" tests="7" failures="2" errors="0"/);
    expect(xml.match(/<failure message=/g)).toHaveLength(2);
    expect(xml).toContain('amount=18003.56');
  });

  for (const sample of sampleDefinitions()) {
    it(`cepheus run ${sample.family}/${sample.slug} prints exactly the matches its tests expect`, async () => {
      const r = await cepheus([
        'run',
        `samples/patterns/${sample.family}/${sample.slug}.cep.json`,
        `samples/recordings/${sample.recording}`,
      ]);
      const found = (jsonLines(r.stdout) as { kind: string; stages?: Record<string, { id: string }[]> }[])
        .filter((l) => l.kind === 'match')
        .map(
          (l) =>
            `match:${Object.values(l.stages ?? {})
              .flatMap((events) => events.map((e) => e.id))
              .join(',')}`,
        )
        .sort();
      const expected = plantedMatches(sample.document);
      expect(expected.length).toBeGreaterThan(0);
      expect(found).toEqual(expected);
      expect(r.stderr).toMatch(new RegExp(`${expected.length} match`));
    });
  }
});
