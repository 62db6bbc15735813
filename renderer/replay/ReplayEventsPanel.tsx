/**
 * The event browser beside the replay (not a modal over it): the replayed recording's events,
 * the current one highlighted and kept in view; a click on a row seeks the replay to it. The filter
 * takes the condition language (`amount > 10000`, `type == 'transfer' && amount < 1`) or plain text;
 * a result's "Events" lists just its events.
 */
import { useMemo } from 'react';
import type { CepApi, EventFilter } from '../../electron/contract';
import { EventTable } from '../recordings/EventTable';
import { fieldsNamedIn, parseFilter } from '../recordings/filter-parse';
import { useDebounced } from '../recordings/use-debounced';
import { useEventPanelStore } from '../state/event-panel-store';
import { recordingById, useRecordingsStore } from '../state/recordings-store';
import { useReplayStore } from '../state/replay-store';
import { returnFocusToReplay } from './replay-focus';

export function ReplayEventsPanel({ api, recordingId }: { api: CepApi; recordingId: number }) {
  const recording = useRecordingsStore((s) => recordingById(s, recordingId));
  const currentSeq = useReplayStore((s) => (s.report?.focus ?? s.report?.event)?.seq);
  const filterText = useEventPanelStore((s) => s.filterText);
  const result = useEventPanelStore((s) => s.result);
  const settled = useDebounced(filterText, 250);
  const filter = useMemo<EventFilter>(
    () => (result ? { seqs: result.seqs } : parseFilter(settled)),
    [result, settled],
  );
  const unfiltered = Object.keys(filter).length === 0;
  const schema = recording?.schema;
  const leadFields = useMemo(
    () =>
      result || !schema
        ? []
        : fieldsNamedIn(
            settled,
            schema.map((f) => f.name),
          ),
    [result, settled, schema],
  );
  const panel = useEventPanelStore.getState;
  if (!recording) return null;

  return (
    <section className="replay-events" aria-label="Events of the recording" data-testid="replay-events">
      <div className="replay-events-head">
        <h3 className="replay-col-title">Events · {recording.name}</h3>
        <span className="replay-spacer" />
        <button
          type="button"
          className="icon-btn"
          aria-label="Close the event browser"
          title="Close"
          data-testid="replay-events-close"
          onClick={() => {
            panel().setOpen(false);
            returnFocusToReplay();
          }}
        >
          ×
        </button>
      </div>
      {result ? (
        <p className="replay-events-result" data-testid="replay-events-result">
          Events of {result.label}{' '}
          <button type="button" className="link-btn" onClick={() => panel().clearResult()}>
            show all events
          </button>
        </p>
      ) : (
        <input
          className="cx-input event-filter mono"
          data-testid="replay-events-filter"
          aria-label="Filter events"
          placeholder="Filter: amount > 10000, type == 'transfer' && amount < 1, or text"
          value={filterText}
          onChange={(e) => panel().setFilterText(e.target.value)}
        />
      )}
      <EventTable
        api={api}
        recordingId={recording.id}
        schema={recording.schema}
        filter={filter}
        currentSeq={currentSeq}
        followIndex={unfiltered ? currentSeq : undefined}
        maxFields={0}
        leadFields={leadFields}
        timeField={recording.timestampField}
        keyField={recording.keyField}
        onRowClick={(seq) => {
          void useReplayStore.getState().seek(api, { index: seq });
          returnFocusToReplay();
        }}
      />
    </section>
  );
}
