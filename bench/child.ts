/**
 * Runs one workload in its own process (started by run.ts with --expose-gc), so inline caches and
 * heap from one workload cannot colour the next. Prints one line: BENCH_RESULT <json>.
 */
import { calibrate } from './calibrate';
import { gcAvailable } from './harness';
import { measureWorkload } from './measure';
import { findWorkload } from './workloads/index';

export const RESULT_PREFIX = 'BENCH_RESULT ';

async function main(): Promise<void> {
  const [slug, quickArg] = process.argv.slice(2);
  const w = findWorkload(slug ?? '');
  if (!w) throw new Error(`unknown workload ${slug ?? '(none)'}`);
  const quick = quickArg === 'quick';
  if (!gcAvailable()) console.error('warning: run with --expose-gc to measure heap bytes per partial match');
  const size = quick ? Math.round(w.fullSize / 10) : w.fullSize;
  const machine = calibrate();
  if (w.custom) {
    const r = { ...(await w.custom(size, quick)), machine };
    process.stdout.write(RESULT_PREFIX + JSON.stringify(r) + '\n');
    return;
  }
  const prepared = w.prepare(size);
  const r = measureWorkload(w, prepared, {
    quick,
    engineRepeats: quick ? { warmups: 1, runs: 3 } : { warmups: 2, runs: 5 },
    peerRepeats: quick ? { warmups: 1, runs: 3 } : { warmups: 1, runs: 3 },
  });
  process.stdout.write(RESULT_PREFIX + JSON.stringify({ ...r, machine }) + '\n');
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
