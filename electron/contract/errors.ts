/**
 * Typed errors of the contract. Both transports carry the same plain shape, `CepErrorInfo`;
 * the renderer's API layer turns it back into a `CepError` with `CepError.from(reason)`.
 *
 * Why a plain shape: Electron's contextBridge copies only the message of an Error object, so
 * the preload rejects with `CepErrorInfo` data instead, and HTTP sends it as JSON.
 */

export type CepErrorCode =
  /** Arguments failed the contract's zod schema; `issues` says where. */
  | 'invalid-arguments'
  /** The pattern document failed engine/format validation; `issues` carries the diagnostics. */
  | 'invalid-document'
  /** No such pattern or version. */
  | 'not-found'
  /** The method name is not part of the contract. */
  | 'unknown-method'
  /** IPC sender or HTTP caller is not the app itself (foreign frame, missing token). */
  | 'forbidden'
  | 'unauthorized'
  /** HTTP request body too large. */
  | 'payload-too-large'
  /** The database was written by a newer Cepheus; it is left untouched. */
  | 'database-too-new'
  /** Another process (a second Cepheus, the CLI) held the database's write lock too long; nothing was changed, retry. */
  | 'database-busy'
  /** The database file is damaged (bad pages, truncated, bad schema); nothing is written into it. */
  | 'database-damaged'
  /** The disk is full or the data folder is read-only; nothing was changed. */
  | 'storage-unavailable'
  /** A recording import stored nothing: unreadable file, broken structure or malformed rows (in `issues`, path ['line', n]). */
  | 'import-failed'
  /** The operation was cancelled by the caller; nothing was changed. */
  | 'cancelled'
  /** The pattern went over the run budget (too many partial matches or matches); the replay pauses before that step. */
  | 'budget-exceeded'
  /** A bug or an I/O failure; the message says what, the host logs the stack. */
  | 'internal';

export interface CepIssue {
  /** Where in the arguments (or document) the problem is, e.g. ["document", "nodes", 2]. */
  path: (string | number)[];
  message: string;
  /** Stable machine code when the issue is an engine diagnostic. */
  code?: string;
}

export interface CepErrorInfo {
  code: CepErrorCode;
  message: string;
  issues?: CepIssue[];
}

export class CepError extends Error {
  readonly code: CepErrorCode;
  readonly issues: CepIssue[] | undefined;

  constructor(code: CepErrorCode, message: string, issues?: CepIssue[]) {
    super(message);
    this.name = 'CepError';
    this.code = code;
    this.issues = issues;
  }

  toInfo(): CepErrorInfo {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }

  /** Rebuilds a CepError from whatever a transport rejected with. */
  static from(reason: unknown): CepError {
    if (reason instanceof CepError) return reason;
    if (isCepErrorInfo(reason)) return new CepError(reason.code, reason.message, reason.issues);
    const message = reason instanceof Error ? reason.message : String(reason);
    return new CepError('internal', message);
  }
}

const codes: ReadonlySet<string> = new Set<CepErrorCode>([
  'invalid-arguments',
  'invalid-document',
  'not-found',
  'unknown-method',
  'forbidden',
  'unauthorized',
  'payload-too-large',
  'database-too-new',
  'database-busy',
  'database-damaged',
  'storage-unavailable',
  'import-failed',
  'cancelled',
  'budget-exceeded',
  'internal',
]);

export function isCepErrorInfo(value: unknown): value is CepErrorInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && codes.has(v.code) && typeof v.message === 'string';
}
