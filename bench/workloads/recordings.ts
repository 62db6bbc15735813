/**
 * import-1m-csv and replay-1m: the app's own code paths on a generated risk recording.
 * import: runImport (the function the import worker runs) from CSV into a fresh SQLite file.
 * replay: the replay service's benchReplay1m (open, whole-recording analysis laying checkpoints,
 * 1,000 steps forward and back, 10 random seeks) on the card-testing rule.
 */
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadDocument } from '../../engine/format/index';
import { openDatabase } from '../../electron/services/db/open-database';
import { runImport } from '../../electron/services/recordings/import/run-import';
import { useWorkerBundles } from '../../electron/services/worker-script';
import { buildWorkerBundles } from '../../electron/web/worker-bundles';
import { benchReplay1m } from '../../electron/services/replay/bench-replay';
import { riskCsvLine } from '../../samples/generator/generate';
import { generateRisk } from '../../samples/generator/risk';
import { percentile } from '../harness';
import type { Workload } from '../workload';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HEADER = 'id,ts,userId,cardId,type,amount,status,merchant,device,knownDevice,country';

/** The --large recording of the sample generator (same seed), or a smaller one in a temp folder. */
export async function riskCsv(rows: number, dir: string): Promise<string> {
  const file =
    rows === 1_000_000
      ? join(ROOT, 'samples', 'recordings', 'generated', 'risk-transactions-1m.csv')
      : join(dir, `risk-${rows}.csv`);
  if (existsSync(file) && statSync(file).size > 0) return file;
  const rec = generateRisk({ users: Math.ceil(rows / 9.5), hours: 8, seed: 1_000_000, plant: true });
  if (rec.events.length < rows)
    throw new Error(`the generator made ${rec.events.length} rows, fewer than ${rows}`);
  const { mkdirSync } = await import('node:fs');
  mkdirSync(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  out.write(HEADER + '\n');
  for (let i = 0; i < rows; i++) if (!out.write(riskCsvLine(rec.events[i]) + '\n')) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return file;
}

export async function importCsv(
  csv: string,
  dbPath: string,
): Promise<{ id: number; ms: number; cpuMs: number; rows: number; checkpointMs: number }> {
  const db = openDatabase(dbPath);
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const id = await runImport(db, {
      path: csv,
      name: 'bench',
      timestampField: 'ts',
      timestampFormat: 'iso8601',
      keyField: 'cardId',
      onMalformed: 'reject',
    });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const rows = (
      db.prepare('SELECT COUNT(*) AS n FROM events WHERE recording_id = ?').get(id) as { n: number }
    ).n;
    // Not part of the import's time: the app's import worker runs it after reporting the recording.
    const c0 = performance.now();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { id, ms, cpuMs: (cpu.user + cpu.system) / 1000, rows, checkpointMs: performance.now() - c0 };
  } finally {
    db.close();
  }
}

function base(slug: string, quick: boolean): Record<string, unknown> {
  return {
    workload: slug,
    engine: 'app services (in process)',
    node: process.version,
    date: new Date().toISOString(),
    quick,
  };
}

export const import1mCsv: Workload = {
  slug: 'import-1m-csv',
  title: '1M-row risk CSV imported into SQLite (runImport)',
  fullSize: 1_000_000,
  prepare() {
    throw new Error('import-1m-csv measures itself');
  },
  async custom(rows, quick) {
    const dir = mkdtempSync(join(tmpdir(), 'cepheus-bench-'));
    try {
      const csv = await riskCsv(rows, dir);
      // The parse worker runs bundled, as in the app and the web host (since round 14): loading it
      // through tsx cost ~0.9 s of CPU per import, which no user pays. Built before the clock starts.
      useWorkerBundles(await buildWorkerBundles(ROOT));
      const r = await importCsv(csv, join(dir, 'bench.sqlite')).finally(() => useWorkerBundles(null));
      return {
        ...base('import-1m-csv', quick),
        rows: r.rows,
        events: r.rows,
        rowsPerSec: Math.round(r.rows / (r.ms / 1000)),
        importMs: Math.round(r.ms),
        cpuMs: Math.round(r.cpuMs),
        checkpointMs: Math.round(r.checkpointMs),
        parseWorker: 'bundled',
        csvBytes: statSync(csv).size,
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        mismatches: r.rows === rows ? [] : [`imported ${r.rows} rows of ${rows}`],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export const replay1m: Workload = {
  slug: 'replay-1m',
  title: 'replay of card-testing over a 1M-event recording in SQLite: steps and seeks',
  fullSize: 1_000_000,
  prepare() {
    throw new Error('replay-1m measures itself');
  },
  async custom(rows, quick) {
    const dir = mkdtempSync(join(tmpdir(), 'cepheus-bench-'));
    try {
      const csv = await riskCsv(rows, dir);
      const dbPath = join(dir, 'bench.sqlite');
      const imported = await importCsv(csv, dbPath);
      const loaded = loadDocument(
        JSON.parse(readFileSync(join(ROOT, 'samples', 'patterns', 'risk', 'card-testing.cep.json'), 'utf8')),
      );
      if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
      const r = await benchReplay1m({
        dbPath,
        recordingId: imported.id,
        document: loaded.document,
        steps: 1000,
        seeks: 10,
      });
      const steps = [...r.stepForwardMs, ...r.stepBackMs].sort((a, b) => a - b);
      const seeks = [...r.seekMs].sort((a, b) => a - b);
      const round = (x: number): number => Math.round(x * 1000) / 1000;
      return {
        ...base('replay-1m', quick),
        events: r.events,
        eventsPerSec: Math.round(r.events / (r.analysisMs / 1000)),
        stepP95Ms: round(percentile(steps, 95)),
        stepForwardP95Ms: round(
          percentile(
            [...r.stepForwardMs].sort((a, b) => a - b),
            95,
          ),
        ),
        stepBackP95Ms: round(
          percentile(
            [...r.stepBackMs].sort((a, b) => a - b),
            95,
          ),
        ),
        seekP95Ms: round(percentile(seeks, 95)),
        openMs: round(r.openMs),
        analysisMs: Math.round(r.analysisMs),
        checkpoints: r.checkpoints,
        checkpointInterval: r.checkpointInterval,
        checkpointMiB: round(r.checkpointMiB),
        matches: r.matches,
        info: {
          pattern: 'card-testing (risk sample)',
          note: 'eventsPerSec = whole-recording analysis (decode + match + checkpoints)',
        },
        mismatches: [],
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
