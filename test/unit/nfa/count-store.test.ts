/**
 * The counting entries' store (engine/nfa/count-store.ts), shared by many keys: random appends,
 * drops of the oldest entries and releases on several keys, against plain per-key lists. Every key
 * reads back exactly its entries after every operation (no block handed to two keys, nothing lost
 * when a block grows or drops), and no slot outside a live entry still holds an event (released
 * events are not kept alive).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CountStore } from '../../../engine/nfa/count-store';
import type { EventRecord } from '../../../engine/pattern/spec';

interface Entry {
  ts: number;
  fid: number;
  seq: number;
  event: EventRecord;
}

interface Key {
  at: number;
  len: number;
  model: Entry[];
}

const opArb = fc.tuple(
  fc.nat(4),
  fc.constantFrom('append', 'append', 'append', 'drop', 'release'),
  fc.nat(20),
);

function append(store: CountStore, k: Key, e: Entry): void {
  if (k.len === 0) k.at = store.alloc(0);
  else if (k.len === store.capacity(k.at)) k.at = store.grow(k.at, k.len);
  store.set(k.at + k.len, e.ts, e.fid, e.seq, e.event);
  k.len++;
  k.model.push(e);
}

function drop(store: CountStore, k: Key, n: number): void {
  if (k.len === 0) return;
  const d = 1 + (n % k.len);
  if (d === k.len) {
    store.release(k.at, k.len);
    k.at = -1;
    k.len = 0;
  } else {
    store.dropFirst(k.at, d, k.len);
    k.len -= d;
  }
  k.model.splice(0, d);
}

function check(store: CountStore, keys: Key[]): void {
  const live = new Set<number>();
  for (const k of keys) {
    expect(k.len).toBe(k.model.length);
    for (let i = 0; i < k.len; i++) {
      const j = k.at + i;
      expect(live.has(j), `slot ${j} held by two keys`).toBe(false);
      live.add(j);
      const e = k.model[i];
      expect([store.ts[j], store.fid[j], store.seq[j], store.events[j]]).toEqual([
        e.ts,
        e.fid,
        e.seq,
        e.event,
      ]);
    }
  }
  store.events.forEach((e, j) => {
    if (!live.has(j)) expect(e, `slot ${j} keeps a released event`).toBeUndefined();
  });
}

describe('the counting store', () => {
  it('gives every key its own entries back, and keeps no released event', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 200 }), (ops) => {
        const store = new CountStore();
        const keys: Key[] = Array.from({ length: 5 }, () => ({ at: -1, len: 0, model: [] }));
        let n = 0;
        for (const [which, op, arg] of ops) {
          const k = keys[which];
          if (op === 'append') {
            n++;
            append(store, k, { ts: 1e12 + n * 1000.5, fid: arg, seq: n, event: { n } });
          } else if (op === 'drop') drop(store, k, arg);
          else if (k.len > 0) drop(store, k, k.len - 1);
          check(store, keys);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('grows past its first columns with many keys live at once', () => {
    const store = new CountStore();
    const keys: Key[] = Array.from({ length: 300 }, () => ({ at: -1, len: 0, model: [] }));
    let n = 0;
    for (let round = 0; round < 6; round++)
      for (const k of keys) {
        n++;
        append(store, k, { ts: n, fid: 0, seq: n, event: { n } });
      }
    for (const k of keys.slice(0, 150)) drop(store, k, 2);
    check(store, keys);
  });
});
