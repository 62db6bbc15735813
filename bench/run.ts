/**
 * npm run bench [-- --quick] [-- --only <slug>]: runs every workload in its own Node process
 * (with --expose-gc), prints one JSON line per workload, appends them to bench/results/latest.jsonl
 * and ends with a table. `runBench(args)` is the same entry for `cepheus bench`.
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appendJsonl, table, type ResultLine } from './report';
import { WORKLOADS } from './workloads/index';

const HERE = dirname(fileURLToPath(import.meta.url));
const RESULT_PREFIX = 'BENCH_RESULT ';

export const BENCH_USAGE = `Usage: npm run bench -- [--quick] [--only <slug>]… [--no-save]

  --quick        a tenth of every workload's size
  --only <slug>  run only this workload (repeatable): ${WORKLOADS.map((w) => w.slug).join(', ')}
  --no-save      do not append to bench/results/latest.jsonl
Exit code 1 when a peer disagrees with the engine or a workload fails, 2 on bad arguments.`;

export interface BenchArgs {
  quick: boolean;
  only: string[];
  save: boolean;
}

export function parseBenchArgs(args: readonly string[]): BenchArgs | { error: string } | 'help' {
  const out: BenchArgs = { quick: false, only: [], save: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--quick') out.quick = true;
    else if (a === '--no-save') out.save = false;
    else if (a === '--help' || a === '-h') return 'help';
    else if (a === '--only' || a.startsWith('--only=')) {
      const v = a === '--only' ? args[++i] : a.slice('--only='.length);
      if (v === undefined || v === '') return { error: '--only needs a workload slug' };
      for (const slug of v.split(',')) {
        if (!WORKLOADS.some((w) => w.slug === slug))
          return { error: `unknown workload "${slug}"; known: ${WORKLOADS.map((w) => w.slug).join(', ')}` };
        out.only.push(slug);
      }
    } else return { error: `unknown option "${a}"` };
  }
  return out;
}

function runChild(slug: string, quick: boolean): Promise<ResultLine> {
  return new Promise((done) => {
    const child = spawn(
      process.execPath,
      [
        '--expose-gc',
        '--max-old-space-size=4096',
        '--import',
        import.meta.resolve('tsx'),
        join(HERE, 'child.ts'),
        slug,
        quick ? 'quick' : 'full',
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', (e) => done({ workload: slug, status: 'failed', reason: e.message }));
    child.on('exit', (code, signal) => {
      const line = out.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
      if (line) done({ status: 'ok', ...(JSON.parse(line.slice(RESULT_PREFIX.length)) as ResultLine) });
      else
        done({
          workload: slug,
          status: 'failed',
          reason: `the workload process exited (${signal ?? `code ${String(code)}`}) without a result`,
        });
    });
  });
}

/** Runs the suite; resolves to the process exit code. */
export async function runBench(args: readonly string[]): Promise<number> {
  const parsed = parseBenchArgs(args);
  if (parsed === 'help') {
    console.log(BENCH_USAGE);
    return 0;
  }
  if ('error' in parsed) {
    console.error(`cepheus bench: ${parsed.error}\n${BENCH_USAGE}`);
    return 2;
  }
  const selected = parsed.only.length > 0 ? WORKLOADS.filter((w) => parsed.only.includes(w.slug)) : WORKLOADS;
  const results: ResultLine[] = [];
  let failed = false;
  for (const w of selected) {
    console.error(`running ${w.slug}${parsed.quick ? ' (quick)' : ''}…`);
    const r = await runChild(w.slug, parsed.quick);
    results.push(r);
    console.log(JSON.stringify(r));
    const mismatches = (r.mismatches as string[] | undefined) ?? [];
    for (const m of mismatches) console.error(`\n!!! MISMATCH in ${w.slug}: ${m} !!!\n`);
    if (mismatches.length > 0 || r.status === 'failed') failed = true;
    if (parsed.save) appendJsonl(join(HERE, 'results', 'latest.jsonl'), [r]);
  }
  console.log(
    `\nCepheus benchmarks, ${process.version}, ${new Date().toISOString().slice(0, 10)}${parsed.quick ? ', --quick' : ''}\n`,
  );
  console.log(table(results));
  return failed ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runBench(process.argv.slice(2));
}
