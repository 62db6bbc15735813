/**
 * An open replay session: controls, timeline, the step (event + trace), partial matches, outputs,
 * tools, and the event browser beside them when open. Each part reads its own slice of the store,
 * so a step re-renders what shows the step and nothing else (the timeline's body, the tools and the
 * frame stay as they are).
 */
import { useCallback, useState } from 'react';
import type { CepApi } from '../../electron/contract';
import type { EventSchema } from '../../engine/pattern/spec';
import { useEventPanelStore } from '../state/event-panel-store';
import { useReplayStore } from '../state/replay-store';
import { CurrentEvent } from './CurrentEvent';
import { EventTrace } from './EventTrace';
import { PartialMatches } from './PartialMatches';
import { REPLAY_FOCUS_ID } from './replay-focus';
import { ReplayEventsPanel } from './ReplayEventsPanel';
import { ReplaySideTabs, type ReplaySideTab } from './ReplaySideTabs';
import { ReplayToolbar } from './ReplayToolbar';
import { ReplayTimeline } from './ReplayTimeline';
import { StepOutputs } from './StepOutputs';

function ReplayNotes() {
  const error = useReplayStore((s) => s.error);
  const runNote = useReplayStore((s) => s.runNote);
  const stoppedAnalysis = useReplayStore((s) => s.timeline?.stopped ?? null);
  return (
    <>
      {error && (
        <p className="notice notice-error" role="alert" data-testid="replay-error">
          {error.message}
        </p>
      )}
      {stoppedAnalysis && (
        <p className="notice notice-error" role="alert" data-testid="replay-analysis-stopped">
          The whole-recording analysis stopped: {stoppedAnalysis}.
        </p>
      )}
      {runNote && (
        <p className="notice" data-testid="replay-run-note">
          {runNote}
        </p>
      )}
    </>
  );
}

function StepColumn() {
  const report = useReplayStore((s) => s.report);
  const stopped = useReplayStore((s) => s.lastHit !== null);
  if (!report) return null;
  return (
    <section className="replay-col" aria-label="Current event and trace">
      <h3 className="replay-col-title">Current event</h3>
      <CurrentEvent report={report} stopped={stopped} />
      <h3 className="replay-col-title">Trace</h3>
      <EventTrace report={report} />
    </section>
  );
}

function MatchesColumn({
  withinMs,
  onPickSeq,
}: {
  withinMs: number | null;
  onPickSeq: (seq: number) => void;
}) {
  const report = useReplayStore((s) => s.report);
  if (!report) return null;
  const subjectKey = (report.focus ?? report.event)?.key ?? '';
  return (
    <section className="replay-col" aria-label="Partial matches and outputs">
      <h3 className="replay-col-title">Partial matches{subjectKey ? ` · key ${subjectKey}` : ''}</h3>
      <PartialMatches report={report} withinMs={withinMs} onPickSeq={onPickSeq} />
      <h3 className="replay-col-title">Outputs of this step</h3>
      <StepOutputs report={report} />
    </section>
  );
}

export interface ReplaySessionProps {
  api: CepApi;
  withinMs: number | null;
  /** Fields breakpoint conditions may use. */
  schema?: EventSchema;
}

export function ReplaySession({ api, withinMs, schema }: ReplaySessionProps) {
  const session = useReplayStore((s) => s.session);
  const hasReport = useReplayStore((s) => s.report !== null);
  const eventsOpen = useEventPanelStore((s) => s.open);
  const [tab, setTab] = useState<ReplaySideTab>('breakpoints');
  const pickedSeq = useReplayStore((s) => s.pickedSeq);
  // An event picked elsewhere (a failing test's jump) opens its "why not?".
  const [seenPick, setSeenPick] = useState(pickedSeq);
  if (pickedSeq !== seenPick) {
    setSeenPick(pickedSeq);
    if (pickedSeq !== null) setTab('why-not');
  }
  const pick = useCallback((seq: number) => {
    useReplayStore.getState().pickSeq(seq);
    setTab('why-not');
  }, []);
  if (!session || !hasReport) return null;
  const stages = session.stages.map((s) => s.stage);

  return (
    <div className={eventsOpen ? 'replay-body has-events' : 'replay-body'}>
      <div
        className="replay-session"
        data-testid="replay-panel"
        id={REPLAY_FOCUS_ID}
        tabIndex={-1}
        aria-label="Replay: ← → step, Space plays, Home/End jump"
      >
        <ReplayToolbar api={api} />
        <ReplayTimeline api={api} />
        <ReplayNotes />
        <div className="replay-grid">
          <StepColumn />
          <MatchesColumn withinMs={withinMs} onPickSeq={pick} />
          <section className="replay-col" aria-label="Debugger tools">
            <ReplaySideTabs api={api} stages={stages} schema={schema} tab={tab} onTab={setTab} />
          </section>
        </div>
      </div>
      {eventsOpen && <ReplayEventsPanel api={api} recordingId={session.recordingId} />}
    </div>
  );
}
