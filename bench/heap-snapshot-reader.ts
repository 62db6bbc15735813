/**
 * Reads a V8 heap snapshot from its chunks without building it as one string: at a 1M-event peak
 * the snapshot passes V8's longest string (~512 MB), so `JSON.parse` of the whole text cannot work.
 * The format is one object whose first member is the small `snapshot` header, then flat arrays of
 * integers (`nodes`, `edges`, …) and the `strings` table; the integers go into typed arrays as
 * they stream past, each string is decoded on its own.
 */

export interface HeapSnapshot {
  snapshot: {
    meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] };
  };
  nodes: Float64Array;
  edges: Float64Array;
  strings: string[];
}

/** A growable column of numbers. */
class Column {
  data = new Float64Array(1 << 16);
  n = 0;
  push(v: number): void {
    if (this.n === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.n++] = v;
  }
  done(): Float64Array {
    return this.data.subarray(0, this.n);
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const COLON = 0x3a;

export async function readHeapSnapshot(chunks: AsyncIterable<Buffer | string>): Promise<HeapSnapshot> {
  const HEADER_END = '"nodes":';
  let header = '';
  let headerDone = false;
  let pending: Buffer = Buffer.alloc(0);
  const arrays = new Map<string, Column>([
    ['nodes', new Column()],
    ['edges', new Column()],
  ]);
  const strings: string[] = [];
  // Outside the header: reading a member name, waiting for its array, inside a number array, inside the strings.
  let mode: 'name' | 'value' | 'numbers' | 'strings' = 'name';
  let name: number[] = [];
  let inName = false;
  let column: Column | null = null;
  let num = -1;
  let literal: number[] = [];
  let inString = false;
  let escaped = false;
  for await (const raw of chunks) {
    let buf = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    if (!headerDone) {
      // Searched as bytes: one chunk of a large snapshot can itself be longer than a string may be.
      const joined = pending.length > 0 ? Buffer.concat([pending, buf]) : buf;
      const at = joined.indexOf(HEADER_END);
      if (at < 0) {
        pending = joined;
        continue;
      }
      headerDone = true;
      header = joined.subarray(0, joined.lastIndexOf(',', at)).toString('utf8') + '}';
      buf = joined.subarray(at);
    }
    for (let i = 0; i < buf.length; i++) {
      const b = buf[i];
      if (mode === 'numbers') {
        if (b >= 0x30 && b <= 0x39) num = (num < 0 ? 0 : num * 10) + (b - 0x30);
        else {
          if (num >= 0) column?.push(num);
          num = -1;
          if (b === CLOSE) mode = 'name';
        }
      } else if (mode === 'strings') {
        if (inString) {
          literal.push(b);
          if (escaped) escaped = false;
          else if (b === BACKSLASH) escaped = true;
          else if (b === QUOTE) {
            strings.push(JSON.parse(Buffer.from(literal).toString('utf8')) as string);
            literal = [];
            inString = false;
          }
        } else if (b === QUOTE) {
          literal = [b];
          inString = true;
        } else if (b === CLOSE) mode = 'name';
      } else if (mode === 'name') {
        if (b === QUOTE) {
          if (inName) mode = 'value';
          inName = !inName;
        } else if (inName) name.push(b);
      } else if (b === OPEN) {
        const member = Buffer.from(name).toString('latin1');
        name = [];
        if (member === 'strings') mode = 'strings';
        else {
          mode = 'numbers';
          column = arrays.get(member) ?? null;
        }
      } else if (b !== COLON && b > 0x20) {
        throw new Error(`heap snapshot: member "${Buffer.from(name).toString('latin1')}" is not an array`);
      }
    }
  }
  const head = JSON.parse(header) as Pick<HeapSnapshot, 'snapshot'>;
  return {
    snapshot: head.snapshot,
    nodes: (arrays.get('nodes') as Column).done(),
    edges: (arrays.get('edges') as Column).done(),
    strings,
  };
}
