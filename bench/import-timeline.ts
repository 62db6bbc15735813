/**
 * Timeline of one import (`runImport` of the 1M risk CSV, parsed in its worker thread, as
 * import-1m-csv runs it): CPU of each thread every 100 ms read from /proc/self/task, and when
 * the phases start: first rows written, last event chunk committed, key rows written, final
 * COMMIT, checkpoint. Prints a table and one JSON line.
 *   node_modules/node/bin/node --import tsx bench/import-timeline.ts [csv] [--types]
 * --types adds the column types the import dialog enforces (import-1m-ui's request).
 * The parse worker runs bundled, as in import-1m-csv and the app; --tsx loads it from source.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../electron/services/db/open-database';
import { runImport } from '../electron/services/recordings/import/run-import';
import { useWorkerBundles } from '../electron/services/worker-script';
import { buildWorkerBundles } from '../electron/web/worker-bundles';
import type { ColumnType } from '../electron/services/recordings/types';
import { threadCpu as threads, type ThreadCpu } from './thread-cpu';
import { riskCsv } from './workloads/recordings';

const DIALOG_TYPES: Record<string, ColumnType> = {
  id: 'string',
  userId: 'string',
  cardId: 'string',
  type: 'string',
  amount: 'number',
  status: 'string',
  merchant: 'string',
  device: 'string',
  knownDevice: 'boolean',
  country: 'string',
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const types = args.includes('--types');
  if (!args.includes('--tsx')) useWorkerBundles(await buildWorkerBundles(process.cwd()));
  const dir = mkdtempSync(join(tmpdir(), 'cepheus-timeline-'));
  const csv = args.find((a) => !a.startsWith('--')) ?? (await riskCsv(1_000_000, dir));
  const db = openDatabase(join(dir, 't.sqlite'));
  const marks: [string, number][] = [];
  const t0 = performance.now();
  const mark = (what: string): void => void marks.push([what, performance.now() - t0]);
  let commits = 0;
  let firstRows = false;
  // Phases seen from the statements runImport runs.
  const traced = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (prop === 'exec')
        return (sql: string) => {
          if (sql === 'COMMIT') commits += 1;
          return target.exec(sql);
        };
      if (prop === 'prepare')
        return (sql: string) => {
          if (sql.includes('INTO main.event_keys') && !marks.some(([w]) => w === 'key rows start'))
            mark('key rows start');
          if (sql.includes('COUNT(DISTINCT key)')) mark('key rows end');
          if (sql.startsWith('UPDATE') || sql.includes('UPDATE recordings')) mark('finish row');
          return target.prepare(sql);
        };
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  const samples: { t: number; cpu: Map<number, ThreadCpu> }[] = [];
  const sample = (): void => void samples.push({ t: performance.now() - t0, cpu: threads() });
  sample();
  const timer = setInterval(sample, 100);
  let rows = 0;
  const id = await runImport(
    traced,
    {
      path: csv,
      name: 'timeline',
      timestampField: 'ts',
      timestampFormat: 'iso8601',
      keyField: 'cardId',
      onMalformed: 'reject',
      ...(types ? { columnTypes: DIALOG_TYPES } : {}),
    },
    {
      progressInterval: 0,
      onProgress: (p) => {
        if (!firstRows && p.rows > 0) {
          firstRows = true;
          mark('first rows');
        }
        if (p.rows > rows) {
          rows = p.rows;
          if (rows >= 1_000_000 || p.bytesRead >= p.totalBytes) mark(`rows ${rows}`);
        }
      },
    },
  );
  mark('import returned (COMMIT)');
  sample();
  db.pragma('wal_checkpoint(TRUNCATE)');
  mark('checkpoint done');
  clearInterval(timer);
  sample();
  db.close();
  rmSync(dir, { recursive: true, force: true });

  // Per thread: CPU over the whole import, and per 500 ms slice.
  // A thread that ended (the parse worker) is gone from the last samples: its last reading counts.
  const first = samples[0].cpu;
  const last = new Map<number, ThreadCpu>();
  for (const s of samples) for (const [tid, c] of s.cpu) last.set(tid, c);
  const total = [...last].map(([tid, c]) => ({ tid, name: c.name, ms: c.ms - (first.get(tid)?.ms ?? 0) }));
  total.sort((a, b) => b.ms - a.ms);
  const shown = total.filter((t) => t.ms >= 50);
  console.log(`recording ${id}, ${commits} commits`);
  console.log('marks (ms):', marks.map(([w, t]) => `${w} ${t.toFixed(0)}`).join(', '));
  console.log('thread CPU (ms):', shown.map((t) => `${t.tid}/${t.name} ${t.ms.toFixed(0)}`).join(', '));
  console.log('per 500 ms slice, CPU ms of each thread above:');
  let prev = samples[0];
  for (const s of samples) {
    if (s.t - prev.t < 500 && s !== samples[samples.length - 1]) continue;
    const at = (cpu: Map<number, ThreadCpu>, tid: number): number | undefined => cpu.get(tid)?.ms;
    const cells = shown.map((t) => {
      const now = at(s.cpu, t.tid);
      return now === undefined ? '-' : (now - (at(prev.cpu, t.tid) ?? 0)).toFixed(0);
    });
    console.log(`${(prev.t / 1000).toFixed(1)}-${(s.t / 1000).toFixed(1)} s: ${cells.join(' ')}`);
    prev = s;
  }
  console.log(JSON.stringify({ marks, threads: shown, types, tsx: args.includes('--tsx') }));
}

void main();
