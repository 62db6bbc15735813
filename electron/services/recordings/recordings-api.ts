/**
 * The `recordings` group of CepApi on top of the recordings service: keeps running imports by
 * id (for cancellation and progress pushes), publishes changes, and turns service errors into
 * contract errors (CepError) that both transports carry.
 */
import { randomUUID } from 'node:crypto';
import { CepError, type CepIssue, type RecordingMethods } from '../../contract';
import type { PushHub } from '../push-hub';
import { RecordingImportError } from './import/import-error';
import { wrapReadError } from './import/read-error';
import type { RecordingsService } from './recordings-service';
import { SourceOpenError } from '../../../node/recordings/open-source';
import { SourceFormatError } from '../../../node/recordings/source-row';
import { EventFilterError, RecordingNotFoundError } from './store/recording-store';

export function toCepError(error: unknown): unknown {
  if (error instanceof RecordingNotFoundError) return new CepError('not-found', error.message);
  if (error instanceof EventFilterError)
    return new CepError('invalid-arguments', error.message, [
      { path: ['filter', 'expression'], message: error.message },
    ]);
  if (error instanceof SourceOpenError) return new CepError('import-failed', error.message);
  if (error instanceof SourceFormatError)
    return new CepError('import-failed', error.message, [
      { path: ['line', error.line], message: error.message },
    ]);
  if (!(error instanceof RecordingImportError)) return error;
  if (error.code === 'cancelled') return new CepError('cancelled', error.message);
  if (error.code === 'invalid-request') return new CepError('invalid-arguments', error.message);
  if (error.code === 'internal') return new CepError('internal', error.message);
  const issues: CepIssue[] = (error.malformed?.rows ?? []).map((row) => ({
    path: ['line', row.line],
    message: row.reason,
    code: 'malformed-row',
  }));
  if (error.line !== undefined && issues.length === 0)
    issues.push({ path: ['line', error.line], message: error.message });
  const shown =
    error.malformed && error.malformed.total > issues.length
      ? ` (showing the first ${issues.length} of ${error.malformed.total})`
      : '';
  return new CepError('import-failed', error.message + shown, issues.length > 0 ? issues : undefined);
}

async function mapped<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toCepError(error);
  }
}

export function createRecordingMethods(service: RecordingsService, hub: PushHub): RecordingMethods {
  const running = new Map<string, AbortController>();
  return {
    list: () => mapped(() => service.listRecordings()),
    get: ({ id }) => mapped(() => service.getRecording(id)),
    // A damaged .gz reads as a zlib error: report it as an import of that file would.
    inspect: ({ path }) =>
      mapped(() =>
        service.inspectFile(path).catch((error: unknown) => {
          throw String((error as { code?: unknown } | null)?.code).startsWith('Z_')
            ? wrapReadError(error, path)
            : error;
        }),
      ),
    import: ({ importId = randomUUID(), ...request }) =>
      mapped(async () => {
        if (running.has(importId))
          throw new CepError('invalid-arguments', `An import with id "${importId}" is already running`);
        const controller = new AbortController();
        running.set(importId, controller);
        try {
          const { recording } = await service.importRecording(request, {
            signal: controller.signal,
            onProgress: (progress) => hub.publish('recordings.importProgress', { importId, ...progress }),
          });
          hub.publish('recordings.changed', { id: recording.id, kind: 'imported' });
          return recording;
        } finally {
          running.delete(importId);
        }
      }),
    cancelImport: ({ importId }) =>
      mapped(() => {
        const controller = running.get(importId);
        controller?.abort();
        return controller !== undefined;
      }),
    rename: ({ id, name }) =>
      mapped(() => {
        const summary = service.renameRecording(id, name);
        hub.publish('recordings.changed', { id, kind: 'renamed' });
        return summary;
      }),
    delete: ({ id }) =>
      mapped(() => {
        service.deleteRecording(id);
        hub.publish('recordings.changed', { id, kind: 'deleted' });
      }),
    readEvents: ({ id, ...options }) => mapped(() => service.readEvents(id, options)),
  };
}
