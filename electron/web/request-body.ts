/**
 * Reads a JSON request body with a size cap. An empty body means "no argument" (undefined),
 * as do the bytes `null`: JSON cannot express undefined, and methods without arguments send nothing.
 */
import type { IncomingMessage } from 'node:http';
import { CepError } from '../contract';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/**
 * An oversized body is still read to its end (and thrown away) up to DRAIN_FACTOR × limit, so
 * the client, which is usually still uploading, receives a clean 413 instead of a reset
 * connection. Anything bigger is cut off.
 */
const DRAIN_FACTOR = 4;

export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit * DRAIN_FACTOR) {
    req.destroy();
    throw tooLarge(limit);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit * DRAIN_FACTOR) {
      req.destroy();
      break;
    }
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) throw tooLarge(limit);
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '' || text === 'null') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CepError('invalid-arguments', `The request body is not valid JSON: ${detail}`);
  }
}

function tooLarge(limit: number): CepError {
  return new CepError(
    'payload-too-large',
    `The request body is larger than ${Math.round(limit / 1024 / 1024)} MiB`,
  );
}
