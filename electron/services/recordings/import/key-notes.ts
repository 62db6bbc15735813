/**
 * The rows of `event_keys` (migration 007) an import will write, gathered where the file is
 * parsed: each stored event's seq noted under its key as the rows go by (seqs come in ascending
 * order, so each key's list is sorted as it grows), then the distinct keys sorted once after the
 * last row. In the app this runs in the parse worker, beside the thread that writes the events,
 * so the importing thread neither keeps the map nor sorts: it only inserts the rows
 * (key-table.ts), in key order, which appends to the table's B-tree.
 */

/** The rows in key order: key i is keyText[keyEnds[i - 1] ?? 0, keyEnds[i]) and holds `counts[i]` seqs, next in `seqs`. */
export interface SortedKeyRows {
  keyText: string;
  keyEnds: Uint32Array<ArrayBuffer>;
  counts: Uint32Array<ArrayBuffer>;
  seqs: Float64Array<ArrayBuffer>;
}

/** Grown by doubling, the old contents kept. */
function grown(array: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (needed < array.length) return array;
  const bigger = new Int32Array(Math.max(needed + 1, array.length * 2));
  bigger.set(array);
  return bigger;
}

/** Two sorted arrays of distinct keys as one, in code-unit order (`<` on strings, as Array.prototype.sort). */
function merged(a: string[], b: string[]): string[] {
  if (a.length === 0) return b;
  const out = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let o = 0;
  while (i < a.length && j < b.length) out[o++] = a[i] < b[j] ? a[i++] : b[j++];
  while (i < a.length) out[o++] = a[i++];
  while (j < b.length) out[o++] = b[j++];
  return out;
}

/** FNV-1a over the key's UTF-16 code units. */
function hashOf(key: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h;
}

export class KeyNotes {
  /**
   * Each distinct key's number (in order of first sight) by its hash, open addressing (-1: free
   * slot), half full at most. A Map<string, number> cost about a third more per row (1M rows,
   * 210k keys), with its entries and buckets apart from the keys.
   */
  private slots = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(512);
  private readonly keys: string[] = [];
  /**
   * Row r (in the order noted) is seq seqAt[r] of key number keyAt[r]; count[id] rows per key.
   * sorted() places the seqs by a counting pass over these, in row order; per-key linked lists
   * walked key by key cost a dependent cache miss per row (0.2-0.6 s per 1M rows, after the last).
   */
  private count = new Int32Array(1024);
  private seqAt = new Int32Array(16 * 1024);
  private keyAt = new Int32Array(16 * 1024);
  private rows = 0;
  /** keys[0, sortedUpTo) sorted (presort), to be merged with the rest at the end. */
  private sortedKeys: string[] = [];
  private sortedUpTo = 0;

  /**
   * Sorts the keys noted so far when enough are new (the parse worker calls it while it waits for
   * the importer), so that after the last row only the keys first seen since are sorted and merged.
   */
  presort(minFresh = 4096): void {
    const fresh = this.keys.length - this.sortedUpTo;
    if (fresh < minFresh || fresh * 8 < this.sortedUpTo) return;
    this.sortedKeys = merged(this.sortedKeys, this.keys.slice(this.sortedUpTo).sort());
    this.sortedUpTo = this.keys.length;
  }

  /** The slot of `key` (hash `hash`): the one holding it, or the free one where it goes. */
  private slotOf(key: string, hash: number): number {
    const { slots, hashes, keys } = this;
    const mask = slots.length - 1;
    for (let s = hash & mask; ; s = (s + 1) & mask) {
      const id = slots[s];
      if (id === -1 || (hashes[id] === hash && keys[id] === key)) return s;
    }
  }

  /** The slot table doubled, every key placed again. */
  private growSlots(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.keys.length; id++) {
      let s = this.hashes[id] & mask;
      while (slots[s] !== -1) s = (s + 1) & mask;
      slots[s] = id;
    }
    this.slots = slots;
  }

  /** Notes an event's key (seqs in ascending order, each once). */
  add(key: string, seq: number): void {
    const hash = hashOf(key);
    const slot = this.slotOf(key, hash);
    let id = this.slots[slot];
    if (id === -1) {
      id = this.keys.length;
      this.slots[slot] = id;
      this.keys.push(key);
      this.hashes = grown(this.hashes, id);
      this.hashes[id] = hash;
      if ((id + 1) * 2 > this.slots.length) this.growSlots();
      this.count = grown(this.count, id);
    }
    this.count[id] += 1;
    const row = this.rows++;
    this.seqAt = grown(this.seqAt, row);
    this.keyAt = grown(this.keyAt, row);
    this.seqAt[row] = seq;
    this.keyAt[row] = id;
  }

  /** Every noted row, in key order (then seq order); lets go of the notes. */
  sorted(): SortedKeyRows {
    // Code-unit order, as SQLite's BINARY collation orders ASCII keys (any order is correct; this one appends).
    const keys = merged(this.sortedKeys, this.keys.slice(this.sortedUpTo).sort());
    const keyEnds = new Uint32Array(keys.length);
    const counts = new Uint32Array(keys.length);
    const seqs = new Float64Array(this.rows);
    const { slots, count, seqAt, keyAt, rows } = this;
    // Where each key's seqs start, by key number; rows come in seq order, so each key's stay sorted.
    const next = new Int32Array(this.keys.length);
    let end = 0;
    let at = 0;
    for (let i = 0; i < keys.length; i++) {
      keyEnds[i] = end += keys[i].length;
      const id = slots[this.slotOf(keys[i], hashOf(keys[i]))];
      next[id] = at;
      at += counts[i] = count[id];
    }
    for (let r = 0; r < rows; r++) seqs[next[keyAt[r]]++] = seqAt[r];
    this.slots = new Int32Array(1024).fill(-1);
    this.count = new Int32Array(1024);
    this.seqAt = new Int32Array(16 * 1024);
    this.keyAt = new Int32Array(16 * 1024);
    this.keys.length = 0;
    this.sortedKeys = [];
    this.sortedUpTo = 0;
    this.rows = 0;
    return { keyText: keys.join(''), keyEnds, counts, seqs };
  }
}
