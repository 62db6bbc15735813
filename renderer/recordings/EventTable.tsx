/**
 * A recording's events as a virtualized table: only the visible rows are in the DOM and only their
 * pages are fetched, so a million-event recording scrolls like a small one. Columns: seq, time,
 * key, then the schema's fields.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useEffect, useMemo, useRef } from 'react';
import type { CepApi, EventFilter, InferredField } from '../../electron/contract';
import { eventNumber } from '../../engine/debug/event-label';
import { fieldOf, formatCell, formatCount, formatTime } from './format';
import { useEventPages } from './use-event-pages';
import './recordings.css';

const ROW_HEIGHT = 26;
/** A narrow panel's rows have two lines: number, time and key, then the fields at full width. */
const SUMMARY_ROW_HEIGHT = 44;
const MAX_FIELDS = 12;

export interface EventTableProps {
  api: CepApi;
  recordingId: number;
  schema: InferredField[];
  filter: EventFilter;
  /** Highlights this seq (e.g. the replay's current event). */
  currentSeq?: number;
  /** Keeps this row in view as it changes (the unfiltered table: row index = seq). */
  followIndex?: number;
  /** Event fields shown as columns; 0 puts them all in one "Fields" column (a narrow panel). */
  maxFields?: number;
  /** With maxFields 0: these fields first in the "Fields" column (e.g. the ones the filter names). */
  leadFields?: readonly string[];
  /** With maxFields 0: the recording's time field, last in the "Fields" column (the Time column shows it). */
  timeField?: string;
  /** The recording's key field (chosen at import): the Key column says which field it shows. */
  keyField?: string | null;
  onRowClick?: (seq: number) => void;
}

/**
 * All fields of an event on the row's second line, the panel's full width: the lead fields' values
 * first (their names are in the header), "transfer · 12500 · cardId=c1 …", then the others by name;
 * each value and the whole row have their text in a tooltip.
 */
function FieldsSummary({
  payload,
  lead,
  rest,
}: {
  payload: Record<string, unknown>;
  lead: readonly string[];
  rest: readonly string[];
}) {
  const cell = (name: string): string => formatCell(fieldOf(payload, name));
  const title = [...lead, ...rest].map((name) => `${name}=${cell(name)}`).join(' ');
  // Separators are text (not CSS) so the row reads the same when copied: "transfer · 12500 · id=… ts=…".
  const parts = [
    ...lead.map((name) => ({ name, text: cell(name), lead: true })),
    ...rest.map((name) => ({ name, text: `${name}=${cell(name)}`, lead: false })),
  ];
  return (
    <span className="mono event-fields" title={title} data-testid="event-fields">
      {parts.map((p, i) => (
        <Fragment key={p.name}>
          {i > 0 && (parts[i - 1].lead ? ' · ' : ' ')}
          <span
            className={p.lead ? 'event-field is-lead' : 'event-field'}
            title={`${p.name}=${cell(p.name)}`}
          >
            {p.text}
          </span>
        </Fragment>
      ))}
    </span>
  );
}

export function EventTable({
  api,
  recordingId,
  schema,
  filter,
  currentSeq,
  followIndex,
  maxFields = MAX_FIELDS,
  leadFields = [],
  timeField,
  keyField,
  onRowClick,
}: EventTableProps) {
  const pages = useEventPages(api, recordingId, filter);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = pages.total ?? 0;
  const summary = maxFields === 0;
  const rowHeight = summary ? SUMMARY_ROW_HEIGHT : ROW_HEIGHT;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-measures each render by design; nothing here is memoized
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 20,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => pages.ensure(first, last), [pages, first, last]);
  useEffect(() => {
    if (followIndex !== undefined && followIndex < count)
      virtualizer.scrollToIndex(followIndex, { align: 'auto' });
  }, [virtualizer, followIndex, count]);
  const fields = schema.slice(0, maxFields);
  const restFields = useMemo(() => {
    const rest = schema.map((f) => f.name).filter((name) => !leadFields.includes(name));
    const time = rest.indexOf(timeField ?? '');
    return time < 0 ? rest : [...rest.slice(0, time), ...rest.slice(time + 1), rest[time]];
  }, [leadFields, schema, timeField]);
  // A narrow panel: the time without its year (the full one in the tooltip); the fields go below.
  const template = summary
    ? '44px 150px minmax(48px, 1fr)'
    : `64px 170px minmax(80px, 110px) ${fields.map(() => 'minmax(70px, 1fr)').join(' ')}`;

  return (
    <div className="event-table" data-testid="event-table">
      <div className="event-table-status" data-testid="event-table-total">
        {pages.error ? (
          <span className="text-danger">{pages.error.message}</span>
        ) : pages.total === null ? (
          'Loading…'
        ) : (
          `${formatCount(pages.total)} event${pages.total === 1 ? '' : 's'}`
        )}
        {!summary && schema.length > maxFields && ` · showing ${maxFields} of ${schema.length} fields`}
      </div>
      <div
        className={summary ? 'event-table-head is-summary' : 'event-table-head'}
        style={{ gridTemplateColumns: template }}
        role="row"
      >
        <span role="columnheader">#</span>
        <span role="columnheader">Time (UTC)</span>
        <span role="columnheader" title="The recording's key field, chosen at import">
          {keyField ?? 'Key'}
        </span>
        {fields.map((f) => (
          <span key={f.name} role="columnheader">
            {f.name}
          </span>
        ))}
        {summary && (
          <span role="columnheader" className="event-fields-head" data-testid="event-table-fields-head">
            {leadFields.length > 0 ? `${leadFields.join(' · ')} · other fields` : 'Fields'}
          </span>
        )}
      </div>
      <div ref={scrollRef} className="event-table-body" role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const event = pages.row(item.index);
            return (
              <div
                key={item.key}
                role="row"
                className={`event-row${summary ? ' is-summary' : ''}${event && event.seq === currentSeq ? ' is-current' : ''}${onRowClick ? ' is-clickable' : ''}`}
                data-testid={event ? `event-row-${event.seq}` : undefined}
                style={{
                  gridTemplateColumns: template,
                  height: rowHeight,
                  transform: `translateY(${item.start}px)`,
                }}
                onClick={event && onRowClick ? () => onRowClick(event.seq) : undefined}
              >
                {event ? (
                  <>
                    <span className="num">{eventNumber(event.seq)}</span>
                    <span className="mono" title={formatTime(event.ts)}>
                      {summary ? formatTime(event.ts).slice(5) : formatTime(event.ts)}
                    </span>
                    <span className="mono">{event.key ?? ''}</span>
                    {fields.map((f) => (
                      <span key={f.name} className="mono" title={formatCell(fieldOf(event.payload, f.name))}>
                        {formatCell(fieldOf(event.payload, f.name))}
                      </span>
                    ))}
                    {summary && <FieldsSummary payload={event.payload} lead={leadFields} rest={restFields} />}
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
