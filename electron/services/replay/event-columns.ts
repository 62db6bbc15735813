/**
 * Projected events as columns, to cross from the read-ahead thread to the analysis: numbers and
 * string numbers in typed arrays (their buffers are transferred, not copied), the batch's distinct
 * strings once each, and a payload's member order as a shape shared by the rows that have it. The
 * receiver rebuilds exactly what `SqliteEventSource.readFields` returns for the same rows: the
 * same seqs, times, keys, payload members in the same order with the same values. A payload the
 * one-pass reader does not take (nested, escaped, not JSON) crosses as its text and is decoded by
 * the receiver, so it gets the same value or throws the same error as reading in one thread.
 */
import type { ReplayEvent } from '../../../engine/debug';
import { JsonProjection, setField } from './json-projection';

/** A stored row as `.raw()` returns it: seq, ts, key, payload (JSON text). */
export type StoredRow = [number, number, string | null, string];

/** Member value kinds in `tags` (0: the row has no such member). */
const STRING = 1;
const NUMBER = 2;
const TRUE = 3;
const FALSE = 4;
const NULL = 5;

export interface ColumnBatch {
  /** The seq range read: [from, to). Rows are the stored ones in it, in seq order. */
  from: number;
  to: number;
  seq: Float64Array;
  ts: Float64Array;
  /** Index into `strings`; -1: no key. */
  key: Int32Array;
  /** Index into `shapes`; -1: the payload is in `texts`. */
  shape: Int32Array;
  /** Per row and wanted field (row × fields + field): the member's kind and value (a string's index). */
  tags: Uint8Array;
  values: Float64Array;
  strings: string[];
  /** Every shape seen so far: the wanted fields' indexes in the order the payloads have them. */
  shapes: number[][];
  /** Rows (index in the batch) whose payload text the receiver decodes itself. */
  texts: [number, string][];
}

/** The buffers of a batch, to transfer with it. */
export function transferables(b: ColumnBatch): ArrayBuffer[] {
  return [b.seq, b.ts, b.key, b.shape, b.tags, b.values].map((a) => a.buffer as ArrayBuffer);
}

/** Turns stored rows into column batches; keeps the shapes seen across batches. */
export class ColumnWriter {
  private readonly projection: JsonProjection;
  private readonly width: number;
  private readonly shapes: number[][] = [];
  private readonly shapeIds = new Map<number | string, number>();
  /** The row each field was last seen in (a repeated member keeps its first place). */
  private readonly seenIn: Int32Array;
  /** Per field (and the key, last): whether its strings are looked up to be sent once per batch. */
  private readonly interned: boolean[];
  private batches = 0;

  constructor(fields: readonly string[]) {
    // Values are copied when posted: no need to copy long strings out of the payload text first.
    this.projection = new JsonProjection(fields, false);
    this.width = this.projection.names.length;
    this.seenIn = new Int32Array(this.width).fill(-1);
    this.interned = new Array<boolean>(this.width + 1).fill(true);
  }

  batch(from: number, to: number, rows: readonly StoredRow[]): ColumnBatch {
    const n = rows.length;
    const w = this.width;
    const b: ColumnBatch = {
      from,
      to,
      seq: new Float64Array(n),
      ts: new Float64Array(n),
      key: new Int32Array(n),
      shape: new Int32Array(n),
      tags: new Uint8Array(n * w),
      values: new Float64Array(n * w),
      strings: [],
      shapes: this.shapes,
      texts: [],
    };
    const strings = new BatchStrings(b.strings, this.interned);
    const { projection, seenIn } = this;
    const { found, values } = projection;
    const order: number[] = [];
    seenIn.fill(-1);
    for (let i = 0; i < n; i++) {
      const r = rows[i];
      b.seq[i] = r[0];
      b.ts[i] = r[1];
      const key = r[2];
      const keyId = key === null ? -1 : strings.id(this.width, key);
      b.key[i] = keyId;
      const count = projection.scan(r[3]);
      if (count < 0) {
        b.shape[i] = -1;
        b.texts.push([i, r[3]]);
        continue;
      }
      order.length = 0;
      for (let k = 0; k < count; k++) {
        const f = found[k];
        if (seenIn[f] !== i) {
          seenIn[f] = i;
          order.push(f);
        }
        const at = i * w + f;
        const v = values[k];
        if (typeof v === 'string') {
          b.tags[at] = STRING;
          // The key is most often a payload field too (cardId): one string for both.
          b.values[at] = v === key ? keyId : strings.id(f, v);
        } else if (typeof v === 'number') {
          b.tags[at] = NUMBER;
          b.values[at] = v;
        } else b.tags[at] = v === true ? TRUE : v === false ? FALSE : NULL;
      }
      b.shape[i] = this.shapeOf(order);
    }
    strings.done(++this.batches);
    return b;
  }

