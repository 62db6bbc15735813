/** Replay tab frame. The replay feature (step debugger over a recording) renders here. */
import { Icon } from './Icon';

export function ReplayView() {
  return (
    <div className="empty-state" data-testid="replay-empty">
      <Icon name="replay" size={22} />
      <div className="empty-state-title">No recording loaded</div>
      <div className="empty-state-text">Load a recording of events to step through how the pattern matches them.</div>
    </div>
  );
}
