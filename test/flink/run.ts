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
import { crashShapeCases, type CrashShapeCase } from './crash-shapes';
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
    // Compare the engine with a previous run's Flink answers (its results.json, same --cases and
    // --seed) without Maven or Java: to re-judge a long run after an engine change.
    results: { type: 'string' },
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

/** `--results FILE`: the differential cases judged against a stored Flink run. */
function compareStored(file: string): number {
  const stored = JSON.parse(readFileSync(file, 'utf8')) as Results;
  const cases = generateCases(Number(values.cases), Number(values.seed));
  const shapes = crashShapeCases();
  const ids = new Set((stored.differential ?? []).map((r) => r.id));
  compareCrashShapes(
    shapes.filter((c) => ids.has(c.id)),
    stored.differential ?? [],
  );
  compareDifferential(cases, stored.differential ?? []);
  console.log(`flink: ${passed} passed, ${failed} failed (judged against ${file})`);
  return failed > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  if (values.results) return compareStored(values.results);
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
  const shapes = want('differential') ? crashShapeCases() : [];

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
    ...(cases.length || shapes.length ? { differential: differentialPlan([...cases, ...shapes]) } : {}),
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
  if (shapes.length) compareCrashShapes(shapes, results.differential ?? []);
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

type FlinkResult = NonNullable<Results['differential']>[number];

/**
 * The verdict on one case: null when Cepheus and Flink agree (same outputs and failure step, or both
 * refuse), else why not. Shared by the random cases and the crash shapes' neighbours.
 */
function disagreement(c: DifferentialCase, r: FlinkResult | undefined): string | null {
  if (!c.java.ok)
    return c.engine.kind === 'rejected'
      ? null
      : `the engine runs it but the Java export refuses: ${c.java.reason}`;
  if (!r) return 'no Flink result';
  if (r.hang) return `Flink's NFA hangs: ${r.hang}`;
  if (r.compileError) return `the exported Java does not compile: ${r.compileError}`;
  const flinkError = r.error ?? null;
  if (c.engine.kind === 'rejected')
    return flinkError && !r.outputs?.length
      ? null
      : `the engine rejects it (${c.engine.reason}) but Flink runs it`;
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
  if (sameOutputs && sameFailure) return null;
  return [
    flinkError || c.engine.error ? `errors: flink ${flinkError}; engine ${c.engine.error}` : '',
    `only in engine: ${engine.filter((x) => !flink.includes(x)).join(' ; ')}`,
    `only in flink: ${flink.filter((x) => !engine.includes(x)).join(' ; ')}`,
  ].join('\n  ');
}

/** Codes of the refusals made because Flink crashes or hangs (engine/nfa/validate.ts, proceed-cycle.ts, start-reaches-stop.ts). */
const FLINK_CRASH_CODES = [
  'pattern.greedy-until-after-not-follow',
  'pattern.proceed-cycle',
  'pattern.not-after-empty-prefix',
];

/** How Flink failed on a case: 'hang', the NullPointerException, or null when it ran. */
function flinkFailure(r: FlinkResult | undefined): string | null {
  if (r?.hang) return 'hang';
  if (r?.error?.includes('NullPointerException')) return 'NullPointerException';
  return null;
}

/**
 * Each refused crash shape must crash Flink on its events (the refusal is not a guess); each
 * neighbour must run the same on both sides (the refusal is no wider than the bug).
 */
function compareCrashShapes(shapes: CrashShapeCase[], results: FlinkResult[]): void {
  const byId = new Map(results.map((r) => [r.id, r]));
  for (const c of shapes) {
    const r = byId.get(c.id);
    if (c.expect === null) {
      const why = disagreement(c, r);
      if (why === null && c.engine.kind === 'ran') {
        pass();
        console.log(
          `ok   crash shape neighbour ${c.id}: runs the same on both sides (${c.engine.outputs.length} matches and timeouts)`,
        );
      } else
        fail(
          `crash shape neighbour ${c.id}: ${why ?? `refused by Cepheus (${c.engine.kind === 'rejected' ? c.engine.reason : ''})`}`,
        );
      continue;
    }
    const refused = c.engine.kind === 'rejected' && c.engine.codes.includes(c.expect.code);
    const failure = flinkFailure(r);
    if (refused && failure === c.expect.flink) {
      pass();
      console.log(
        `ok   crash shape ${c.id}: refused (${c.expect.code}); Flink: ${r?.hang ?? r?.error?.slice(0, 160)}`,
      );
    } else
      fail(
        `crash shape ${c.id}: Cepheus ${refused ? 'refuses' : `does not refuse it with ${c.expect.code}`}; Flink ${failure ?? `runs it (${r?.error ?? 'no error'})`}, expected ${c.expect.flink}`,
      );
  }
}

function compareDifferential(cases: DifferentialCase[], results: FlinkResult[]): void {
  const byId = new Map(results.map((r) => [r.id, r]));
  const counts = { same: 0, bothRejected: 0, refusedCrash: 0, crashedToo: 0, different: 0, flinkBugs: 0 };
  const show = Number(values['show-diffs']);
  let shown = 0;
  const differ = (c: DifferentialCase, why: string, label = 'DIFF'): void => {
    if (shown++ < show || (label !== 'DIFF' && process.env.FLINK_SHOW_BUGS))
      console.log(
        `${label} ${c.id}: ${why}\n  pattern: ${JSON.stringify(c.spec)}\n  events: ${JSON.stringify(c.events.map((e) => [e.ts, e.record]))}`,
      );
  };
  for (const c of cases) {
    const r = byId.get(c.id);
    // Refused because Flink crashes or hangs on the shape: Flink may still run these events through
    // when none of them reaches the broken transition (the crash shapes above show that it fails).
    if (
      c.engine.kind === 'rejected' &&
      c.engine.codes.some((x) => FLINK_CRASH_CODES.includes(x)) &&
      c.java.ok
    ) {
      const failure = flinkFailure(r);
      // Flink may refuse the pattern itself for another reason (a window conflict, say).
      if (failure === null && r?.error && !r.outputs?.length) counts.bothRejected++;
      else {
        counts.refusedCrash++;
        if (failure !== null) counts.crashedToo++;
      }
      continue;
    }
    const why = disagreement(c, r);
    if (why === null) {
      if (c.engine.kind === 'rejected') counts.bothRejected++;
      else counts.same++;
      continue;
    }
    // Flink crashes or hangs where Cepheus answers: a shape Cepheus should refuse (a failure).
    if (c.engine.kind === 'ran' && c.engine.error === null && flinkFailure(r) !== null) {
      counts.flinkBugs++;
      differ(c, `Flink fails where Cepheus answers (${r?.hang ?? r?.error})`, 'FLINK BUG');
      continue;
    }
    counts.different++;
    differ(c, why);
  }
  console.log(
    `differential vs Flink's NFA: ${cases.length} cases: ${counts.same} identical, ${counts.bothRejected} rejected by both, ${counts.refusedCrash} refused by Cepheus because Flink crashes or hangs on the shape (${counts.crashedToo} of them crash Flink on these events), ${counts.different} different, ${counts.flinkBugs} Flink bugs (Flink crashes or hangs where Cepheus answers)`,
  );
  passed += counts.same + counts.bothRejected + counts.refusedCrash;
  failed += counts.different + counts.flinkBugs;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
