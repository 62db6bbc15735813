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
  /** Per key number its first and last seq; per seq the key's next seq (-1: none), in a list. */
  private first = new Int32Array(1024);
  private last = new Int32Array(1024);
  private next = new Int32Array(16 * 1024);
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
    this.next = grown(this.next, seq);
    this.next[seq] = -1;
    const hash = hashOf(key);
    const slot = this.slotOf(key, hash);
    const id = this.slots[slot];
    if (id === -1) {
      const fresh = this.keys.length;
      this.slots[slot] = fresh;
      this.keys.push(key);
      this.hashes = grown(this.hashes, fresh);
      this.hashes[fresh] = hash;
      if ((fresh + 1) * 2 > this.slots.length) this.growSlots();
      this.first = grown(this.first, fresh);
      this.last = grown(this.last, fresh);
      this.first[fresh] = seq;
      this.last[fresh] = seq;
    } else {
      this.next[this.last[id]] = seq;
      this.last[id] = seq;
    }
    this.rows += 1;
  }

  /** Every noted row, in key order (then seq order); lets go of the notes. */
  sorted(): SortedKeyRows {
    // Code-unit order, as SQLite's BINARY collation orders ASCII keys (any order is correct; this one appends).
    const keys = merged(this.sortedKeys, this.keys.slice(this.sortedUpTo).sort());
    const keyEnds = new Uint32Array(keys.length);
    const counts = new Uint32Array(keys.length);
    const seqs = new Float64Array(this.rows);
    const { slots, first, next } = this;
    let end = 0;
    let at = 0;
    for (let i = 0; i < keys.length; i++) {
      keyEnds[i] = end += keys[i].length;
      const from = at;
      const id = slots[this.slotOf(keys[i], hashOf(keys[i]))];
      for (let seq = first[id]; seq !== -1; seq = next[seq]) seqs[at++] = seq;
      counts[i] = at - from;
    }
    this.slots = new Int32Array(1024).fill(-1);
    this.keys.length = 0;
    this.sortedKeys = [];
    this.sortedUpTo = 0;
    this.rows = 0;
    return { keyText: keys.join(''), keyEnds, counts, seqs };
  }
}
