/**
 * Every sample pattern, run by the real engine over its sample recording, finds exactly the incidents
 * the generator planted (samples/recordings/planted.json) — no more (noise never fires), no fewer.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentToSpec, loadDocument } from '../../../engine/format';
import { compilePattern, createMatcher, type MatcherOutput } from '../../../engine/nfa';
import { sampleDefinitions } from '../../../samples/generator/patterns';
import { smallRecordings } from '../../../samples/generator/generate';
import { readEvents } from '../../../cli/events-reader';
import { timeReader, fieldValue } from '../../../cli/event-time';

const root = join(import.meta.dirname, '..', '..', '..');
const planted = JSON.parse(readFileSync(join(root, 'samples/recordings/planted.json'), 'utf8')) as {
  pattern: string;
  ids: string[];
  kind: string;
}[];

function idsOf(o: MatcherOutput): string[] {
  if (o.kind !== 'match' && o.kind !== 'timeout') return [];
  return o.match.stages.flatMap((s) => s.events.map((e) => String((e.event as { id: unknown }).id)));
}

describe('sample patterns on their recordings', () => {
  it('the committed recordings are what the seeded generator writes', () => {
    const regenerated = Object.values(smallRecordings()).flatMap((r) => r.planted);
    expect(regenerated).toEqual(planted);
  });

  for (const sample of sampleDefinitions()) {
    it(`${sample.family}/${sample.slug} finds exactly its planted incidents`, async () => {
      const file = join(root, 'samples/patterns', sample.family, `${sample.slug}.cep.json`);
      const loaded = loadDocument(readFileSync(file, 'utf8'));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
      // The committed file is the builder's output.
      expect(loaded.document).toEqual(sample.document);
      const lowered = documentToSpec(loaded.document);
      if (!lowered.ok) throw new Error(JSON.stringify(lowered.diagnostics));
      const compiled = compilePattern(lowered.spec, { schema: loaded.document.eventSchema ?? undefined });
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
      const { settings } = loaded.document;
      const time = timeReader(settings.time);
      const key = settings.partitionKey;
      const matcher = createMatcher(compiled.nfa, {
        time: 'event',
        timestampOf: time.timestampOf,
        outOfOrdernessMs: time.outOfOrdernessMs,
        timeouts: true,
        watermarkIntervalMs: time.watermarkIntervalMs,
        ...(key ? { keyOf: (e) => String(fieldValue(e, key)) } : {}),
      });
      const outputs: MatcherOutput[] = [];
      for await (const event of readEvents(join(root, 'samples/recordings', sample.recording)))
        outputs.push(...matcher.push(event));
      outputs.push(...matcher.flush());
      expect(outputs.filter((o) => o.kind === 'late' || o.kind === 'error' || o.kind === 'warning')).toEqual(
        [],
      );
      const found = outputs
        .filter((o) => o.kind === 'match')
        .map((o) => `${o.kind}:${idsOf(o).join(',')}`)
        .sort();
      const expected = planted
        .filter((p) => p.pattern === sample.slug)
        .map((p) => `${p.kind}:${p.ids.join(',')}`)
        .sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(found).toEqual(expected);
    });
  }
});

describe('sample patterns through the CLI', () => {
  for (const sample of sampleDefinitions()) {
    it(`cepheus run ${sample.family}/${sample.slug} prints exactly its planted incidents`, async () => {
      const { stdout, stderr } = await promisify(execFile)(
        process.execPath,
        [
          'bin/cepheus.mjs',
          'run',
          `samples/patterns/${sample.family}/${sample.slug}.cep.json`,
          `samples/recordings/${sample.recording}`,
        ],
        { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      );
      const lines = stdout
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as { kind: string; stages?: Record<string, { id: string }[]> });
      const found = lines
        .filter((l) => l.kind === 'match')
        .map(
          (l) =>
            `match:${Object.values(l.stages ?? {})
              .flatMap((events) => events.map((e) => e.id))
              .join(',')}`,
        )
        .sort();
      const expected = planted
        .filter((p) => p.pattern === sample.slug)
        .map((p) => `${p.kind}:${p.ids.join(',')}`)
        .sort();
      expect(found).toEqual(expected);
      expect(stderr).toMatch(new RegExp(`${expected.length} match`));
    });
  }
});
