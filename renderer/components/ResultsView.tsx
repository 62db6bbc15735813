/** Results tab frame. Matches and timed-out partial matches of a run are listed here. */
import { Icon } from './Icon';

export function ResultsView() {
  return (
    <div className="empty-state" data-testid="results-empty">
      <Icon name="results" size={22} />
      <div className="empty-state-title">No results yet</div>
      <div className="empty-state-text">Run the pattern over a recording to see its matches.</div>
    </div>
  );
}
