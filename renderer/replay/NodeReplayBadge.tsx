/**
 * Replay counters for one canvas node (drawn by the canvas inside its stage card): live partial
 * matches, entered, taken, ignored, timed out, matched. Renders nothing without a replay session.
 */
import { useReplayStore, type NodeOverlay } from '../state/replay-store';
import './node-replay-badge.css';

/** The replay overlay of a node, or undefined when no session is open (for an "occupied" class). */
export function useNodeOverlay(nodeId: string): NodeOverlay | undefined {
  return useReplayStore((s) => s.nodeOverlay[nodeId]);
}

export function NodeReplayBadge({ nodeId }: { nodeId: string }) {
  const o = useNodeOverlay(nodeId);
  if (!o) return null;
  const title = `Replay — live partial matches: ${o.active}; entered: ${o.entered}; events taken: ${o.taken}; ignored: ${o.ignored}; timed out: ${o.timedOut}; other discards: ${o.discarded}; in matches: ${o.matched}${o.occupied ? '; the current key waits here' : ''}`;
  return (
    <div
      className={o.occupied ? 'replay-node-badge is-occupied' : 'replay-node-badge'}
      data-testid={`replay-node-badge-${o.stage}`}
      data-occupied={o.occupied}
      data-active={o.active}
      title={title}
    >
      <span className="rnb-live">{o.active} live</span>
      <span>↳{o.entered}</span>
      <span>✓{o.taken}</span>
      {/* ⊘, not ⏱: a stopwatch glyph is in emoji fonts only, and many Linux desktops have none (a box). */}
      {o.timedOut > 0 && <span className="rnb-timeout">⊘{o.timedOut}</span>}
      {o.matched > 0 && <span className="rnb-match">★{o.matched}</span>}
    </div>
  );
}
