/** Public surface of the back-end services (plain Node; never imports Electron). */
export { createBackend, DATABASE_FILE, type BackendOptions, type CepBackend } from './backend';
export { resolveDataDir, dataDirFromArgv } from './data-dir';
export { openDatabase, APPLICATION_ID } from './db/open-database';
export { LATEST_SCHEMA_VERSION, migrations, type Migration } from './db/migrations';
export type { PushListener } from './push-hub';
export type { FileDialogs } from './granted-files';
export { FileGrants, type FileGrant, type GrantMode } from './file-grants';
