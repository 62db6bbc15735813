/**
 * A recording's events as a virtualized table: only the visible rows are in the DOM and only their
 * pages are fetched, so a million-event recording scrolls like a small one. Columns: seq, time,
 * key, then the schema's fields.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { CepApi, EventFilter, InferredField } from '../../electron/contract';
import { fieldOf, formatCell, formatCount, formatTime } from './format';
import { useEventPages } from './use-event-pages';

const ROW_HEIGHT = 26;
const MAX_FIELDS = 12;

export interface EventTableProps {
  api: CepApi;
  recordingId: number;
  schema: InferredField[];
  filter: EventFilter;
  /** Highlights this seq (e.g. the replay's current event). */
  currentSeq?: number;
  onRowClick?: (seq: number) => void;
}

export function EventTable({ api, recordingId, schema, filter, currentSeq, onRowClick }: EventTableProps) {
  const pages = useEventPages(api, recordingId, filter);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-measures each render by design; nothing here is memoized
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => pages.ensure(first, last), [pages, first, last]);
  const fields = schema.slice(0, MAX_FIELDS);
  const template = `70px 190px 110px ${fields.map(() => 'minmax(90px, 1fr)').join(' ')}`;

  return (
    <div className="event-table" data-testid="event-table">
      <div className="event-table-status" data-testid="event-table-total">
        {pages.error ? (
          <span className="text-danger">{pages.error.message}</span>
        ) : pages.total === null ? (
          'Loading…'
        ) : (
          `${formatCount(pages.total)} events`
        )}
        {schema.length > MAX_FIELDS && ` · showing ${MAX_FIELDS} of ${schema.length} fields`}
      </div>
      <div className="event-table-head" style={{ gridTemplateColumns: template }} role="row">
        <span role="columnheader">#</span>
        <span role="columnheader">Time (UTC)</span>
        <span role="columnheader">Key</span>
        {fields.map((f) => (
          <span key={f.name} role="columnheader">
            {f.name}
          </span>
        ))}
      </div>
      <div ref={scrollRef} className="event-table-body" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const event = pages.row(item.index);
            return (
              <div
                key={item.key}
                role="row"
                className={`event-row${event && event.seq === currentSeq ? ' is-current' : ''}${onRowClick ? ' is-clickable' : ''}`}
                data-testid={event ? `event-row-${event.seq}` : undefined}
                style={{
                  gridTemplateColumns: template,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
                onClick={event && onRowClick ? () => onRowClick(event.seq) : undefined}
              >
                {event ? (
                  <>
                    <span className="num">{event.seq}</span>
                    <span className="mono">{formatTime(event.ts)}</span>
                    <span className="mono">{event.key ?? ''}</span>
                    {fields.map((f) => (
                      <span key={f.name} className="mono" title={formatCell(fieldOf(event.payload, f.name))}>
                        {formatCell(fieldOf(event.payload, f.name))}
                      </span>
                    ))}
                  </>
                ) : (
                  <span className="text-faint">…</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
