/**
 * `npm run test:flink [-- --cases N] [--seed S] [--only differential|jobs|sql]`: Cepheus against real
 * Apache Flink (the version in test/flink/pom.xml). One Maven invocation builds this test module and
 * every sample's generated job project; one JVM then runs the differential cases through Flink's NFA,
 * the job jars on one MiniCluster and the SQL scripts through the Table API. Ends with the summary
 * line `flink: N passed, M failed`. Without `java` and `mvn` on the PATH it says so and skips.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { exportPattern } from '../../engine/export';
import { differentialPlan, generateCases, outputKey, type DifferentialCase } from './differential-cases';
import {
  aggregatorPom,
  cepheusRun,
  ensureDir,
  expectedSqlRow,
  loadSamples,
  localSqlScript,
  recordingAsJsonLines,
  recordKey,
  sqlRowKey,
  writeJobProjects,
} from './samples';

const root = resolve(import.meta.dirname, '..', '..');
const moduleDir = join(root, 'test', 'flink');
// FLINK_TEST_WORK lets a long run go on beside another (each needs its own folder).
const work = process.env.FLINK_TEST_WORK ?? join(root, 'test-artifacts', 'flink');

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '300' },
    seed: { type: 'string', default: '20261206' },
    only: { type: 'string' },
    'show-diffs': { type: 'string', default: '5' },
  },
});
const only = values.only;
const want = (part: string): boolean => !only || only.split(',').includes(part);

let passed = 0;
let failed = 0;
const notes: string[] = [];
const pass = (): void => void passed++;
const fail = (message: string): void => {
  failed++;
  console.log(`FAIL ${message}`);
};

function have(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { encoding: 'utf8' }).status === 0;
}

function time<T>(label: string, f: () => T): T {
  const t = Date.now();
  const r = f();
  console.log(`${label}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return r;
}

async function main(): Promise<number> {
  if (!have('java', ['-version']) || !have('mvn', ['-v'])) {
    console.log('flink: skipped: java and mvn are needed for the real-Flink tests (JDK 17 and Maven)');
    return 0;
  }
  rmSync(work, { recursive: true, force: true });
  ensureDir(work);

  // 1. Inputs: job projects and recordings of the samples, differential cases with the engine's answers.
  const samples = loadSamples();
  const jobs = want('jobs') ? writeJobProjects(samples, ensureDir(join(work, 'jobs'))) : [];
  const recordings = new Map<string, string>();
  if (want('jobs') || want('sql'))
    for (const s of samples) {
      if (recordings.has(s.recording)) continue;
      const out = join(ensureDir(join(work, 'recordings')), `${s.slug}.jsonl`);
      await recordingAsJsonLines(s.recording, out);
      recordings.set(s.recording, out);
    }
  const count = Number(values.cases);
  const cases: DifferentialCase[] = want('differential')
    ? time(`differential: ${count} cases generated and run through the engine`, () =>
        generateCases(count, Number(values.seed)),
      )
    : [];

  // 2. One Maven invocation: the test module (and its class path) plus every job project.
  const buildable = jobs.filter((j) => j.export.ok);
  writeFileSync(
    join(work, 'pom.xml'),
    aggregatorPom([relative(work, moduleDir), ...buildable.map((j) => relative(work, j.dir))]),
  );
  const mvn = time('maven (test module + job projects)', () =>
    spawnSync(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        join(work, 'pom.xml'),
        'package',
        'dependency:build-classpath',
        '-DskipTests',
        '-Dmdep.outputFile=target/classpath.txt',
        '-Dmdep.includeScope=runtime',
      ],
      { stdio: 'inherit' },
    ),
  );
  if (mvn.status !== 0) {
    fail('maven build of the test module and the job projects');
    return 1;
  }

  // 3. The plan for the one JVM.
  const sqlPlans = want('sql')
    ? samples.flatMap((s) => {
        const r = exportPattern(s.doc, 'flink-sql-job');
        if (!r.ok) return [];
        const local = localSqlScript(r.text, recordings.get(s.recording) as string);
        if (!local) {
          fail(`${s.slug}: the flink-sql-job script has no CREATE TABLE / INSERT INTO`);
          return [];
        }
        return [{ sample: s, ...local }];
      })
    : [];
  const plan = {
    ...(cases.length ? { differential: differentialPlan(cases) } : {}),
    ...(buildable.length
      ? {
          jobs: buildable.map((j) => ({
            name: j.sample.slug,
            jar: join(j.dir, 'target', `${j.sample.slug}-job-1.0.0.jar`),
            mainClass: `cepheus.job.${readMainClass(j.dir)}`,
            args: ['--input', recordings.get(j.sample.recording)],
          })),
        }
      : {}),
    ...(sqlPlans.length
      ? {
          sql: sqlPlans.map((p) => ({ name: p.sample.slug, statements: p.statements, query: p.query })),
        }
      : {}),
  };
  writeFileSync(join(work, 'plan.json'), JSON.stringify(plan));
  const classpath = [
    join(moduleDir, 'target', 'classes'),
    readFileSync(join(moduleDir, 'target', 'classpath.txt'), 'utf8').trim(),
  ].join(':');
  const jvm = time('flink (one JVM: NFA cases, MiniCluster jobs, Table API)', () =>
    spawnSync(
      'java',
      [
        '-Xmx2g',
        // Keep stack traces of Flink's repeated NullPointerExceptions (the JIT drops them otherwise).
        '-XX:-OmitStackTraceInFastThrow',
        '-cp',
        classpath,
        'dev.cepheus.flinktest.Main',
        join(work, 'plan.json'),
        join(work, 'results.json'),
      ],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    ),
  );
  if (jvm.status !== 0 || !existsSync(join(work, 'results.json'))) {
    fail(`the Flink JVM exited with ${jvm.status}`);
    return 1;
  }
  const results = JSON.parse(readFileSync(join(work, 'results.json'), 'utf8')) as Results;

  // 4. Compare.
  if (cases.length) compareDifferential(cases, results.differential ?? []);
  for (const j of jobs) {
    if (!j.export.ok) {
      notes.push(`${j.sample.slug}: no flink-job (${j.export.reasons.map((r) => r.reason).join('; ')})`);
      continue;
    }
    const got = results.jobs?.find((r) => r.name === j.sample.slug);
    const expected = (await cepheusRun(j.sample)).map(recordKey).sort();
    if (!got || got.error) {
      fail(`${j.sample.slug}: the job did not run: ${got?.error ?? 'no result'}`);
      continue;
    }
    const actual = got.lines.map(recordKey).sort();
    sameList(`job ${j.sample.slug}`, expected, actual);
  }
  for (const p of sqlPlans) {
    const got = results.sql?.find((r) => r.name === p.sample.slug);
    if (!got || got.error) {
      fail(`${p.sample.slug}: the SQL script did not run: ${got?.error ?? 'no result'}`);
      continue;
    }
    const matches = (await cepheusRun(p.sample)).filter((r) => r.kind === 'match');
    const expected = matches.map((m) => sqlRowKey(expectedSqlRow(p.sample.doc, m, p.timeColumn))).sort();
    sameList(`sql ${p.sample.slug}`, expected, got.rows.map(sqlRowKey).sort());
  }

  for (const n of notes) console.log(`note: ${n}`);
  console.log(`flink: ${passed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

interface Results {
  differential?: {
    id: string;
    outputs?: {
      step: number;
      phase: string;
      kind: string;
      timestamp?: number;
      stages: [string, number[]][];
    }[];
    error?: string;
    compileError?: string;
    hang?: string;
    step?: number;
  }[];
  jobs?: {
    name: string;
    error?: string;
    lines: { kind: string; key: string; timestamp: number; stages: Record<string, { id?: unknown }[]> }[];
  }[];
  sql?: { name: string; error?: string; rows: Record<string, unknown>[] }[];
}

function readMainClass(dir: string): string {
  const pom = readFileSync(join(dir, 'pom.xml'), 'utf8');
  const m = /<mainClass>([^<]+)<\/mainClass>/.exec(pom);
  return (m?.[1] ?? '').split('.').pop() ?? '';
}

function sameList(label: string, expected: string[], actual: string[]): void {
  const missing = expected.filter((x) => !actual.includes(x));
  const extra = actual.filter((x) => !expected.includes(x));
  if (missing.length === 0 && extra.length === 0 && expected.length === actual.length) {
    pass();
    console.log(`ok   ${label}: ${expected.length} results equal`);
    return;
  }
  fail(
    `${label}: cepheus ${expected.length}, flink ${actual.length}\n  only in cepheus: ${missing.slice(0, 5).join('\n    ')}\n  only in flink: ${extra.slice(0, 5).join('\n    ')}`,
  );
}

function compareDifferential(cases: DifferentialCase[], results: NonNullable<Results['differential']>): void {
  const byId = new Map(results.map((r) => [r.id, r]));
  const counts = {
    same: 0,
    bothRejected: 0,
    different: 0,
    notExported: 0,
    flinkBugs: new Map<string, number>(),
  };
  const show = Number(values['show-diffs']);
  let shown = 0;
  let shownBugs = 0;
  const differ = (c: DifferentialCase, why: string): void => {
    counts.different++;
    if (shown++ < show)
      console.log(
        `DIFF ${c.id}: ${why}\n  pattern: ${JSON.stringify(c.spec)}\n  events: ${JSON.stringify(c.events.map((e) => [e.ts, e.record]))}`,
      );
  };
  for (const c of cases) {
    const r = byId.get(c.id);
    if (!c.java.ok) {
      if (c.engine.kind === 'rejected') counts.bothRejected++;
      else {
        counts.notExported++;
        differ(c, `the engine runs it but the Java export refuses: ${c.java.reason}`);
      }
      continue;
    }
    if (!r) {
      differ(c, 'no Flink result');
      continue;
    }
    const bug = flinkBug(c, r);
    if (bug) {
      counts.flinkBugs.set(bug, (counts.flinkBugs.get(bug) ?? 0) + 1);
      if (shownBugs++ < (process.env.FLINK_SHOW_BUGS ? Infinity : 3))
        console.log(`flink bug (${bug}) on ${c.id}: ${JSON.stringify(c.spec)}`);
      continue;
    }
    if (r.hang) {
      differ(c, `Flink's NFA hangs on an unexplained pattern: ${r.hang}`);
      continue;
    }
    if (r.compileError) {
      differ(c, `the exported Java does not compile: ${r.compileError}`);
      continue;
    }
    const flinkError = r.error ?? null;
    if (c.engine.kind === 'rejected') {
      if (flinkError && !r.outputs?.length) counts.bothRejected++;
      else differ(c, `the engine rejects it (${c.engine.reason}) but Flink runs it`);
      continue;
    }
    // When both fail (throwExceptionOnMiss), they must fail at the same step with the same outputs before it:
    // what a failing step emitted before throwing is not observable in Flink.
    const bothFail = flinkError !== null && c.engine.error !== null;
    const failStep = bothFail ? c.engine.errorStep : undefined;
    const before = (step: number): boolean => failStep === undefined || step < failStep;
    const flink = (r.outputs ?? [])
      .filter((o) => before(o.step))
      .map((o) => outputKey(o.step, o.phase, o.kind, o.timestamp ?? null, o.stages))
      .sort();
    const engine = c.engine.outputs.filter((o) => before(Number(o.split('/')[0]))).sort();
    const sameOutputs = JSON.stringify(flink) === JSON.stringify(engine);
    const sameFailure = bothFail ? r.step === failStep : !flinkError === !c.engine.error;
    if (sameOutputs && sameFailure) {
      counts.same++;
      continue;
    }
    differ(
      c,
      [
        flinkError || c.engine.error ? `errors: flink ${flinkError}; engine ${c.engine.error}` : '',
        `only in engine: ${engine.filter((x) => !flink.includes(x)).join(' ; ')}`,
        `only in flink: ${flink.filter((x) => !engine.includes(x)).join(' ; ')}`,
      ].join('\n  '),
    );
  }
  const total = cases.length;
  const bugs = [...counts.flinkBugs].map(([k, n]) => `${n} ${k}`).join('; ');
  console.log(
    `differential vs Flink's NFA: ${total} cases: ${counts.same} identical, ${counts.bothRejected} rejected by both, ${counts.different} different${counts.notExported ? ` (${counts.notExported} not exportable to Java)` : ''}; Flink bugs (crash or hang where Cepheus answers): ${bugs || 'none'}`,
  );
  passed += counts.same + counts.bothRejected + [...counts.flinkBugs.values()].reduce((a, b) => a + b, 0);
  failed += counts.different;
}

/**
 * Flink's answer is a Flink bug (a crash or an endless loop inside flink-cep 2.2) on a case the
 * engine answers: which one, or null. Each is a NullPointerException or a hang in Flink's own code,
 * never a documented behaviour; test/flink/README.md explains them with the Flink source lines.
 */
