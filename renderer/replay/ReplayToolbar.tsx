/**
 * Transport controls (start, step back, play/pause, step forward, run to breakpoint, run to end),
 * speed, seek, where we are, the watermark and the running totals.
 */
import type { CepApi, StepReport } from '../../electron/contract';
import { ProgressBar } from '../recordings/ProgressBar';
import { formatCount, formatTime } from '../recordings/format';
import { PLAY_SPEEDS, useReplayStore } from '../state/replay-store';
import { useUiStore } from '../state/ui-store';
import { describePosition } from './describe';
import { returnFocusToReplay } from './replay-focus';
import { SeekBox } from './SeekBox';
import { TransportIcon, type TransportIconName } from './TransportIcon';

function ToolButton({
  label,
  keys,
  testId,
  onClick,
  disabled,
  icon,
}: {
  label: string;
  keys: string;
  testId: string;
  onClick: () => void;
  disabled?: boolean;
  icon: TransportIconName;
}) {
  return (
    <button
      type="button"
      className="btn replay-btn"
      aria-label={label}
      title={`${label} (${keys})`}
      data-testid={testId}
      onClick={onClick}
      disabled={disabled}
    >
      <TransportIcon name={icon} />
    </button>
  );
}

/** A run to the end or to a breakpoint: how far it got, and Cancel (Esc). */
function RunProgress({ api }: { api: CepApi }) {
  const running = useReplayStore((s) => s.running);
  if (!running) return null;
  return (
    <span className="replay-running" data-testid="replay-running" role="status">
      {running.until === 'end' ? 'Running to the end…' : 'Running to the next breakpoint…'}{' '}
      {formatCount(running.done)} of {formatCount(running.total)} steps
      <ProgressBar value={running.done} max={running.total} label="Run progress" />
      <button
        type="button"
        className="btn"
        data-testid="replay-cancel-run"
        title="Cancel the run (Esc)"
        onClick={() => void useReplayStore.getState().cancelRun(api)}
      >
        Cancel
      </button>
    </span>
  );
}

export function ReplayToolbar({ api }: { api: CepApi }) {
  const report = useReplayStore((s) => s.report);
  const playing = useReplayStore((s) => s.playing);
  const speed = useReplayStore((s) => s.speed);
  const busy = useReplayStore((s) => s.busy);
  const running = useReplayStore((s) => s.running !== null);
  const s = useReplayStore.getState;
  if (!report) return null;
  const atStart = report.position === 0;
  const atEnd = report.position >= report.total;
  const pause = () => s().setPlaying(api, false);

  return (
    <div className="replay-toolbar" role="toolbar" aria-label="Replay controls">
      <ToolButton
        label="Go to start"
        keys="Home"
        testId="replay-to-start"
        disabled={atStart}
        onClick={() => {
          pause();
          void s().seek(api, { position: 0 });
        }}
        icon="start"
      />
      <ToolButton
        label="Step back"
        keys="← or ,"
        testId="replay-step-back"
        disabled={atStart}
        onClick={() => {
          pause();
          void s().step(api, 'back');
        }}
        icon="back"
      />
      <ToolButton
        label={playing ? 'Pause' : 'Play'}
        keys="Space"
        testId="replay-play"
        disabled={atEnd && !playing}
        onClick={() => s().setPlaying(api, !playing)}
        icon={playing ? 'pause' : 'play'}
      />
      <ToolButton
        label="Step forward"
        keys="→ or ."
        testId="replay-step-forward"
        disabled={atEnd}
        onClick={() => {
          pause();
          void s().step(api, 'forward');
        }}
        icon="forward"
      />
      <ToolButton
        label="Run to next breakpoint"
        keys="F5"
        testId="replay-run-breakpoint"
        disabled={atEnd || running}
        onClick={() => void s().run(api, 'breakpoint')}
        icon="breakpoint"
      />
      <ToolButton
        label="Run to end"
        keys="End"
        testId="replay-run-end"
        disabled={atEnd || running}
        onClick={() => void s().run(api, 'end')}
        icon="end"
      />
      <select
        className="cx-input replay-speed"
        aria-label="Play speed (steps per second)"
        title="Play speed"
        value={speed}
        onChange={(e) => {
          s().setSpeed(Number(e.target.value));
          returnFocusToReplay();
        }}
      >
        {PLAY_SPEEDS.map((v) => (
          <option key={v} value={v}>
            {v}/s
          </option>
        ))}
      </select>
      <SeekBox
        onSeek={(target) => {
          pause();
          void s().seek(api, target);
        }}
      />
      <span className="replay-position" data-testid="replay-position" aria-live="polite">
        {describePosition(report)}
        {busy && <span className="replay-busy" aria-label="working" />}
      </span>
      <RunProgress api={api} />
      <span className="replay-spacer" />
      <span
        className="replay-watermark"
        data-testid="replay-watermark"
        title="Event-time watermark: the engine's notion of “time has passed up to here”"
      >
        Watermark {watermarkText(report)}
        {report.waitingForWatermark && (
          <span className="pill pill-warning" data-testid="replay-waiting">
            waiting for watermark
          </span>
        )}
        {report.bufferedEvents > 0 && (
          <span className="pill">{formatCount(report.bufferedEvents)} buffered</span>
        )}
      </span>
      <span className="replay-totals" data-testid="replay-totals">
        <span className="pill pill-success">
          {formatCount(report.totals.matches)} {report.totals.matches === 1 ? 'match' : 'matches'}
        </span>
        <span className="pill pill-warning">
          {formatCount(report.totals.timeouts)} {report.totals.timeouts === 1 ? 'timeout' : 'timeouts'}
        </span>
        <button
          type="button"
          className="pill pill-button"
          data-testid="replay-late-pill"
          title="List the late events in Results"
          onClick={() => {
            s().setResultsKind('late');
            useUiStore.getState().showBottomTab('results');
          }}
        >
          {formatCount(report.totals.late)} late
        </button>
      </span>
    </div>
  );
}

/** ±∞ cross JSON as null: at the end of input in event time the watermark is +∞, every window closed. */
function watermarkText(report: StepReport): string {
  if (report.watermark !== null) return formatTime(report.watermark);
  return report.endOfInput && report.time === 'event' ? '+∞' : '—';
}
