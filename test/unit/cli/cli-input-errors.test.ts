/**
 * The real CLI on bad event files: a timestamp that is missing or unreadable is named by file,
 * 1-based line and field (and repeats are capped with a count); bytes that are not UTF-8 are
 * refused with the file and line instead of becoming U+FFFD; a U+FFFD really in the file is kept.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { Pattern, serializeDocument } from '../../../engine/format';
import { cepheus, jsonLines } from './cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'cepheus-cli-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const pattern = file(
  'any.cep.json',
  serializeDocument(
    Pattern.begin('any')
      .where("name != ''")
      .toDocument({
        name: 'Any name',
        settings: {
          partitionKey: 'user',
          time: {
            mode: 'event',
            field: 'at',
            format: 'iso8601',
            outOfOrdernessMs: 0,
            watermarkIntervalMs: 200,
          },
        },
      }),
  ),
);

describe('cepheus run: messages that point at the line', { timeout: 60_000 }, () => {
  it('names file, line and field for a missing or unreadable timestamp (JSON Lines and CSV)', async () => {
    const jsonl = file(
      'times.jsonl',
      [
        '{"at":"2024-01-01T00:00:00Z","user":"u","name":"a"}',
        '{"at":"yesterday","user":"u","name":"b"}',
        '{"user":"u","name":"c"}',
        '{"at":"2024-01-01T00:00:01Z","user":"u","name":"d"}',
      ].join('\n') + '\n',
    );
    const run = await cepheus(['run', pattern, jsonl]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `error: ${jsonl} line 2: the time field "at" holds "yesterday", not an ISO-8601 timestamp`,
    );
    expect(run.stderr).toContain(`error: ${jsonl} line 3: the time field "at" is missing`);
    expect(jsonLines(run.stdout)).toHaveLength(2);

    // A quoted line break makes the CSV's 3rd record start on line 4.
    const csv = file('times.csv', 'at,user,name\n2024-01-01T00:00:00Z,u,"two\nlines"\n,u,c\n');
    const csvRun = await cepheus(['run', pattern, csv]);
    expect(csvRun.stderr).toContain(`error: ${csv} line 4: the time field "at" is missing`);
  });

  it('caps repeated timestamp errors and ends with a count', async () => {
    const many = Array.from({ length: 50 }, (_, i) => `{"at":"bad ${i}","user":"u","name":"x"}`);
    const path = file('many.jsonl', many.join('\n') + '\n');
    const run = await cepheus(['run', pattern, path]);
    const shown = run.stderr.split('\n').filter((l) => l.startsWith(`error: ${path} line`));
    expect(shown).toHaveLength(3);
    expect(run.stderr).toMatch(
      /error: 47 more like ".*many\.jsonl line 1: the time field "at" holds.*" \(50 in all\)/,
    );
    expect(run.stderr).toMatch(/50 errors/);
  });

  it('refuses bytes that are not UTF-8 with the file and line, plain or gzipped; a real U+FFFD is kept', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('{"at":"2024-01-01T00:00:00Z","user":"u","name":"\uFFFD ok"}\n', 'utf8'),
      Buffer.from('{"at":"2024-01-01T00:00:01Z","user":"u","name":"caf', 'utf8'),
      Buffer.from([0xe9]),
      Buffer.from('"}\n', 'utf8'),
    ]);
    for (const [name, content] of [
      ['latin1.jsonl', latin1],
      ['latin1.jsonl.gz', gzipSync(latin1)],
    ] as const) {
      const path = file(name, content);
      const run = await cepheus(['run', pattern, path]);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim()).toBe(
        `cepheus run: ${path}: Line 2: holds bytes that are not UTF-8 text (perhaps Latin-1 or Windows-1252). ` +
          `Save the file as UTF-8 (e.g. iconv -f windows-1252 -t utf-8 "${path}" > converted) and read that instead.`,
      );
    }
    const fine = await cepheus([
      'run',
      pattern,
      file('fffd.jsonl', latin1.subarray(0, latin1.indexOf(0x0a) + 1)),
    ]);
    expect(fine.code).toBe(0);
    expect(jsonLines(fine.stdout)).toEqual([
      expect.objectContaining({ stages: { any: [expect.objectContaining({ name: '\uFFFD ok' })] } }),
    ]);
  });
});

describe('cepheus diff and cepheus test: unreadable times point at the line', { timeout: 60_000 }, () => {
  const events = file(
    'diff-times.jsonl',
    [
      '{"at":"2024-01-01T00:00:00Z","user":"u","name":"a"}',
      '{"at":"yesterday","user":"u","name":"b"}',
      '{"user":"u","name":"c"}',
      '{"at":"2024-01-01T00:00:01Z","user":"u","name":"d"}',
    ].join('\n') + '\n',
  );

  it('diff names file, line and field on stderr and exits 1', async () => {
    const run = await cepheus(['diff', pattern, pattern, events]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `error: ${events} line 2: the time field "at" holds "yesterday", not an ISO-8601 timestamp`,
    );
    expect(run.stderr).toContain(`error: ${events} line 3: the time field "at" is missing`);
    expect(run.stderr).not.toContain('event #');
    expect(run.stderr).toContain(
      'cepheus diff: 4 events; 2 with a time that cannot be read (dropped); no change',
    );
    expect(jsonLines(run.stdout).at(-1)).toMatchObject({ summary: 'no change', events: 4 });
  });

  it('diff caps repeats with a count', async () => {
    const many = file(
      'diff-many.jsonl',
      Array.from({ length: 20 }, (_, i) => `{"at":"bad ${i}","user":"u","name":"x"}`).join('\n') + '\n',
    );
    const run = await cepheus(['diff', pattern, pattern, many]);
    expect(run.stderr.split('\n').filter((l) => l.startsWith(`error: ${many} line`))).toHaveLength(3);
    expect(run.stderr).toMatch(/error: 17 more like ".*diff-many\.jsonl line 1: .*" \(20 in all\)/);
  });

  it('test reports the case as an ERROR naming file, line and field', async () => {
    const doc = JSON.parse(readFileSync(pattern, 'utf8')) as Record<string, unknown>;
    doc.tests = [
      {
        id: 'c1',
        name: 'two names',
        source: { kind: 'recording', recording: 'diff-times.jsonl' },
        idField: null,
        expect: [{ kind: 'count', of: 'match', equals: 2 }],
        note: '',
      },
    ];
    const withTests = file('with-tests.cep.json', JSON.stringify(doc, null, 2));
    const run = await cepheus(['test', withTests]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `ERROR ${withTests} › two names — ${events} line 2: the time field "at" holds "yesterday", not an ISO-8601 timestamp (and 1 more event whose time cannot be read)`,
    );
    expect(run.stdout).toContain('0 passed, 1 failed');
  });
});
