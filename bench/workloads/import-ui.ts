/**
 * import-1m-ui: the 1M-row risk CSV imported the way the import dialog in a browser does it, through
 * the web host's HTTP contract (the renderer's own HTTP client): `POST /api/upload` (the file's bytes,
 * streamed), `recordings.inspect` on the grant, then `recordings.import` with the settings the dialog
 * sends (its suggested time field, the key `cardId` as chosen for import-1m-csv, the column types it
 * enforces), with the push stream open for `recordings.importProgress`. The host runs the import in
 * its import worker (which parses in its parse worker) into the data folder's SQLite file.
 * rowsPerSec is timed from the import call to its answer (the recording is visible then); the upload
 * and the inspection are reported apart. cpuMs: CPU of this process (host, workers, client) meanwhile;
 * firstRowsMs: the import call to the first progress push that counts written rows (workers' start).
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import type { ColumnType, ImportRecordingArgs, InspectResult } from '../../electron/contract';
import { startWebHost } from '../../electron/web';
import { createHttpApi, tokenHeader } from '../../renderer/api/http-api';
import type { Workload } from '../workload';
import { riskCsv } from './recordings';

const KEY_FIELD = 'cardId';

export async function upload(origin: string, token: string, csv: string): Promise<{ path: string }> {
  const response = await fetch(`${origin}/api/upload?name=${encodeURIComponent(basename(csv))}`, {
    method: 'POST',
    headers: { [tokenHeader]: token, 'content-length': String(statSync(csv).size) },
    body: Readable.toWeb(createReadStream(csv)) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit);
  const body = (await response.json()) as { result?: { path: string }; error?: { message: string } };
  if (!body.result) throw new Error(`upload failed: ${body.error?.message ?? response.status}`);
  return body.result;
}

/**
 * The request the dialog's Import button sends after inspection with the key chosen and no type
 * changed: it enforces every inferred scalar column type but the time field's
 * (renderer/recordings/import-checks.ts, enforcedColumnTypes, whose module graph is the renderer's).
 */
export function dialogRequest(inspect: InspectResult): Omit<ImportRecordingArgs, 'importId'> {
  const timestampField = inspect.suggestedTimestampField ?? 'ts';
  const columnTypes: Record<string, ColumnType> = {};
  for (const field of inspect.schema) {
    const type = field.type;
    if (field.name === timestampField) continue;
    if (type === 'number' || type === 'string' || type === 'boolean' || type === 'any')
      columnTypes[field.name] = type;
  }
  return {
    path: inspect.path,
    name: 'risk-1m',
    timestampField,
    timestampFormat: inspect.timestampFormat ?? 'iso8601',
    keyField: KEY_FIELD,
    onMalformed: 'reject',
    columnTypes,
  };
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return Math.round((u.user + u.system) / 1000);
};

export const importUi: Workload = {
  slug: 'import-1m-ui',
  title: '1M-row risk CSV imported as the UI does it: upload, inspect, import through the web host',
  fullSize: 1_000_000,
  prepare() {
    throw new Error('import-1m-ui measures itself');
  },
  async custom(rows, quick) {
    const dataDir = mkdtempSync(join(tmpdir(), 'cepheus-bench-import-ui-'));
    const host = await startWebHost({ port: 0, dataDir, build: 'never', seedSamples: false });
    try {
      const csv = await riskCsv(rows, dataDir);
      const api = createHttpApi({ baseUrl: host.origin, token: host.token });
      const importId = 'bench-import';
      let progressMessages = 0;
      let lastRows = 0;
      let firstRowsAt = 0;
      const unsubscribe = api.on('recordings.importProgress', (p) => {
        if (p.importId !== importId) return;
        progressMessages += 1;
        if (firstRowsAt === 0 && p.rows > 0) firstRowsAt = performance.now();
        lastRows = p.rows;
      });
      await api.app.info();
      const u0 = performance.now();
      const grant = await upload(host.origin, host.token, csv);
      const uploadMs = performance.now() - u0;
      const i0 = performance.now();
      const inspect = await api.recordings.inspect({ path: grant.path });
      const inspectMs = performance.now() - i0;
      const request = dialogRequest(inspect);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const recording = await api.recordings.import({ ...request, importId });
      const ms = performance.now() - t0;
      const cpu = cpuMs(cpu0);
      unsubscribe();
      return {
        workload: 'import-1m-ui',
        engine: 'web host over HTTP (import worker + parse worker)',
        node: process.version,
        date: new Date().toISOString(),
        quick,
        rows: recording.rowCount,
        events: recording.rowCount,
        rowsPerSec: Math.round(recording.rowCount / (ms / 1000)),
        importMs: Math.round(ms),
        cpuMs: cpu,
        uploadMs: Math.round(uploadMs),
        inspectMs: Math.round(inspectMs),
        progressMessages,
        firstRowsMs: firstRowsAt === 0 ? null : Math.round(firstRowsAt - t0),
        lastProgressRows: lastRows,
        enforcedColumnTypes: Object.keys(request.columnTypes ?? {}).length,
        csvBytes: statSync(csv).size,
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        mismatches: recording.rowCount === rows ? [] : [`imported ${recording.rowCount} rows of ${rows}`],
      };
    } finally {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
