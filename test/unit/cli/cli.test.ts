/** The real CLI, spawned as a user would run it: exit codes, stdout/stderr and files. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { Pattern, serializeDocument } from '../../../engine/format';
import { ROOT } from '../export/golden-files';
import { threeProblems } from '../problems/fixtures';
import { cepheus, jsonLines } from './cli-harness';

const dir = mkdtempSync(join(tmpdir(), 'cepheus-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const pattern = file(
  'login.cep.json',
  serializeDocument(
    Pattern.begin('fail', 'SKIP_PAST_LAST_EVENT')
      .where("status == 'failed'")
      .next('ok')
      .where("status == 'ok'")
      .within(1_000)
      .toDocument({
        name: 'Fail then ok',
        settings: {
          partitionKey: 'user',
          time: {
            mode: 'event',
            field: 'ts',
            format: 'epochMillis',
            outOfOrdernessMs: 0,
            watermarkIntervalMs: 200,
          },
        },
      }),
  ),
);
const events = [
  { id: 1, ts: 100, user: 'u1', status: 'failed' },
  { id: 2, ts: 110, user: 'u2', status: 'failed' },
  { id: 3, ts: 120, user: 'u1', status: 'ok' },
  { id: 4, ts: 130, user: 'u2', status: 'idle' },
  { id: 5, ts: 140, user: 'u3', status: 'failed' },
];
const expectedMatches = [
  { kind: 'match', key: 'u1', timestamp: 120, stages: { fail: [events[0]], ok: [events[2]] } },
];
const csvText =
  'id,ts,user,status\n' + events.map((e) => `${e.id},${e.ts},${e.user},${e.status}`).join('\n') + '\n';

describe('cepheus (spawned)', { timeout: 60_000 }, () => {
  it('prints help and exits 0; an unknown command exits 2', async () => {
    const help = await cepheus(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: cepheus <command>/);
    for (const cmd of ['validate', 'run', 'export', 'import', 'conformance', 'bench'])
      expect(help.stdout).toContain(cmd);
    const runHelp = await cepheus(['run', '--help']);
    expect(runHelp.stdout).toMatch(/--time-field FIELD/);
    const bad = await cepheus(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown command "frobnicate"/);
  });

  it('validate: a sample is valid; a missing file, bad JSON and an invalid pattern are explained', async () => {
    const ok = await cepheus(['validate', pattern]);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toMatch(
      /valid \(2 stages\)\. Exportable: json yes, flink-json yes, flink-java yes, flink-sql yes/,
    );
    const missing = await cepheus(['validate', join(dir, 'nope.cep.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot find the pattern file/);
    const badJson = await cepheus([
      'validate',
      file('bad.cep.json', '{\n  "format": "cepheus.pattern",\n  "version": 1,,\n}'),
    ]);
    expect(badJson.code).toBe(1);
    expect(badJson.stderr).toMatch(/line 3, column 16/);
    const doc = JSON.parse(readFileSync(pattern, 'utf8')) as { nodes: { name: string; where: string }[] };
    doc.nodes[1].name = 'fail';
    doc.nodes[0].where = "status == 'failed' &&";
    const invalid = await cepheus(['validate', file('invalid.cep.json', JSON.stringify(doc))]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toMatch(/is not a valid (Cepheus )?pattern/);
    expect(invalid.stderr.split('\n').filter((l) => l.includes('error:')).length).toBeGreaterThanOrEqual(1);
  });

  it('validate: a disconnected stage, a condition syntax error and a Flink rule violation are all listed', async () => {
    const r = await cepheus(['validate', file('three.cep.json', serializeDocument(threeProblems()))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a valid pattern \(3 errors\)/);
    expect(r.stderr).toMatch(/stage "dropped".*not connected to the chain/);
    expect(r.stderr).toMatch(/stage "c" where \(line 1, column 9\): the condition ends too early/);
    expect(r.stderr).toMatch(/NOT stage "c" cannot follow the optional stage "b"/);
    // Names, never internal ids ("node n4", "e2"), in every command that lists problems.
    const run = await cepheus([
      'run',
      file('three-run.cep.json', serializeDocument(threeProblems())),
      pattern,
    ]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/cannot run:\n {2}error: Stage "dropped" is not connected/);
    for (const text of [r.stderr, run.stderr]) expect(text).not.toMatch(/\b(node [ne]\d+|[ne]\d+:)/);
  });

  it('run: JSON Lines, CSV and gzipped JSON arrays give the same matches on stdout', async () => {
    const inputs = [
      file('events.jsonl', events.map((e) => JSON.stringify(e)).join('\n') + '\n'),
      file('events.csv', csvText),
      file('events.json.gz', gzipSync(JSON.stringify(events))),
    ];
    for (const input of inputs) {
      const r = await cepheus(['run', pattern, input, '--timeouts']);
      expect(r.code, r.stderr).toBe(0);
      const out = jsonLines(r.stdout);
      expect(out.filter((o) => (o as { kind: string }).kind === 'match')).toEqual(expectedMatches);
      // u3 started but its window closed at the end of input: a timeout. (u2's run died at "idle": strict next.)
      expect(
        out.filter((o) => (o as { kind: string }).kind === 'timeout').map((o) => (o as { key: string }).key),
      ).toEqual(['u3']);
      expect(r.stderr).toMatch(/5 events, 1 matches, 1 timeouts, /);
    }
  });

  it('run: timed-out partial matches are counted, and written only with --timeouts', async () => {
    const r = await cepheus([
      'run',
      pattern,
      file('events-t.jsonl', events.map((e) => JSON.stringify(e)).join('\n')),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const kinds = jsonLines(r.stdout).map((o) => (o as { kind: string }).kind);
    expect(kinds).toEqual(expectedMatches.map(() => 'match'));
    expect(r.stderr).toMatch(/5 events, 1 matches, 1 timeouts \(not written; --timeouts writes them\)/);
  });

  it('run: --out writes the file; --key and --time-field override the settings', async () => {
    const input = file(
      'events2.jsonl',
      events.map((e) => JSON.stringify({ ...e, when: e.ts, ts: undefined })).join('\n'),
    );
    const out = join(dir, 'matches.jsonl');
    const r = await cepheus(['run', pattern, input, '--out', out, '--time-field', 'when', '--key', 'user']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(
      jsonLines(readFileSync(out, 'utf8')).filter((o) => (o as { kind: string }).kind === 'match'),
    ).toHaveLength(1);
  });

  it('run and export: an --out that is a folder or in a missing folder is one line and exit code 2', async () => {
    const input = file('events-out.jsonl', events.map((e) => JSON.stringify(e)).join('\n'));
    for (const cmd of [
      ['run', pattern, input],
      ['export', pattern, '--to', 'flink-java'],
    ]) {
      const folder = await cepheus([...cmd, '--out', dir]);
      expect(folder.code, folder.stderr).toBe(2);
      expect(folder.stderr.trim()).toBe(
        `cepheus ${cmd[0]}: Cannot write "${dir}": it is a folder; give a file name, e.g. --out matches.jsonl.`,
      );
      const missing = join(dir, 'no-such-folder', 'out.txt');
      const nowhere = await cepheus([...cmd, '--out', missing]);
      expect(nowhere.code).toBe(2);
      expect(nowhere.stderr.trim()).toBe(
        `cepheus ${cmd[0]}: Cannot write "${missing}": the folder "${join(dir, 'no-such-folder')}" does not exist.`,
      );
      expect(nowhere.stderr).not.toMatch(/\n\s+at |node:events/);
    }
  });

  it('run: a bad line, a missing file and a wrong extension are reported with exit codes', async () => {
    const bad = await cepheus(['run', pattern, file('bad.jsonl', '{"ts": 1}\n{"ts": 2}\n{"ts": 3,,}\n')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/bad\.jsonl line 3: invalid JSON at column 10: unexpected ","/);
    // CSV goes through the same readers as the app's import: a short row is named by its line, after a quoted line break.
    const badCsv = await cepheus([
      'run',
      pattern,
      file('bad.csv', 'id,ts,user,status\n1,1000,"a\nb",ok\n2,2000,b\n'),
    ]);
    expect(badCsv.code).toBe(1);
    expect(badCsv.stderr).toMatch(/bad\.csv line 4: expected 4 columns \(as in the header\), found 3/);
    const missing = await cepheus(['run', pattern, join(dir, 'none.jsonl')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Cannot find the events file/);
    const corrupt = await cepheus(['run', pattern, file('corrupt.jsonl.gz', 'this is not gzip')]);
    expect(corrupt.code).toBe(2);
    expect(corrupt.stderr).toMatch(
      /Cannot read the events file ".*corrupt\.jsonl\.gz": incorrect header check/,
    );
    const ext = await cepheus(['run', pattern, file('events.txt', '')]);
    expect(ext.code).toBe(2);
    expect(ext.stderr).toMatch(/use \.jsonl, \.ndjson, \.json or \.csv/);
  });

  it('export: every format is written; a refusal lists its reasons and exits 1', async () => {
    const sql = await cepheus(['export', pattern, '--to', 'flink-sql', '--table', 'logins']);
    expect(sql.code, sql.stderr).toBe(0);
    // No event schema: the query alone, after comments saying the table must exist.
    expect(sql.stdout).toMatch(/^-- [^]*\nSELECT \*\nFROM logins\n {2}MATCH_RECOGNIZE \(/);
    expect(sql.stdout).toContain("WITHIN INTERVAL '1' SECOND");
    const javaOut = join(dir, 'Login.java');
    const java = await cepheus([
      'export',
      pattern,
      '--to',
      'flink-java',
      '--class',
      'LoginEvent',
      '--out',
      javaOut,
    ]);
    expect(java.code, java.stderr).toBe(0);
    expect(readFileSync(javaOut, 'utf8')).toContain(
      'Pattern.<LoginEvent>begin("fail", AfterMatchSkipStrategy.skipPastLastEvent())',
    );
    const json = await cepheus(['export', pattern, '--to', 'flink-json']);
    expect((JSON.parse(json.stdout) as { type: string }).type).toBe('COMPOSITE');
    const refused = await cepheus([
      'export',
      join(ROOT, 'samples/patterns/marketing/abandoned-checkout.cep.json'),
      '--to',
      'flink-sql',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/cannot be exported to flink-sql:\n {2}✗ stage "\w+": SQL: /);
    const unknown = await cepheus(['export', pattern, '--to', 'esper']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown export format "esper"/);
  });

  it('export --to flink-json refuses a nested field (AviatorCondition binds top-level fields) and writes nothing', async () => {
    const nested = file(
      'nested.cep.json',
      serializeDocument(
        Pattern.begin('fail').where("user.id == 'u1' && status == 'failed'").toDocument({ name: 'Nested' }),
      ),
    );
    const out = join(dir, 'nested.flink.json');
    const refused = await cepheus(['export', nested, '--to', 'flink-json', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /cannot be exported to flink-json:\n {2}✗ stage "fail": Aviator: the where condition reads the nested field "user\.id".*getDeclaredField\("user"\)/,
    );
    expect(() => readFileSync(out)).toThrow();
    expect(() => readFileSync(join(dir, 'nested.flink.settings.json'))).toThrow();
    // The Java export reads it with a null-safe getter chain.
    expect((await cepheus(['export', nested, '--to', 'flink-java'])).code).toBe(0);
  });

  it('export --to flink-job writes a Maven project into --out DIR; --to flink-sql-job a SQL client script', async () => {
    const sample = join(ROOT, 'samples/patterns/monitoring/cpu-sustained.cep.json');
    const noDir = await cepheus(['export', sample, '--to', 'flink-job']);
    expect(noDir.code).toBe(2);
    expect(noDir.stderr).toMatch(/give it with --out DIR/);
    const project = join(dir, 'cpu-job');
    const job = await cepheus([
      'export',
      sample,
      '--to',
      'flink-job',
      '--out',
      project,
      '--package',
      'acme.cep',
    ]);
    expect(job.code, job.stderr).toBe(0);
    expect(job.stderr).toMatch(/Wrote 5 files to .*cpu-job/);
    expect(readFileSync(join(project, 'pom.xml'), 'utf8')).toContain(
      '<mainClass>acme.cep.CPUSaturatedJob</mainClass>',
    );
    expect(readFileSync(join(project, 'src/main/java/acme/cep/Event.java'), 'utf8')).toContain(
      'public Double cpu;',
    );
    const script = await cepheus(['export', sample, '--to', 'flink-sql-job', '--topic', 'metrics']);
    expect(script.code, script.stderr).toBe(0);
    expect(script.stdout).toContain("'topic' = 'metrics'");
    expect(script.stdout).toContain('INSERT INTO events_matches');
  });

  it('import: a Flink rule becomes a document that validates; kept class conditions are flagged on stderr', async () => {
    const out = join(dir, 'imported.cep.json');
    const r = await cepheus([
      'import',
      join(ROOT, 'test/unit/export/fixtures/research-example.flink.json'),
      '--out',
      out,
      '--name',
      'Big then withdrawals',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const v = await cepheus(['validate', out]);
    expect(v.code, v.stderr).toBe(0);
    const cls = await cepheus(['import', join(ROOT, 'test/unit/export/fixtures/class-condition.flink.json')]);
    expect(cls.code).toBe(0);
    expect(cls.stderr).toMatch(/warning: .*com\.acme\.cep\.BigTransfer/);
    expect((JSON.parse(cls.stdout) as { format: string }).format).toBe('cepheus.pattern');
    const bad = await cepheus(['import', file('bad.flink.json', '{"nodes": [], "edges": []}')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/exactly one begin node/);
  });

  it('export to flink-json writes the job settings beside the rule; import reads them, and run gives the same matches', async () => {
    // Issue 17 point 9: the rule carries no key, time settings or schema (they are job code in Flink).
    const original = join(ROOT, 'samples/patterns/risk/login-takeover.cep.json');
    const rule = join(dir, 'takeover.flink.json');
    const exported = await cepheus(['export', original, '--to', 'flink-json', '--out', rule]);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(
      /note: Flink JSON: the rule carries the pattern only, not the job settings \(partition key "userId"; event time from "ts" \(iso8601\)/,
    );
    expect(exported.stderr).toContain(
      `Wrote the job settings to ${join(dir, 'takeover.flink.settings.json')}`,
    );
    const imported = join(dir, 'takeover.cep.json');
    const r = await cepheus(['import', rule, '--out', imported]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Read the job settings from');
    const input = join(ROOT, 'samples/recordings/risk-transactions.csv');
    const before = await cepheus(['run', original, input, '--timeouts']);
    const after = await cepheus(['run', imported, input, '--timeouts']);
    expect(after.code, after.stderr).toBe(0);
    expect(jsonLines(before.stdout).length).toBeGreaterThan(0);
    expect(jsonLines(after.stdout)).toEqual(jsonLines(before.stdout));
    // Without the sidecar the imported pattern has no key and no event time: the matches differ.
    const bare = join(dir, 'bare.flink.json');
    writeFileSync(bare, readFileSync(rule));
    const without = await cepheus(['import', bare, '--out', join(dir, 'bare.cep.json')]);
    expect(without.code, without.stderr).toBe(0);
    const differs = await cepheus(['run', join(dir, 'bare.cep.json'), input, '--timeouts']);
    expect(jsonLines(differs.stdout)).not.toEqual(jsonLines(before.stdout));
    const broken = file('broken.flink.json', readFileSync(rule));
    file('broken.flink.settings.json', '{"format": "cepheus-job-settings", "version": 2}');
    const bad = await cepheus(['import', broken]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/job settings file cannot be read: at version/);
  });

  it('conformance delegates to the conformance runner', async () => {
    const vectors = JSON.parse(
      readFileSync('/work/shared/conformance/flink-vectors.json', 'utf8'),
    ) as unknown[];
    const r = await cepheus(['conformance', file('few-vectors.json', JSON.stringify(vectors.slice(0, 3)))]);
    expect(r.stdout + r.stderr).toMatch(/3 passed, 0 failed/);
    expect(r.code).toBe(0);
  });

  it('works through npm run cepheus -- and npx cepheus', () => {
    const viaNpm = execFileSync('npm', ['run', '--silent', 'cepheus', '--', 'validate', pattern], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(viaNpm).toMatch(/valid \(2 stages\)/);
    const viaNpx = execFileSync('npx', ['cepheus', 'export', pattern, '--to', 'flink-json'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect((JSON.parse(viaNpx) as { name: string }).name).toBe('ok');
  }, 120_000);
});
