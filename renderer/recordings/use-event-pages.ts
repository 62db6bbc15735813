/**
 * Pages of a recording's events for a virtualized table: rows are fetched in pages of PAGE_SIZE
 * through recordings.readEvents (with the filter) only when they scroll into view, and cached.
 * A new recording or filter starts a new cache; late answers for an old one are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { CepError, type CepApi, type EventFilter, type StoredEvent } from '../../electron/contract';

export const PAGE_SIZE = 200;

export interface EventPages {
  /** Events matching the filter (null until the first page answered). */
  total: number | null;
  row(index: number): StoredEvent | undefined;
  /** Asks for the pages covering rows [from, to]. */
  ensure(from: number, to: number): void;
  error: CepError | null;
}

export function useEventPages(api: CepApi, recordingId: number, filter: EventFilter): EventPages {
  // Answers are tagged with the source (recording + filter) they belong to; a stale tag reads as empty.
  const [answer, setAnswer] = useState<{ source: string; total: number | null; error: CepError | null }>({
    source: '',
    total: null,
    error: null,
  });
  const cache = useRef(new Map<number, StoredEvent[]>());
  const pending = useRef(new Set<number>());
  const generation = useRef(0);
  const filterKey = JSON.stringify(filter);
  const source = `${recordingId}:${filterKey}`;

  const load = useCallback(
    (page: number) => {
      if (cache.current.has(page) || pending.current.has(page)) return;
      pending.current.add(page);
      const gen = generation.current;
      const parsed = JSON.parse(filterKey) as EventFilter;
      const hasFilter = Object.keys(parsed).length > 0;
      api.recordings
        .readEvents({
          id: recordingId,
          offset: page * PAGE_SIZE,
          limit: PAGE_SIZE,
          ...(hasFilter ? { filter: parsed } : {}),
        })
        .then(
          (result) => {
            if (gen !== generation.current) return;
            pending.current.delete(page);
            cache.current.set(page, result.events);
            setAnswer({ source: `${recordingId}:${filterKey}`, total: result.total, error: null });
          },
          (err: unknown) => {
            if (gen !== generation.current) return;
            pending.current.delete(page);
            setAnswer((a) => ({ ...a, source: `${recordingId}:${filterKey}`, error: CepError.from(err) }));
          },
        );
    },
    [api, recordingId, filterKey],
  );

  useEffect(() => {
    generation.current += 1;
    cache.current = new Map();
    pending.current = new Set();
    load(0);
  }, [load]);

  const current = answer.source === source;
  return {
    total: current ? answer.total : null,
    error: current ? answer.error : null,
    row: (index) => cache.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ensure: (from, to) => {
      for (
        let p = Math.floor(Math.max(0, from) / PAGE_SIZE);
        p <= Math.floor(Math.max(0, to) / PAGE_SIZE);
        p++
      )
        load(p);
    },
  };
}
