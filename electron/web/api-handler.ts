/**
 * The HTTP transport of the contract: `POST /api/<method>` and `GET /api/events`.
 * Order of checks: token (401), HTTP method (405), method name (404), body (413/400),
 * arguments (400), then the call itself; every failure is `{ error: { code, message, issues? } }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import {
  CepError,
  invokeMethod,
  isCepMethodName,
  parseArgs,
  type CepArgs,
  type CepMethodName,
} from '../contract';
import type { CepBackend } from '../services';
import { sendError, sendJson } from './http-status';
import type { PushStreams } from './push-stream';
import { readJsonBody } from './request-body';
import { handleUpload } from './upload';
import type { UploadFolder } from './upload-folder';

export const TOKEN_HEADER = 'x-cepheus-token';

function sameToken(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export interface ApiContext {
  backend: CepBackend;
  streams: PushStreams;
  token: string;
  /** Receives `POST /api/upload` files and deletes them once their import is over. */
  uploads: UploadFolder;
}

/** Runs a contract call; an import of an uploaded file tells the upload folder when it ends. */
async function invokeTracked<M extends CepMethodName>(
  ctx: ApiContext,
  name: M,
  args: CepArgs<M>,
): Promise<unknown> {
  const grant = name === 'recordings.import' ? (args as CepArgs<'recordings.import'>).path : null;
  const file = grant === null ? null : ctx.backend.grants.resolve(grant, 'read').path;
  if (file === null || !ctx.uploads.owns(file)) return invokeMethod(ctx.backend, name, args);
  ctx.uploads.importStarted(file);
  let succeeded = false;
  try {
    const result = await invokeMethod(ctx.backend, name, args);
    succeeded = true;
    return result;
  } finally {
    ctx.uploads.importEnded(file, succeeded);
    // A stored upload is deleted: its grant stands for nothing any more.
    if (succeeded && grant !== null) ctx.backend.grants.revoke(grant);
  }
}

export async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  ctx: ApiContext,
): Promise<void> {
  const headerToken = req.headers[TOKEN_HEADER];
  const given = typeof headerToken === 'string' ? headerToken : null;
  const isEvents = url.pathname === '/api/events';
  // EventSource cannot set headers, so the event stream alone also accepts ?token=.
  const authorized =
    sameToken(given, ctx.token) || (isEvents && sameToken(url.searchParams.get('token'), ctx.token));
  if (!authorized) {
    sendError(res, {
      code: 'unauthorized',
      message: 'Missing or wrong session token: open the URL the web host printed (it ends in ?token=…)',
    });
    return;
  }

  if (isEvents) {
    if (req.method !== 'GET') {
      sendError(res, { code: 'unknown-method', message: '/api/events accepts GET only' }, 405, {
        Allow: 'GET',
      });
      return;
    }
    ctx.streams.open(res);
    return;
  }

  if (req.method !== 'POST') {
    sendError(res, { code: 'unknown-method', message: `API calls use POST, not ${req.method ?? '?'}` }, 405, {
      Allow: 'POST',
    });
    return;
  }
  // The browser's file input cannot give the back end a path: the file itself is uploaded.
  if (url.pathname === '/api/upload') {
    await handleUpload(req, res, url, {
      dir: ctx.uploads.dir,
      grant: (file, fileName) => ctx.backend.grants.issue(file, 'read', fileName).id,
    });
    return;
  }
  const name = decodeURIComponent(url.pathname.slice('/api/'.length));
  if (!isCepMethodName(name)) {
    sendError(res, { code: 'unknown-method', message: `Unknown method "${name}"` });
    return;
  }

  try {
    const raw = await readJsonBody(req);
    const args = parseArgs(name, raw);
    const result = await invokeTracked(ctx, name, args);
    sendJson(res, 200, result === undefined ? {} : { result });
  } catch (error) {
    if (error instanceof CepError) {
      sendError(
        res,
        error.toInfo(),
        undefined,
        error.code === 'payload-too-large' ? { Connection: 'close' } : undefined,
      );
      return;
    }
    console.error(`Cepheus web host: ${name} failed:`, error);
    const message = error instanceof Error ? error.message : String(error);
    sendError(res, { code: 'internal', message: `${name} failed: ${message}` });
  }
}
