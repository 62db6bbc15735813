/**
 * Profiling entry: runs one workload's engine over its stream a few times, nothing else, so
 * `node --cpu-prof --import tsx bench/profile.ts <slug> [events]` shows only the engine.
 */
import { performance } from 'node:perf_hooks';
import { timeEngine } from './harness';
import { findWorkload } from './workloads/index';

const [slug, size] = process.argv.slice(2);
const w = findWorkload(slug ?? '');
if (!w) throw new Error(`unknown workload ${slug ?? '(none)'}`);
const prepared = w.prepare(Number(size ?? w.fullSize));
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = timeEngine(prepared.events, prepared.engine);
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const rate = (x: number): string => Math.round(prepared.events.length / (x / 1000)).toLocaleString('en-US');
  console.log(
    `${w.slug}: ${rate(ms)} events/s wall, ${rate(cpuMs)} events/s cpu, ${r.matches} matches`,
    r.counters,
  );
}
