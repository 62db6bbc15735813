/**
 * What a live partial match holds: `node --expose-gc --import tsx bench/heap.ts <slug> [events]`
 * runs one workload's engine to its peak of live partial matches (as bytesPerPartialMatch does) and
 * compares two heap snapshots, with the engine built and at the peak, by object kind. It prints the
 * heap bytes per live partial match of each kind that grew (count and self size per partial match).
 */
import { getHeapSnapshot, setFlagsFromString } from 'node:v8';
import { findPeak } from './harness';
import { readHeapSnapshot } from './heap-snapshot-reader';
import { findWorkload } from './workloads/index';

interface Kind {
  count: number;
  bytes: number;
}

async function census(): Promise<Map<string, Kind>> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with node --expose-gc');
  gc();
  gc();
  const snap = await readHeapSnapshot(getHeapSnapshot());
  const fields = snap.snapshot.meta.node_fields;
  const stride = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const edgeCountAt = fields.indexOf('edge_count');
  const types = snap.snapshot.meta.node_types[0];
  const edgeFields = snap.snapshot.meta.edge_fields;
  const edgeStride = edgeFields.length;
  const edgeTypes = snap.snapshot.meta.edge_types[0];
  const edgeTypeAt = edgeFields.indexOf('type');
  const edgeNameAt = edgeFields.indexOf('name_or_index');
  const out = new Map<string, Kind>();
  const nodes = snap.nodes;
  const edges = snap.edges;
  let e = 0;
  for (let i = 0; i < nodes.length; i += stride) {
    const type = types[nodes[i + typeAt]];
    const edgeCount = nodes[i + edgeCountAt];
    // Plain objects by their first property names (a run, a buffer node, a key state); arrays,
    // numbers and strings by type (their names are their contents).
    let kind = `(${type})`;
    if (process.env.HEAP_SIZES !== undefined && (type === 'array' || type === 'hidden' || type === 'number'))
      kind = `(${type} ${nodes[i + sizeAt]} B ${snap.strings[nodes[i + nameAt]].slice(0, 30)})`;
    if (type === 'object') {
      const props: string[] = [];
      for (let j = 0; j < edgeCount && props.length < 4; j++) {
        const at = e + j * edgeStride;
        if (edgeTypes[edges[at + edgeTypeAt]] === 'property')
          props.push(snap.strings[edges[at + edgeNameAt]]);
      }
      kind = `${snap.strings[nodes[i + nameAt]]}{${props.join(',')}}`;
    }
    e += edgeCount * edgeStride;
    const k = out.get(kind) ?? { count: 0, bytes: 0 };
    k.count++;
    k.bytes += nodes[i + sizeAt];
    out.set(kind, k);
  }
  return out;
}

// Bytecode compiled before the first snapshot may be flushed before the second (the reader runs
// through many GCs); that would show as engine bytes saved.
setFlagsFromString('--no-flush-bytecode');
const [slug, size] = process.argv.slice(2);
const w = findWorkload(slug ?? '');
if (!w) throw new Error(`unknown workload ${slug ?? '(none)'}`);
const prepared = w.prepare(Number(size ?? w.fullSize));
const given = Number(process.argv[4]);
const at = Number.isFinite(given) && given > 0 ? given : findPeak(prepared.events, prepared.engine).at;
const engine = prepared.engine();
const before = await census();
for (let i = 0; i < at; i++) engine.push(prepared.events[i]);
const live = engine.livePartialMatches();
const after = await census();
// Used after the snapshot, so neither is dead (and collected) while it is taken.
if (engine.livePartialMatches() !== live || prepared.events.length < at) throw new Error('unreachable');
const rows: [string, number, number][] = [];
let total = 0;
for (const [kind, a] of after) {
  const b = before.get(kind) ?? { count: 0, bytes: 0 };
  const bytes = a.bytes - b.bytes;
  total += bytes;
  if (Math.abs(bytes) / live >= 1) rows.push([kind, (a.count - b.count) / live, bytes / live]);
}
rows.sort((x, y) => y[2] - x[2]);
console.log(
  `${w.slug}: ${live} live partial matches after ${at} events; ${(total / live).toFixed(0)} B each`,
);
for (const [kind, count, bytes] of rows)
  console.log(
    `  ${kind.padEnd(40)} ${count.toFixed(2).padStart(7)} per PM ${bytes.toFixed(1).padStart(8)} B`,
  );
