/** An open replay session: controls, timeline, the step (event + trace), partial matches, outputs, tools. */
import { useState } from 'react';
import type { CepApi } from '../../electron/contract';
import { useReplayStore } from '../state/replay-store';
import { CurrentEvent } from './CurrentEvent';
import { EventTrace } from './EventTrace';
import { PartialMatches } from './PartialMatches';
import { ReplaySideTabs, type ReplaySideTab } from './ReplaySideTabs';
import { ReplayToolbar } from './ReplayToolbar';
import { StepOutputs } from './StepOutputs';
import { Timeline } from './Timeline';

export function ReplaySession({ api, withinMs }: { api: CepApi; withinMs: number | null }) {
  const session = useReplayStore((s) => s.session);
  const report = useReplayStore((s) => s.report);
  const timeline = useReplayStore((s) => s.timeline);
  const analysis = useReplayStore((s) => s.analysis);
  const error = useReplayStore((s) => s.error);
  const runNote = useReplayStore((s) => s.runNote);
  const [tab, setTab] = useState<ReplaySideTab>('breakpoints');
  const pickedSeq = useReplayStore((s) => s.pickedSeq);
  // An event picked elsewhere (a failing test's jump) opens its "why not?".
  const [seenPick, setSeenPick] = useState(pickedSeq);
  if (pickedSeq !== seenPick) {
    setSeenPick(pickedSeq);
    if (pickedSeq !== null) setTab('why-not');
  }
  if (!session || !report) return null;
  const stages = session.stages.map((s) => s.stage);
  const pick = (seq: number) => {
    useReplayStore.getState().pickSeq(seq);
    setTab('why-not');
  };

  return (
    <div className="replay-session" data-testid="replay-panel">
      <ReplayToolbar api={api} />
      <Timeline
        data={timeline}
        position={report.position}
        total={report.total}
        analysis={analysis}
        onSeek={(position) => void useReplayStore.getState().seek(api, { position })}
      />
      {error && (
        <p className="notice notice-error" role="alert" data-testid="replay-error">
          {error.message}
        </p>
      )}
      {timeline?.stopped && (
        <p className="notice notice-error" role="alert" data-testid="replay-analysis-stopped">
          The whole-recording analysis stopped: {timeline.stopped}.
        </p>
      )}
      {runNote && (
        <p className="notice" data-testid="replay-run-note">
          {runNote}
        </p>
      )}
      <div className="replay-grid">
        <section className="replay-col" aria-label="Current event and trace">
          <h3 className="replay-col-title">Current event</h3>
          <CurrentEvent report={report} />
          <h3 className="replay-col-title">Trace</h3>
          <EventTrace report={report} />
        </section>
        <section className="replay-col" aria-label="Partial matches and outputs">
          <h3 className="replay-col-title">
            Partial matches{report.event && report.event.key !== '' ? ` · key ${report.event.key}` : ''}
          </h3>
          <PartialMatches report={report} withinMs={withinMs} onPickSeq={pick} />
          <h3 className="replay-col-title">Outputs of this step</h3>
          <StepOutputs report={report} />
        </section>
        <section className="replay-col" aria-label="Debugger tools">
          <ReplaySideTabs api={api} stages={stages} tab={tab} onTab={setTab} />
        </section>
      </div>
    </div>
  );
}
