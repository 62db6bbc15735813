/** The timeline wired to the store: its data, the analysis progress, the position; seeks and scrubs. */
import type { CepApi } from '../../electron/contract';
import { useReplayStore } from '../state/replay-store';
import { Timeline } from './Timeline';

export function ReplayTimeline({ api }: { api: CepApi }) {
  const data = useReplayStore((s) => s.timeline);
  const analysis = useReplayStore((s) => s.analysis);
  const position = useReplayStore((s) => s.report?.position ?? 0);
  const total = useReplayStore((s) => s.report?.total ?? 0);
  const s = useReplayStore.getState;
  return (
    <Timeline
      data={data}
      position={position}
      total={total}
      analysis={analysis}
      onSeek={(p) => {
        s().setPlaying(api, false);
        void s().scrubTo(api, p, true);
      }}
      onScrub={(p) => {
        s().setPlaying(api, false);
        void s().scrubTo(api, p, false);
      }}
    />
  );
}
