/** Replay tab frame: the replay debugger (renderer/replay). */
import { ReplayPanel } from '../replay/ReplayPanel';

export function ReplayView() {
  return <ReplayPanel />;
}
