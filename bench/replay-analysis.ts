/**
 * The replay's whole-recording analysis of one risk rule, alone:
 * `npx tsx bench/replay-analysis.ts [rows=200000] [rule=card-testing] [runs=2] [ahead|single]`.
 * `ahead` (default) runs it as a session's worker does, its events read on a second thread;
 * `single` reads them in this thread. Prints wall and CPU time (all threads) and a hash of the
 * answers (results, timeline buckets, near misses, checkpoints, seeks and a step back), equal
 * between the two ways and between builds. The recording is imported once into a SQLite file in
 * the temp folder and kept there for later runs; replay-1m (`npm run bench`) times card-testing
 * at 1M with steps and seeks around it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { ReplayAnalysis, ReplaySession, prepareReplayPattern } from '../engine/debug';
import { loadDocument } from '../engine/format/index';
import { ReadAheadSource } from '../electron/services/replay/read-ahead';
import { analyse } from '../electron/services/replay/session-host';
import { SqliteEventSource } from '../electron/services/replay/sqlite-source';
import { importCsv, riskCsv } from './workloads/recordings';

const rows = Number(process.argv[2] ?? 200_000);
const rule = process.argv[3] ?? 'card-testing';
const runs = Number(process.argv[4] ?? 2);
const mode = process.argv[5] ?? 'ahead';
const dbPath = join(tmpdir(), `cepheus-replay-analysis-${rows}.sqlite`);
let recordingId = 1;
if (!existsSync(dbPath)) recordingId = (await importCsv(await riskCsv(rows, tmpdir()), dbPath)).id;
const loaded = loadDocument(JSON.parse(readFileSync(`samples/patterns/risk/${rule}.cep.json`, 'utf8')));
if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
const db = new Database(dbPath, { readonly: true });

/** Numbers as JSON gives them, Maps and Sets as entries: a snapshot's text for the hash. */
function replacer(_k: string, v: unknown): unknown {
  if (v instanceof Map) return { map: [...v.entries()] };
  if (v instanceof Set) return { set: [...v] };
  return v;
}

for (let i = 0; i < runs; i++) {
  const prepared = prepareReplayPattern(loaded.document);
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('; '));
  const source = new SqliteEventSource(db, recordingId);
  const session = new ReplaySession(prepared.pattern, source);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const t0cpu = process.threadCpuUsage();
  const fields = prepared.pattern.fieldsRead;
  const ahead = mode === 'ahead' && fields !== null ? new ReadAheadSource(source, dbPath, fields) : null;
  const analysis = new ReplayAnalysis(prepared.pattern, ahead ?? source, session.checkpoints);
  await analyse(analysis, ahead, () => {});
  const cpu = process.cpuUsage(c0);
  const own = process.threadCpuUsage(t0cpu);
  const wall = performance.now() - t0;
  const hash = createHash('sha256');
  const add = (v: unknown): void => void hash.update(JSON.stringify(v, replacer));
  add(analysis.results);
  add(analysis.timeline(4000, 1000));
  add(analysis.timeline(300, 100));
  add(analysis.nearMissList());
  add(analysis.stopped);
  for (const p of session.checkpoints.positions()) add(session.checkpoints.find(p));
  const at = (n: number): number => Math.floor((session.total * n) / 7);
  for (let s = 1; s <= 6; s++) add(session.seek(at(s)));
  add(session.stepBack());
  console.log(
    `${rule} over ${source.count} events (${ahead ? 'read ahead' : 'one thread'}): analysis ` +
      `${Math.round(wall)} ms wall, ${Math.round((cpu.user + cpu.system) / 1000)} ms CPU ` +
      `(this thread ${Math.round((own.user + own.system) / 1000)}, reader ${Math.round(ahead?.readerCpuMs ?? 0)}); ` +
      `${analysis.results.length} results, ${analysis.nearMisses.seen} losses, ` +
      `${session.checkpoints.count} checkpoints; answers ${hash.digest('hex').slice(0, 16)}`,
  );
}
db.close();
