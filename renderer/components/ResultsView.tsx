/** Results tab frame: matches and timeouts of the replay session (renderer/replay). */
import { ResultsPanel } from '../replay/ResultsPanel';

export function ResultsView() {
  return <ResultsPanel />;
}
