/**
 * Bytes that are not UTF-8 are refused with their 1-based line, in the readers shared by the CLI
 * and the import, across the 256 KiB read chunks; text that is UTF-8 (a character or a real
 * U+FFFD split by a chunk edge) reads exactly as written.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CepError } from '../../../electron/contract';
import { createBackend, type CepBackend } from '../../../electron/services';
import { openTextSource } from '../../../node/recordings/open-source';
import { SourceFormatError } from '../../../node/recordings/source-row';

const CHUNK = 256 * 1024;

async function readAll(file: string): Promise<string> {
  const source = await openTextSource(file);
  let text = '';
  try {
    for await (const chunk of source.chunks) text += chunk;
  } finally {
    source.close();
  }
  return text;
}

/** ASCII lines of 64 bytes filling `bytes`, then `tail`; returns the bytes and the line count. */
function padded(bytes: number, tail: Buffer): { content: Buffer; lines: number } {
  const line = 'x'.repeat(63) + '\n';
  const lines = Math.floor(bytes / 64);
  const head = Buffer.from(line.repeat(lines) + 'y'.repeat(bytes - lines * 64));
  return { content: Buffer.concat([head, tail]), lines };
}

describe('UTF-8 input', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'cepheus-utf8-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, content: Buffer): string => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  it('keeps characters and real U+FFFD split across chunk edges, and drops a byte order mark', async () => {
    for (let cut = 1; cut <= 3; cut++) {
      const text = '\uFFFD€😀 end\n';
      const { content } = padded(CHUNK - cut, Buffer.from(text, 'utf8'));
      const file = write(`split-${cut}.txt`, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), content]));
      const read = await readAll(file);
      expect(read.endsWith(text)).toBe(true);
      expect(read.length).toBe(content.toString('utf8').length);
    }
  });

  it('names the line of the first byte that is not UTF-8, in any chunk', async () => {
    const cases: [string, number, Buffer][] = [
      ['first chunk', 1000, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])],
      ['at the chunk edge', CHUNK - 1, Buffer.from([0xe9, 0x41, 0x0a])],
      [
        'later chunk, after a real U+FFFD',
        CHUNK * 2 + 5,
        Buffer.concat([Buffer.from('\uFFFD\n\uFFFD ok\nbad ', 'utf8'), Buffer.from([0xff, 0x0a])]),
      ],
      ['a character cut by the end of the file', 5000, Buffer.from([0x0a, 0xe2, 0x82])],
    ];
    for (const [name, bytes, tail] of cases) {
      const { content, lines } = padded(bytes, tail);
      const file = write('bad.txt', content);
      // The expected line: every newline before the first bad byte, plus one.
      const text = content.toString('latin1');
      const firstBad = name.includes('U+FFFD')
        ? text.lastIndexOf('\xff')
        : name.includes('cut')
          ? content.length - 2
          : text.indexOf('\xe9');
      const line = text.slice(0, firstBad).split('\n').length;
      expect(line).toBeGreaterThan(lines);
      const error = await readAll(file).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, name).toBeInstanceOf(SourceFormatError);
      expect((error as SourceFormatError).line, name).toBe(line);
      expect((error as Error).message).toContain('not UTF-8');
    }
  });

  describe('import and inspect', () => {
    let backend: CepBackend;
    beforeEach(() => (backend = createBackend({ dataDir: path.join(dir, 'data'), appVersion: 'test' })));
    afterEach(() => backend.close());

    it('refuse a Latin-1 file with its name and line, and store nothing', async () => {
      const file = write(
        'latin1.csv',
        Buffer.from('ts,user,city\n1000,u1,Paris\n2000,u2,Orl\xe9ans\n', 'latin1'),
      );
      const grant = (): string => backend.grants.issue(file, 'read').id;
      const reject = (p: Promise<unknown>): Promise<CepError> =>
        p.then(
          () => {
            throw new Error('expected a rejection');
          },
          (e: unknown) => CepError.from(e),
        );
      const imported = await reject(
        backend.recordings.import({
          path: grant(),
          name: 'latin1',
          timestampField: 'ts',
          timestampFormat: 'epochMillis',
          onMalformed: 'skip',
        }),
      );
      expect(imported.code).toBe('import-failed');
      expect(imported.message).toContain(`${file}: Line 3: holds bytes that are not UTF-8 text`);
      expect(imported.issues).toEqual([{ path: ['line', 3], message: imported.message }]);
      expect(await backend.recordings.list()).toEqual([]);
      const inspected = await reject(backend.recordings.inspect({ path: grant() }));
      expect(inspected.code).toBe('import-failed');
      expect(inspected.message).toContain('Line 3: holds bytes that are not UTF-8 text');
    });
  });
});
