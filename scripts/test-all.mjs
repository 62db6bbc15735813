#!/usr/bin/env node
// The one test command (`npm test`): formatting, lint, type-check, unit + property + browser e2e tests,
// the Flink conformance vectors and the Electron security scan, then one closing summary line.
// Each step streams its own output; a failing step does not hide the others.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const artifacts = join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

function run(label, cmd, args) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const started = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  const ok = r.status === 0;
  return { ok, secs };
}

function check(label, cmd, args) {
  const { ok, secs } = run(label, cmd, args);
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${label} (${secs.toFixed(1)} s)`);
}

check('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);
check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
check('typecheck', 'npm', ['run', '-s', 'typecheck']);

// vitest: count individual tests from its JSON report.
const report = join(artifacts, 'vitest.json');
const v = run('vitest (unit, property, e2e)', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
]);
if (existsSync(report)) {
  const j = JSON.parse(readFileSync(report, 'utf8'));
  passed += j.numPassedTests;
  failed += j.numFailedTests + (v.ok || j.numFailedTests > 0 ? 0 : 1);
  lines.push(
    `${v.ok ? 'ok  ' : 'FAIL'} vitest: ${j.numPassedTests} passed, ${j.numFailedTests} failed, ${j.numPendingTests} skipped (${v.secs.toFixed(1)} s)`,
  );
  // Name what failed in the summary too: CI keeps only the tail of a long log.
  for (const file of j.testResults ?? []) {
    const where = file.name.startsWith(root) ? file.name.slice(root.length + 1) : file.name;
    const failures = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of failures) {
      const why = String(a.failureMessages?.[0] ?? '')
        .split('\n')[0]
        .slice(0, 200);
      lines.push(`     × ${where} > ${a.fullName}: ${why}`);
    }
    if (failures.length === 0 && file.status === 'failed')
      lines.push(
        `     × ${where}: ${String(file.message ?? '')
          .split('\n')[0]
          .slice(0, 200)}`,
      );
  }
} else {
  failed++;
  lines.push('FAIL vitest produced no report');
}

// The Flink conformance vectors live beside the project (../shared/conformance) in CI and development.
const vectorsDir = resolve(root, '..', 'shared', 'conformance');
const vectorFiles = existsSync(vectorsDir)
  ? readdirSync(vectorsDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(vectorsDir, f))
  : [];
if (vectorFiles.length > 0) {
  const r = spawnSync('npx', ['tsx', 'cli/conformance-cli.ts', ...vectorFiles], {
    cwd: root,
    encoding: 'utf8',
    env: process.env,
  });
  process.stdout.write(`\n=== conformance\n${r.stdout}${r.stderr}`);
  const m = /(\d+) passed, (\d+) failed/.exec(r.stdout ?? '');
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
    lines.push(`${m[2] === '0' ? 'ok  ' : 'FAIL'} conformance: ${m[0]}`);
  } else {
    failed++;
    lines.push('FAIL conformance runner printed no summary');
  }
} else {
  lines.push('skip conformance: ../shared/conformance not found next to the project');
}

// Real Apache Flink (test/flink): the differential test against Flink's NFA (a fixed-seed CI-sized run),
// the generated job projects on a MiniCluster and the SQL scripts through the Table API. Needs java and
// mvn; Maven fetches Flink into ~/.m2 on a fresh machine. `npm run test:flink -- --cases 10000` is the long run.
{
  const hasJvm = ['java', 'mvn'].every(
    (cmd) => spawnSync(cmd, [cmd === 'java' ? '-version' : '-v'], { stdio: 'ignore' }).status === 0,
  );
  if (!hasJvm) lines.push('skip flink: java and mvn not found (JDK 17 and Maven run the real-Flink tests)');
  else {
    const started = process.hrtime.bigint();
    console.log('\n=== flink: npx tsx test/flink/run.ts --cases 300');
    const r = spawnSync('npx', ['tsx', 'test/flink/run.ts', '--cases', '300'], {
      cwd: root,
      encoding: 'utf8',
      env: process.env,
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    });
    process.stdout.write(r.stdout ?? '');
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    const m = /flink: (\d+) passed, (\d+) failed/.exec(r.stdout ?? '');
    if (m) {
      passed += Number(m[1]);
      failed += Number(m[2]) + (r.status === 0 || Number(m[2]) > 0 ? 0 : 1);
      lines.push(`${r.status === 0 ? 'ok  ' : 'FAIL'} ${m[0]} (${secs.toFixed(1)} s)`);
    } else {
      failed++;
      lines.push(`FAIL flink tests printed no summary (exit ${r.status})`);
    }
  }
}

console.log('\n=== summary');
for (const l of lines) console.log(l);
console.log(`Total: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
