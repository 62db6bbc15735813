/**
 * The job targets' text (the real check is test/flink: the projects are built with Maven and run on
 * a Flink MiniCluster there). Here: what a project contains, what refuses it, and the zip it is saved as.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLINK_VERSION, exportPattern, expressibility, zipFiles } from '../../../engine/export';
import { loadDocument, type PatternDocument } from '../../../engine/format';
import { readStoredZip } from '../../support/stored-zip';
import { ROOT } from './golden-files';

function sample(path: string): PatternDocument {
  const r = loadDocument(readFileSync(join(ROOT, 'samples', 'patterns', path), 'utf8'));
  if (!r.ok) throw new Error(path);
  return r.document;
}

describe('flink-job export', () => {
  const doc = sample('risk/card-testing.cep.json');

  it('writes a Maven project: pom at the stated Flink version, Event POJO, pattern class, main, README', () => {
    const r = exportPattern(doc, 'flink-job');
    if (!r.ok || !r.files) throw new Error('refused');
    expect(r.fileName).toBe('card-testing-flink-job.zip');
    expect(r.files.map((f) => f.path)).toEqual([
      'pom.xml',
      'README.md',
      'src/main/java/cepheus/job/Event.java',
      'src/main/java/cepheus/job/CardTestingPattern.java',
      'src/main/java/cepheus/job/CardTestingJob.java',
    ]);
    const pom = r.files[0].text;
    expect(pom).toContain(`<flink.version>${FLINK_VERSION}</flink.version>`);
    for (const a of [
      'flink-streaming-java',
      'flink-cep',
      'flink-connector-kafka',
      'flink-json',
      'maven-shade-plugin',
    ])
      expect(pom).toContain(`<artifactId>${a}</artifactId>`);
    expect(pom).toContain('<mainClass>cepheus.job.CardTestingJob</mainClass>');
    const event = r.files[2].text;
    expect(event).toContain('public String ts;'); // ISO-8601 time field, parsed by the timestamp assigner
    expect(event).toContain('public Double amount;');
    expect(event).toContain('public Boolean isKnownDevice()');
    const main = r.files[4].text;
    expect(r.text).toBe(main);
    expect(main).toContain('keyBy(event -> String.valueOf(event.getCardId()))');
    expect(main).toContain('new PacedWatermarks(5000L, 200L)');
    expect(main).toContain('Instant.parse(event.getTs()).toEpochMilli()');
    expect(main).toContain('CardTestingPattern.pattern()');
    expect(r.files[1].text).toContain('flink run target/card-testing-flink-job-1.0.0.jar --input');
  });

  it('refuses without an event schema, and says why in the expressibility report', () => {
    const bare = { ...doc, eventSchema: null };
    const r = exportPattern(bare, 'flink-job');
    expect(r.ok).toBe(false);
    const report = expressibility(bare)['flink-job'];
    expect(report.ok).toBe(false);
    expect(report.items.find((i) => !i.ok)?.reason).toMatch(/Flink job: the job needs the event schema/);
    expect(expressibility(bare)['flink-java'].ok).toBe(true);
  });

  it('refuses what the Java export refuses, with the Java reason', () => {
    const bad = { ...doc, settings: { ...doc.settings, partitionKey: 'no such field' } };
    const r = exportPattern(bad, 'flink-job');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasons.map((x) => x.reason).join(' ')).toMatch(/partition key/);
  });

  it('is saved as a zip whose files read back byte for byte under the project folder', () => {
    const r = exportPattern(doc, 'flink-job');
    if (!r.ok || !r.files) throw new Error('refused');
    const files = readStoredZip(zipFiles(r.files, 'card-testing-flink-job'));
    expect([...files.keys()]).toEqual(r.files.map((f) => `card-testing-flink-job/${f.path}`));
    for (const f of r.files) expect(files.get(`card-testing-flink-job/${f.path}`)).toBe(f.text);
  });
});

describe('flink-sql-job export', () => {
  it('writes source and sink tables (Kafka, JSON) with a rowtime and WATERMARK, and INSERT … MATCH_RECOGNIZE', () => {
    const r = exportPattern(sample('monitoring/cpu-sustained.cep.json'), 'flink-sql-job');
    if (!r.ok) throw new Error(JSON.stringify(r.reasons));
    expect(r.fileName).toBe('CPU-saturated.job.sql');
    expect(r.text).toContain('CREATE TABLE events (');
    expect(r.text).toContain('rowtime AS TO_TIMESTAMP_LTZ(ts, 3)');
    // Cepheus' watermark is the largest timestamp - out-of-orderness - 1 ms (sql-ddl.ts), emitted
    // at the pattern's interval.
    expect(r.text).toContain("WATERMARK FOR rowtime AS rowtime - INTERVAL '2.001' SECOND");
    expect(r.text).toContain("SET 'pipeline.auto-watermark-interval' = '200ms';");
    expect(r.text).toContain("'connector' = 'kafka'");
    expect(r.text).toContain(
      'CREATE TABLE events_matches (\n  host STRING,\n  hot_first_rowtime TIMESTAMP_LTZ(3),',
    );
    expect(r.text).toMatch(/INSERT INTO events_matches\nSELECT \*\nFROM events\n {2}MATCH_RECOGNIZE \(/);
    expect(r.text).toContain('ORDER BY rowtime');
  });

  it('refuses what MATCH_RECOGNIZE refuses', () => {
    const r = exportPattern(sample('risk/card-testing.cep.json'), 'flink-sql-job');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reasons[0].reason).toMatch(/followedBy/);
  });
});