  private shapeOf(order: readonly number[]): number {
    // Up to 13 fields the order fits a number exactly (14^14 < 2^53); beyond, a text.
    let code: number | string = 0;
    if (this.width <= 13) for (const f of order) code = code * (this.width + 1) + f + 1;
    else code = order.join(',');
    let id = this.shapeIds.get(code);
    if (id === undefined) {
      id = this.shapes.length;
      this.shapes.push([...order]);
      this.shapeIds.set(code, id);
    }
    return id;
  }
}

/**
 * The strings of one batch, each sent once where that pays: a field whose values mostly repeat
 * (an event type) is looked up; one whose values are mostly new (a time text) is not, as the
 * lookup would cost more than the copy it saves. Decided per field from the batch before, and
 * every INTERN_RETRY batches all are tried again.
 */
class BatchStrings {
  private readonly maps: (Map<string, number> | undefined)[] = [];
  private readonly seen: number[];
  private readonly distinct: number[];

  constructor(
    private readonly out: string[],
    private readonly interned: boolean[],
  ) {
    this.seen = new Array<number>(interned.length).fill(0);
    this.distinct = new Array<number>(interned.length).fill(0);
  }

  id(slot: number, s: string): number {
    this.seen[slot]++;
    if (!this.interned[slot]) {
      this.distinct[slot]++;
      return this.out.push(s) - 1;
    }
    let map = this.maps[slot];
    if (map === undefined) map = this.maps[slot] = new Map();
    let id = map.get(s);
    if (id === undefined) {
      this.distinct[slot]++;
      id = this.out.push(s) - 1;
      map.set(s, id);
    }
    return id;
  }

  /** Decides, from this batch, which fields the next one looks up. */
  done(batches: number): void {
    for (let slot = 0; slot < this.interned.length; slot++)
      this.interned[slot] =
        batches % INTERN_RETRY === 0 || this.seen[slot] === 0 || this.distinct[slot] * 2 < this.seen[slot];
  }
}

const INTERN_RETRY = 16;

/** Rebuilds events from received batches (the receiving side of ColumnWriter). */
export class ColumnReader {
  private readonly projection: JsonProjection;
  private readonly names: readonly string[];

  constructor(readonly fields: readonly string[]) {
    this.projection = new JsonProjection(fields);
    this.names = this.projection.names;
  }

  /** The batch's events with from <= seq < to, in seq order, as readFields gives them. */
  events(b: ColumnBatch, from: number, to: number): ReplayEvent[] {
    const n = b.seq.length;
    // Stored seqs have no gaps: row i is seq b.from + i. Otherwise, found by scanning.
    let first = from - b.from;
    let last = to - b.from;
    if (n !== b.to - b.from) {
      first = 0;
      while (first < n && b.seq[first] < from) first++;
      last = first;
      while (last < n && b.seq[last] < to) last++;
    }
    const texts = b.texts.length > 0 ? new Map(b.texts) : null;
    const out = new Array<ReplayEvent>(last - first);
    for (let i = first; i < last; i++) {
      const k = b.key[i];
      out[i - first] = {
        seq: b.seq[i],
        ts: b.ts[i],
        key: k < 0 ? null : b.strings[k],
        payload: this.payload(b, i, texts),
      };
    }
    return out;
  }

  private payload(b: ColumnBatch, i: number, texts: Map<number, string> | null): Record<string, unknown> {
    const s = b.shape[i];
    if (s < 0) return this.projection.decode(texts!.get(i)!) as Record<string, unknown>;
    const names = this.names;
    const w = names.length;
    const out: Record<string, unknown> = {};
    for (const f of b.shapes[s]) {
      const at = i * w + f;
      const tag = b.tags[at];
      setField(
        out,
        names[f],
        tag === STRING
          ? b.strings[b.values[at]]
          : tag === NUMBER
            ? b.values[at]
            : tag === TRUE
              ? true
              : tag === FALSE
                ? false
                : null,
      );
    }
    return out;
  }
}
