/**
 * The samples on real Flink: for every sample pattern, `cepheus export --to flink-job` writes a Maven
 * project (built by run.ts), which runs on a local MiniCluster over the sample's recording (as JSON
 * Lines, file source), and its matches and timeouts must equal `cepheus run`'s. Likewise the
 * `--to flink-sql-job` script, with its Kafka tables pointed at the same file, through the Table API.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createPipeline, type OutputRecord } from '../../cli/pipeline';
import { readEvents } from '../../cli/events-reader';
import { writeProject } from '../../cli/io';
import { exportPattern, type ExportResult } from '../../engine/export';
import { loadDocument, type PatternDocument } from '../../engine/format';
import { toEpochMillis } from '../../engine/runtime/event-time';

const root = resolve(import.meta.dirname, '..', '..');

export interface Sample {
  slug: string;
  doc: PatternDocument;
  recording: string;
}

export function loadSamples(): Sample[] {
  const catalog = JSON.parse(readFileSync(join(root, 'samples', 'catalog.json'), 'utf8')) as {
    slug: string;
    pattern: string;
    recording: string;
  }[];
  return catalog.map((c) => {
    const loaded = loadDocument(readFileSync(join(root, 'samples', c.pattern), 'utf8'));
    if (!loaded.ok) throw new Error(`sample ${c.slug} does not load`);
    return { slug: c.slug, doc: loaded.document, recording: join(root, 'samples', c.recording) };
  });
}

/** The recording as JSON Lines (what the job's file source and the SQL filesystem table read). */
export async function recordingAsJsonLines(file: string, out: string): Promise<void> {
  const lines: string[] = [];
  for await (const e of readEvents(file)) lines.push(JSON.stringify(e));
  writeFileSync(out, lines.join('\n') + '\n');
}

/** What `cepheus run` writes for the sample (the same pipeline, in process). */
export type ResultRecord = Extract<OutputRecord, { kind: 'match' | 'timeout' }>;

export async function cepheusRun(sample: Sample): Promise<ResultRecord[]> {
  const created = createPipeline(sample.doc, { timeouts: true });
  if (!created.ok) throw new Error(`${sample.slug} does not run`);
  const out: OutputRecord[] = [];
  for await (const e of readEvents(sample.recording)) out.push(...created.pipeline.push(e));
  out.push(...created.pipeline.flush());
  return out.filter((r): r is ResultRecord => r.kind === 'match' || r.kind === 'timeout');
}

/** A match or timeout as comparable text: kind, key, timestamp and each stage's event ids. */
export function recordKey(r: {
  kind: string;
  key: string;
  timestamp: number | null;
  stages: Record<string, { id?: unknown }[]>;
}): string {
  const stages = Object.keys(r.stages)
    .sort()
    .map((s) => `${s}:${r.stages[s].map((e) => String(e.id)).join(',')}`)
    .join('|');
  // End of input: Flink's watermark is Long.MAX_VALUE; Cepheus writes +∞, which JSON prints as null.
  const ts = r.timestamp === null || r.timestamp >= 9.2e18 || r.timestamp === Infinity ? 'end' : r.timestamp;
  return `${r.kind} ${r.key} @${ts} ${stages}`;
}

export interface JobPlan {
  sample: Sample;
  dir: string;
  export: ExportResult;
}

/** Writes each sample's job project under `dir/<slug>`; returns the ones the export accepted. */
export function writeJobProjects(samples: readonly Sample[], dir: string): JobPlan[] {
  return samples.map((sample) => {
    const result = exportPattern(sample.doc, 'flink-job', { artifactId: `${sample.slug}-job` });
    const projectDir = join(dir, sample.slug);
    if (result.ok && result.files) writeProject(projectDir, result.files);
    return { sample, dir: projectDir, export: result };
  });
}

/** A Maven aggregator over the test module and the job projects: one `mvn package` builds them all. */
export function aggregatorPom(modules: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.cepheus</groupId>
  <artifactId>cepheus-flink-all</artifactId>
  <version>0.1.0</version>
  <packaging>pom</packaging>
  <modules>
${modules.map((m) => `    <module>${m}</module>`).join('\n')}
  </modules>
</project>
`;
}

/** The measures a MATCH_RECOGNIZE row carries, computed from a `cepheus run` match. */
export function sqlRowKey(row: Record<string, unknown>): string {
  return Object.keys(row)
    .sort()
    .map((k) => `${k}=${String(row[k])}`)
    .join(' ');
}

/**
 * The SQL job's row for an engine match: the partition key and, per stage, FIRST/LAST of the time
 * attribute (epoch ms) and COUNT, named as the flink-sql export names its MEASURES.
 */
export function expectedSqlRow(
  doc: PatternDocument,
  match: ResultRecord,
  timeColumn: string,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const key = doc.settings.partitionKey;
  if (key !== null) row[key] = match.key;
  if (doc.settings.time.mode !== 'event') throw new Error('SQL comparison needs event time');
  const { field, format } = doc.settings.time;
  const tf = timeColumn.replace(/[^A-Za-z0-9_]/g, '_');
  const ms = (e: Record<string, unknown>): number | null => toEpochMillis(e[field], format);
  for (const node of doc.nodes) {
    if (node.kind !== 'stage') continue;
    const base = node.name.replace(/[^A-Za-z0-9_]/g, '_');
    const events = match.stages[node.name] ?? [];
    if (node.quantifier.kind === 'one') row[`${base}_${tf}`] = events.length ? ms(events[0]) : null;
    else {
      row[`${base}_first_${tf}`] = events.length ? ms(events[0]) : null;
      row[`${base}_last_${tf}`] = events.length ? ms(events[events.length - 1]) : null;
      row[`${base}_count`] = events.length;
    }
  }
  return row;
}

/**
 * The flink-sql-job script with its Kafka tables pointed at a local JSON Lines file (source) and the
 * INSERT turned into the SELECT it inserts (collected by the test): the DDL columns, time attribute,
 * watermark and query are the script's own.
 */
export function localSqlScript(
  script: string,
  input: string,
): { statements: string[]; query: string; timeColumn: string } | null {
  const statements = script
    .replace(/^--.*$/gm, '')
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter(Boolean);
  const source = statements.find((s) => s.startsWith('CREATE TABLE'));
  const insert = statements.find((s) => s.startsWith('INSERT INTO'));
  if (!source || !insert) return null;
  const local = source.replace(
    /WITH \([\s\S]*\)$/,
    `WITH (\n  'connector' = 'filesystem',\n  'path' = '${input}',\n  'format' = 'json',\n  'json.timestamp-format.standard' = 'ISO-8601'\n)`,
  );
  const order = /ORDER BY (\S+)/.exec(insert);
  return {
    // The script's SET statements (watermark interval, time zone) run as they are.
    statements: [...statements.filter((s) => s.startsWith('SET ')), local],
    query: insert.replace(/^INSERT INTO \S+\s*/, ''),
    timeColumn: order ? order[1].replace(/`/g, '') : '',
  };
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
