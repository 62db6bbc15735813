/**
 * Opens an event file as a stream of text chunks. Gzip is recognised by its magic bytes, not by
 * the file name, so "events.log" holding gzip data and "events.gz" holding plain text both work.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { assertText } from './binary-file';
import { SourceFormatError } from './source-row';

const GZIP_MAGIC = [0x1f, 0x8b];

export interface TextSource {
  compressed: boolean;
  /** Size of the file on disk. */
  fileBytes: number;
  /** Bytes of the file read so far (compressed bytes for gzip). */
  bytesRead(): number;
  /** UTF-8 text in chunks, byte order mark removed. */
  chunks: AsyncIterable<string>;
  /** Stops reading early (inspect reads only the head of a file). */
  close(): void;
}

import { SourceOpenError } from './open-source-error';

export { SourceOpenError };

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export async function isGzipFile(path: string): Promise<boolean> {
  const head = await readHead(path, 2);
  return head.length === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/**
 * Uncompressed size from a gzip trailer (ISIZE: size modulo 2^32 of the last member). Only an
 * estimate: wrong above 4 GiB or for multi-member files, so callers treat it as a hint.
 */
export async function gzipSizeHint(path: string, fileBytes: number): Promise<number | null> {
  if (fileBytes < 18) return null;
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(4);
    await handle.read(buf, 0, 4, fileBytes - 4);
    return buf.readUInt32LE(0);
  } finally {
    await handle.close();
  }
}

const REPLACEMENT = '\uFFFD';
/** U+FFFD written as UTF-8: a replacement character that really is in the file. */
const REPLACEMENT_BYTES = Buffer.from(REPLACEMENT, 'utf8');

function countOf(haystack: Buffer, needle: Buffer | number): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

function notUtf8(path: string, line: number): SourceFormatError {
  return new SourceFormatError(
    line,
    'holds bytes that are not UTF-8 text (perhaps Latin-1 or Windows-1252). Save the file as UTF-8 ' +
      `(e.g. iconv -f windows-1252 -t utf-8 "${path}" > converted) and read that instead.`,
  );
}

/**
 * Which line of `chunk` (0 = the line it starts in) holds the first byte that is not UTF-8.
 * `before` is up to 3 bytes preceding the chunk on the same line, so a character split across
 * chunks is judged whole; leading continuation bytes belong to a character already judged.
 */
function firstBadLine(before: Buffer, chunk: Buffer): number {
  let bytes = Buffer.concat([before, chunk]);
  let skip = 0;
  while (skip < 3 && skip < bytes.length && (bytes[skip] & 0xc0) === 0x80) skip++;
  bytes = bytes.subarray(skip);
  let index = 0;
  let start = 0;
  for (;;) {
    const nl = bytes.indexOf(0x0a, start);
    const piece = bytes.subarray(start, nl === -1 ? bytes.length : nl);
    try {
      // The last piece may end inside a character that the next chunk completes.
      new TextDecoder('utf-8', { fatal: true }).decode(piece, { stream: nl === -1 });
    } catch {
      return index;
    }
    if (nl === -1) return index;
    index++;
    start = nl + 1;
  }
}

/**
 * Decodes UTF-8 (byte order mark removed) and refuses bytes that are not UTF-8 with their 1-based
 * line, instead of letting them become U+FFFD unnoticed. A U+FFFD the file really holds is kept:
 * the decoded replacement characters are compared with those written in the bytes.
 */
async function* utf8Text(stream: Readable, path: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let line = 1;
  let before: Buffer = Buffer.alloc(0);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.includes(REPLACEMENT)) {
      // A real U+FFFD split across chunks decodes in this one: count the bytes before it too.
      const written = countOf(Buffer.concat([before, chunk]), REPLACEMENT_BYTES);
      if (countOf(Buffer.from(text, 'utf8'), REPLACEMENT_BYTES) > written) {
        // Binary data (a workbook saved as .csv) is said as such, not as text in another encoding.
        if (line === 1) assertText(text, { replacementIsBinary: false });
        throw notUtf8(path, line + firstBadLine(before, chunk));
      }
    }
    line += countOf(chunk, 0x0a);
    const last = chunk.subarray(Math.max(0, chunk.length - 3));
    before = last.subarray(last.lastIndexOf(0x0a) + 1);
    if (text) yield text;
  }
  // Bytes of a character cut off by the end of the file.
  if (decoder.decode().includes(REPLACEMENT)) throw notUtf8(path, line);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function openTextSource(path: string): Promise<TextSource> {
  let fileBytes: number;
  let compressed: boolean;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    fileBytes = info.size;
    compressed = await isGzipFile(path);
  } catch (error) {
    throw new SourceOpenError(`Cannot read ${path}: ${describe(error)}`);
  }
  const raw: ReadStream = createReadStream(path, { highWaterMark: 256 * 1024 });
  let text: Readable = raw;
  if (compressed) {
    const gunzip = createGunzip();
    // pipe() does not forward errors; a read error must still end the gunzip side.
    raw.on('error', (error) => gunzip.destroy(error));
    gunzip.on('error', () => raw.destroy());
    text = raw.pipe(gunzip);
  }
  return {
    compressed,
    fileBytes,
    bytesRead: () => raw.bytesRead,
    chunks: utf8Text(text, path),
    close: () => {
      raw.destroy();
      if (text !== raw) text.destroy();
    },
  };
}
