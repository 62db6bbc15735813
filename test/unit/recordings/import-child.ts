/**
 * Runs one import in this process, for the test that kills a process mid-import:
 * `node --import tsx import-child.ts <db> <file>` prints "progress <rows>" lines.
 */
import { openDatabase } from '../../../electron/services/db/open-database';
import { runImport } from '../../../electron/services/recordings';

const [dbPath, file] = process.argv.slice(2);
const db = openDatabase(dbPath);
await runImport(
  db,
  { path: file, name: 'child', timestampField: 'ts', timestampFormat: 'epochMillis', onMalformed: 'reject' },
  { onProgress: (p) => process.stdout.write(`progress ${p.rows}\n`), progressInterval: 0 },
);
process.stdout.write('done\n');
