/**
 * Aggregates over a stage's bound events (`sum(b.amount)`, `count(b)`, …). When the context can
 * fold over the partial match incrementally (the runtime memoizes each fold on the shared-buffer
 * node, so extending a partial match by one event costs O(1)), that is used; otherwise (traces,
 * editor previews) the bound events are walked.
 */
import type { EventRecord } from '../pattern/spec';
import type { AggregateCall } from './bind';
import { pathGetter } from './values';

/** A left fold over the events bound to `stage`, oldest first; `id` names the fold for memoizing. */
export type FoldFn = <T>(stage: string, id: object, init: T, step: (acc: T, event: EventRecord) => T) => T;

export interface AggregateContext {
  eventsOf(stage: string): readonly EventRecord[];
  fold?: FoldFn;
}

export type AggregateFn = (event: EventRecord, ctx: AggregateContext) => unknown;

function folding<T>(
  stage: string,
  init: T,
  step: (acc: T, event: EventRecord) => T,
): (ctx: AggregateContext) => T {
  const id = {};
  return (c) => {
    if (c.fold !== undefined) return c.fold(stage, id, init, step);
    let acc = init;
    for (const ev of c.eventsOf(stage)) acc = step(acc, ev);
    return acc;
  };
}

export function aggregate(agg: AggregateCall): AggregateFn {
  const { stage } = agg;
  const get = pathGetter(agg.keys);
  switch (agg.fn) {
    case 'count': {
      const n =
        agg.keys.length === 0
          ? folding(stage, 0, (acc) => acc + 1)
          : folding(stage, 0, (acc, ev) => (get(ev) !== null ? acc + 1 : acc));
      return (_e, c) => n(c);
    }
    case 'sum': {
      const s = folding(stage, 0, (acc, ev) => {
        const v = get(ev);
        return typeof v === 'number' ? acc + v : acc;
      });
      return (_e, c) => s(c);
    }
    case 'avg': {
      const s = folding(stage, 0, (acc, ev) => {
        const v = get(ev);
        return typeof v === 'number' ? acc + v : acc;
      });
      const n = folding(stage, 0, (acc, ev) => (typeof get(ev) === 'number' ? acc + 1 : acc));
      return (_e, c) => {
        const count = n(c);
        return count === 0 ? null : s(c) / count;
      };
    }
    case 'min':
    case 'max': {
      const wantMax = agg.fn === 'max';
      const best = folding<number | null>(stage, null, (acc, ev) => {
        const v = get(ev);
        return typeof v === 'number' && (acc === null || (wantMax ? v > acc : v < acc)) ? v : acc;
      });
      return (_e, c) => best(c);
    }
    case 'first': {
      const first = folding<{ event: EventRecord } | null>(stage, null, (acc, ev) => acc ?? { event: ev });
      return (_e, c) => {
        const f = first(c);
        return f === null ? null : get(f.event);
      };
    }
    case 'last': {
      const last = folding<{ event: EventRecord } | null>(stage, null, (_acc, ev) => ({ event: ev }));
      return (_e, c) => {
        const l = last(c);
        return l === null ? null : get(l.event);
      };
    }
  }
}