function flinkBug(c: DifferentialCase, r: NonNullable<Results['differential']>[number]): string | null {
  const engineError = c.engine.kind === 'ran' ? c.engine.error : null;
  if (r.hang) {
    if (engineError?.includes('cycle of always-true proceed transitions'))
      return 'NFA loops forever: PROCEED cycle of a looping group that can match nothing';
    if (c.engine.kind === 'rejected') return 'NFA loops forever on a pattern Cepheus refuses';
    return null;
  }
  // Shapes Cepheus refuses because Flink crashes or hangs on them (engine/nfa/validate.ts,
  // proceed-cycle.ts) only fail in Flink when an event reaches the broken transition; on the
  // generated events Flink may run them through.
  if (c.engine.kind === 'rejected' && !r.error) {
    if (c.engine.codes.includes('pattern.greedy-until-after-not-follow'))
      return 'refused up front: NPE on an until event (not reached by these events)';
    if (c.engine.codes.includes('pattern.proceed-cycle'))
      return 'refused up front: PROCEED cycle (not reached by these events)';
  }
  const e = r.error ?? '';
  if (!e.includes('NullPointerException') || engineError) return null;
  if (e.includes('LocalCache.getIfPresent')) return 'NPE: SharedBuffer looks up a null node id';
  if (e.includes('NFACompiler')) return 'NPE in NFACompiler (a transition to a state it never built)';
  if (e.includes('createDecisionGraph')) return 'NPE in NFA.createDecisionGraph (a null target state)';
  return null;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
