/**
 * The replay's whole-recording analysis of one risk rule, alone and in CPU time:
 * `npx tsx bench/replay-analysis.ts [rows=200000] [rule=card-testing] [runs=2]`. The recording is
 * imported once into a SQLite file in the temp folder and kept there for later runs; replay-1m
 * (`npm run bench`) times card-testing at 1M with steps and seeks around it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { ReplayAnalysis, ReplaySession, prepareReplayPattern } from '../engine/debug';
import { loadDocument } from '../engine/format/index';
import { SqliteEventSource } from '../electron/services/replay/sqlite-source';
import { importCsv, riskCsv } from './workloads/recordings';

const rows = Number(process.argv[2] ?? 200_000);
const rule = process.argv[3] ?? 'card-testing';
const runs = Number(process.argv[4] ?? 2);
const dbPath = join(tmpdir(), `cepheus-replay-analysis-${rows}.sqlite`);
let recordingId = 1;
if (!existsSync(dbPath)) recordingId = (await importCsv(await riskCsv(rows, tmpdir()), dbPath)).id;
const loaded = loadDocument(JSON.parse(readFileSync(`samples/patterns/risk/${rule}.cep.json`, 'utf8')));
if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('; '));
const db = new Database(dbPath, { readonly: true });
for (let i = 0; i < runs; i++) {
  const prepared = prepareReplayPattern(loaded.document);
  if (!prepared.ok) throw new Error(prepared.diagnostics.map((d) => d.message).join('; '));
  const source = new SqliteEventSource(db, recordingId);
  const session = new ReplaySession(prepared.pattern, source);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const analysis = new ReplayAnalysis(prepared.pattern, source, session.checkpoints);
  while (!analysis.runChunk(50_000));
  const cpu = process.cpuUsage(c0);
  console.log(
    `${rule} over ${source.count} events: analysis ${Math.round(performance.now() - t0)} ms wall, ` +
      `${Math.round((cpu.user + cpu.system) / 1000)} ms CPU; ${analysis.results.length} results, ` +
      `${analysis.nearMisses.seen} losses, ${session.checkpoints.count} checkpoints`,
  );
}
db.close();
