/**
 * `POST /api/upload?name=<file name>`: the browser cannot hand the back end a path on its machine,
 * so the web host receives the file's bytes (raw body, streamed, never held in memory) into its own
 * temporary folder and answers with a read grant for it (the contract takes files only as grants),
 * which `recordings.inspect` / `recordings.import` then read like any chosen file. Token-guarded like every API call (checked by the caller).
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sendError, sendJson } from './http-status';

/** Recordings are large, but a runaway upload must not fill the disk. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

export interface UploadResult {
  /** A read grant for the received file (electron/contract/files.ts): pass it to recordings.inspect / import. */
  path: string;
  bytes: number;
  /** The file's name as sent. */
  name: string;
}

/** Keeps the extension(s) the importer reads (.csv, .jsonl, .json.gz …); anything odd becomes "-". */
export function safeUploadName(name: string | null): string {
  const base = path
    .basename((name ?? '').replace(/\\/g, '/'))
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '');
  return (base || 'upload').slice(-120);
}

class SizeCap extends Transform {
  bytes = 0;
  constructor(private readonly limit: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limit) done(new UploadTooLarge());
    else done(null, chunk);
  }
}

class UploadTooLarge extends Error {}

export interface UploadOptions {
  /** Folder receiving uploads (default: <tmp>/cepheus-uploads). */
  dir?: string;
  limit?: number;
  /** Records the received file as chosen by the user; returns the grant id the client gets. */
  grant(file: string, name: string): string;
}

export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  options: UploadOptions,
): Promise<void> {
  const limit = options.limit ?? MAX_UPLOAD_BYTES;
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    sendError(
      res,
      {
        code: 'payload-too-large',
        message: `The file is larger than the upload limit of ${formatLimit(limit)}`,
      },
      undefined,
      { Connection: 'close' },
    );
    return;
  }
  const dir = options.dir ?? path.join(tmpdir(), 'cepheus-uploads');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const target = path.join(
    dir,
    `${randomBytes(8).toString('hex')}-${safeUploadName(url.searchParams.get('name'))}`,
  );
  const cap = new SizeCap(limit);
  try {
    await pipeline(req, cap, createWriteStream(target, { mode: 0o600 }));
  } catch (error) {
    rmSync(target, { force: true });
    if (error instanceof UploadTooLarge) {
      sendError(
        res,
        {
          code: 'payload-too-large',
          message: `The file is larger than the upload limit of ${formatLimit(limit)}`,
        },
        undefined,
        { Connection: 'close' },
      );
      return;
    }
    // The client went away mid-upload: nothing to answer.
    if (req.destroyed || res.destroyed) return;
    throw error;
  }
  const name = url.searchParams.get('name') ?? path.basename(target);
  const result: UploadResult = { path: options.grant(target, name), bytes: cap.bytes, name };
  sendJson(res, 200, { result });
}

function formatLimit(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GiB` : `${Math.round(bytes / 1024 / 1024)} MiB`;
}
