/** Any failure while reading a file, as the RecordingImportError an import reports. */
import { SourceOpenError } from '../../../../node/recordings/open-source';
import { SourceFormatError } from '../../../../node/recordings/source-row';
import { RecordingImportError } from './import-error';

export function wrapReadError(error: unknown, path: string): RecordingImportError {
  if (error instanceof RecordingImportError) return error;
  if (error instanceof SourceFormatError) {
    return new RecordingImportError({
      code: 'invalid-file',
      line: error.line,
      message: `${path}: ${error.message}`,
    });
  }
  if (error instanceof SourceOpenError)
    return new RecordingImportError({ code: 'unreadable', message: error.message });
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new RecordingImportError({
      code: 'unreadable',
      message: `${path}: the gzip data is damaged (${(error as Error).message})`,
    });
  }
  return new RecordingImportError({
    code: 'internal',
    message: `Import of ${path} failed: ${error instanceof Error ? error.message : String(error)}`,
  });
}
