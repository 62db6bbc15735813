/** The readable table printed after a run, and the JSON Lines file results are appended to. */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type ResultLine = Record<string, unknown> & { workload: string };

function num(v: unknown, digits = 0): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
  return v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

function rate(r: ResultLine): string {
  if (typeof r.eventsPerSec === 'number') return num(r.eventsPerSec);
  if (typeof r.rowsPerSec === 'number') return `${num(r.rowsPerSec)} rows`;
  return '—';
}

function peersText(r: ResultLine): string {
  const peers = r.peers as
    Record<string, { eventsPerSec: number; ratio: number; agrees: boolean }> | undefined;
  if (!peers) return '';
  return Object.entries(peers)
    .map(([name, p]) => `${name} ${num(p.eventsPerSec)} (×${num(p.ratio, 3)})${p.agrees ? '' : ' MISMATCH'}`)
    .join('; ');
}

export function table(results: readonly ResultLine[]): string {
  const head = [
    'workload',
    'events',
    'events/s',
    'p50 µs',
    'p99 µs',
    'matches',
    'peak PMs',
    'B/PM',
    'extra',
    'peers: events/s (engine ÷ peer)',
  ];
  const rows = results.map((r) => {
    if (typeof r.status === 'string' && r.status !== 'ok')
      return [
        r.workload,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        String(r.status),
        typeof r.reason === 'string' ? r.reason : '',
      ];
    const extra: string[] = [];
    if (typeof r.stepP95Ms === 'number') extra.push(`step p95 ${num(r.stepP95Ms, 2)} ms`);
    if (typeof r.seekP95Ms === 'number') extra.push(`seek p95 ${num(r.seekP95Ms, 1)} ms`);
    if (typeof r.canvasInteractiveMs === 'number') {
      const fresh = r.fresh as { firstPaintMs: number; canvasInteractiveMs: number };
      extra.push(
        `warm: paint ${num(r.firstPaintMs)} ms, canvas ${num(r.canvasInteractiveMs)} ms; fresh: ${num(fresh.firstPaintMs)} / ${num(fresh.canvasInteractiveMs)} ms; first chunk ${num(Number(r.firstChunkBytes) / 1024)} KiB`,
      );
      const warm = r.warm as { mainThreadCpuMs?: number; hostCpuMs?: number } | undefined;
      if (typeof warm?.mainThreadCpuMs === 'number')
        extra.push(
          `warm CPU: page main thread ${num(warm.mainThreadCpuMs)} ms, web host ${num(warm.hostCpuMs ?? NaN)} ms`,
        );
    }
    if (r.workload === 'cli-start')
      for (const n of r.nodes as Record<string, number | string>[])
        extra.push(
          `${n.node}: --help ${num(Number(n.helpCpuMs))} ms, validate ${num(Number(n.validateCpuMs))} ms (no cache ${num(Number(n.validateNoCacheCpuMs))}), bare node ${num(Number(n.bareNodeCpuMs))} ms CPU`,
        );
    const counters = r.counters as Record<string, number> | undefined;
    if (counters?.timeouts) extra.push(`timeouts ${num(counters.timeouts)}`);
    if (counters?.late) extra.push(`late ${num(counters.late)}`);
    if (typeof r.droppedByCap === 'number' && r.droppedByCap > 0)
      extra.push(`dropped ${num(r.droppedByCap)}`);
    return [
      r.workload,
      num(r.events ?? r.rows),
      rate(r),
      num(r.p50Us, 3),
      num(r.p99Us, 3),
      num(r.matches),
      num(r.peakPartialMatches),
      num(r.bytesPerPartialMatch),
      extra.join(', '),
      peersText(r),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function appendJsonl(file: string, results: readonly ResultLine[]): void {
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, results.map((r) => JSON.stringify(r) + '\n').join(''));
}
