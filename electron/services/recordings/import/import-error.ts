/** Why an import stored nothing. Plain data inside, so it crosses the worker boundary intact. */
import type { MalformedReport } from '../types';

export type ImportErrorCode =
  /** The request itself is wrong (empty name, unknown field...). */
  | 'invalid-request'
  /** The file cannot be opened or decompressed. */
  | 'unreadable'
  /** The file's structure is broken (e.g. an unclosed JSON array); `line` says where. */
  | 'invalid-file'
  /** Policy 'reject' and at least one malformed row; `malformed` lists them. */
  | 'malformed-rows'
  /** No event could be read. */
  | 'empty'
  | 'cancelled'
  | 'internal';

export interface ImportErrorInfo {
  code: ImportErrorCode;
  message: string;
  line?: number;
  malformed?: MalformedReport;
}

export class RecordingImportError extends Error {
  override name = 'RecordingImportError';
  readonly code: ImportErrorCode;
  readonly line: number | undefined;
  readonly malformed: MalformedReport | undefined;

  constructor(info: ImportErrorInfo) {
    super(info.message);
    this.code = info.code;
    this.line = info.line;
    this.malformed = info.malformed;
  }

  toInfo(): ImportErrorInfo {
    return {
      code: this.code,
      message: this.message,
      ...(this.line !== undefined ? { line: this.line } : {}),
      ...(this.malformed ? { malformed: this.malformed } : {}),
    };
  }
}
