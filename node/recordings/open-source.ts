/**
 * Opens an event file as a stream of text chunks. Gzip is recognised by its magic bytes, not by
 * the file name, so "events.log" holding gzip data and "events.gz" holding plain text both work.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

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

/** Raised when the file cannot be read at all; the message names the file and the cause. */
export class SourceOpenError extends Error {
  override name = 'SourceOpenError';
}

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

async function* withoutBom(stream: Readable): AsyncGenerator<string> {
  let first = true;
  for await (const chunk of stream as AsyncIterable<string>) {
    if (first) {
      first = false;
      yield chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    } else {
      yield chunk;
    }
  }
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
  text.setEncoding('utf8');
  return {
    compressed,
    fileBytes,
    bytesRead: () => raw.bytesRead,
    chunks: withoutBom(text),
    close: () => {
      raw.destroy();
      if (text !== raw) text.destroy();
    },
  };
}
