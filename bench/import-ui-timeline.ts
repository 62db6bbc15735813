/**
 * Per-thread CPU of one import as the import dialog runs it (import-1m-ui's steps: upload,
 * inspect, import with the dialog's settings over the web host's HTTP contract), sampled from
 * /proc/self/task every 100 ms, so the UI path's threads (host main thread, import worker, parse
 * worker, V8 and libuv helpers) can be set beside import-timeline.ts's direct path.
 *   node_modules/node/bin/node --import tsx bench/import-ui-timeline.ts [rows]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startWebHost } from '../electron/web';
import { createHttpApi } from '../renderer/api/http-api';
import { threadCpu, type ThreadCpu } from './thread-cpu';
import { dialogRequest, upload } from './workloads/import-ui';
import { riskCsv } from './workloads/recordings';

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'cepheus-ui-timeline-'));
  const host = await startWebHost({ port: 0, dataDir: dir, build: 'never', seedSamples: false });
  const marks: [string, number][] = [];
  const t0 = performance.now();
  const mark = (what: string): void => void marks.push([what, performance.now() - t0]);
  const samples: { t: number; cpu: Map<number, ThreadCpu> }[] = [];
  const sample = (): void => void samples.push({ t: performance.now() - t0, cpu: threadCpu() });
  try {
    const csv = await riskCsv(rows, dir);
    const api = createHttpApi({ baseUrl: host.origin, token: host.token });
    let pushes = 0;
    api.on('recordings.importProgress', (p) => {
      pushes += 1;
      if (pushes === 1) mark(`first push (${p.rows} rows)`);
    });
    await api.app.info();
    sample();
    const timer = setInterval(sample, 100);
    mark('upload');
    const grant = await upload(host.origin, host.token, csv);
    mark('inspect');
    const inspect = await api.recordings.inspect({ path: grant.path });
    mark('import');
    const sImport = samples.length;
    sample();
    const recording = await api.recordings.import({ ...dialogRequest(inspect), importId: 'timeline' });
    mark(`import answered (${recording.rowCount} rows, ${pushes} pushes)`);
    sample();
    // the worker checkpoints after answering; let it end so its CPU is counted
    await new Promise((r) => setTimeout(r, 1500));
    sample();
    clearInterval(timer);
    report(samples, sImport, marks);
  } finally {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(
  samples: { t: number; cpu: Map<number, ThreadCpu> }[],
  from: number,
  marks: [string, number][],
): void {
  const first = samples[from].cpu;
  const last = new Map<number, ThreadCpu>();
  for (const s of samples.slice(from)) for (const [tid, c] of s.cpu) last.set(tid, c);
  const total = [...last].map(([tid, c]) => ({ tid, name: c.name, ms: c.ms - (first.get(tid)?.ms ?? 0) }));
  total.sort((a, b) => b.ms - a.ms);
  const shown = total.filter((t) => t.ms >= 30);
  console.log('marks (ms):', marks.map(([w, t]) => `${w} ${t.toFixed(0)}`).join(', '));
  console.log(
    'thread CPU from the import call (ms):',
    shown.map((t) => `${t.tid}/${t.name} ${t.ms}`).join(', '),
  );
  console.log(
    'all threads:',
    total.reduce((a, t) => a + t.ms, 0),
    'ms',
  );
  console.log(JSON.stringify({ marks, threads: shown }));
}

void main().then(() => process.exit(0));
