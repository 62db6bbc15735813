import type { ServerResponse } from 'node:http';
import type { CepErrorCode, CepErrorInfo } from '../contract';

/** HTTP status for each contract error code (documented in electron/contract/README.md). */
export const statusOf: Record<CepErrorCode, number> = {
  'invalid-arguments': 400,
  'invalid-document': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'unknown-method': 404,
  'payload-too-large': 413,
  'database-too-new': 409,
  'database-busy': 503,
  'database-damaged': 500,
  'storage-unavailable': 507,
  'import-failed': 422,
  cancelled: 409,
  'budget-exceeded': 422,
  internal: 500,
};

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  extraHeaders: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  error: CepErrorInfo,
  status = statusOf[error.code],
  extraHeaders?: Record<string, string>,
): void {
  sendJson(res, status, { error }, extraHeaders);
}
