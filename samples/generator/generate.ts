/**
 * Writes the sample recordings. The incidents and near misses planted in them become the sample
 * patterns' tests (patterns.ts).
 *
 * The command is samples/generator/cli.ts (`npm run samples:generate`, see there).
 *
 * Deterministic: the same seed always writes the same bytes.
 */
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { once } from 'node:events';
import { generateRisk } from './risk';
import { generateMarketing } from './marketing';
import { generateHeartbeats, generateMetrics } from './monitoring';
import type { GeneratedRecording, SampleEvent } from './recording';

const here = dirname(new URL(import.meta.url).pathname);
const outDir = resolve(here, '..', 'recordings');

const RISK_COLUMNS = [
  'id',
  'ts',
  'userId',
  'cardId',
  'type',
  'amount',
  'status',
  'merchant',
  'device',
  'knownDevice',
  'country',
];

function csvCell(v: string | number | boolean | undefined): string {
  const s = String(v ?? '');
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function riskCsvLine(e: SampleEvent): string {
  return RISK_COLUMNS.map((c) => csvCell(c === 'ts' ? new Date(e.ts as number).toISOString() : e[c])).join(
    ',',
  );
}

function withSeconds(e: SampleEvent): SampleEvent {
  return { ...e, ts: Math.round((e.ts as number) / 1000) };
}

export function smallRecordings(): Record<string, GeneratedRecording> {
  return {
    risk: generateRisk({ users: 200, hours: 8, seed: 20260302, plant: true }),
    marketing: generateMarketing({ users: 250, hours: 8, seed: 7, plant: true }),
    metrics: generateMetrics({ hosts: 12, services: 4, hours: 3, seed: 90, plant: true }),
    heartbeats: generateHeartbeats({ hosts: 0, services: 6, hours: 3, seed: 30, plant: true }),
  };
}

export function writeSmall(): void {
  mkdirSync(outDir, { recursive: true });
  const r = smallRecordings();
  writeFileSync(
    join(outDir, 'risk-transactions.csv'),
    [RISK_COLUMNS.join(','), ...r.risk.events.map(riskCsvLine)].join('\n') + '\n',
  );
  writeFileSync(
    join(outDir, 'marketing-clickstream.jsonl'),
    r.marketing.events.map((e) => JSON.stringify(e)).join('\n') + '\n',
  );
  writeFileSync(
    join(outDir, 'monitoring-metrics.jsonl'),
    r.metrics.events.map((e) => JSON.stringify(e)).join('\n') + '\n',
  );
  writeFileSync(
    join(outDir, 'monitoring-heartbeats.json'),
    JSON.stringify(r.heartbeats.events.map(withSeconds), null, 0).replace(/},{/g, '},\n{') + '\n',
  );
  for (const [k, v] of Object.entries(r))
    console.log(`${k}: ${v.events.length} events, ${v.planted.length} planted incidents and near misses`);
}

/** Where `--large` writes unless told otherwise (bench/workloads/recordings.ts reads it there). */
export const LARGE_DIR = join(outDir, 'generated');

export async function writeLarge(rows: number, dir: string = LARGE_DIR): Promise<string> {
  mkdirSync(dir, { recursive: true });
  // About 10 events per user over 8 hours: a few more users than needed, then cut at `rows`.
  const rec = generateRisk({ users: Math.ceil(rows / 9), hours: 8, seed: 1_000_000, plant: true });
  const file = join(dir, rows === 1_000_000 ? 'risk-transactions-1m.csv' : `risk-transactions-${rows}.csv`);
  const out = createWriteStream(file);
  out.write(RISK_COLUMNS.join(',') + '\n');
  let n = 0;
  for (const e of rec.events) {
    if (n++ >= rows) break;
    if (!out.write(riskCsvLine(e) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  if (rec.events.length < rows)
    throw new Error(`the large risk recording has only ${rec.events.length} events, fewer than ${rows}`);
  console.log(`wrote ${rows} rows to ${file}`);
  return file;
}
