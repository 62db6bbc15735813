/** Public surface of the recordings service. */
export {
  createRecordingsService,
  type RecordingsService,
  type RecordingsServiceOptions,
} from './recordings-service';
export { inspectFile } from './inspect/inspect-file';
export { runImport, type ImportHooks } from './import/run-import';
export { importRecordingInWorker, type ImportOptions } from './import/import-recording';
export { RecordingImportError, type ImportErrorCode, type ImportErrorInfo } from './import/import-error';
export { RecordingStore, RecordingNotFoundError, MAX_PAGE } from './store/recording-store';
export { MAX_KEPT_MALFORMED } from './import/malformed-log';
export type * from './types';
export { createRecordingMethods, toCepError } from './recordings-api';
