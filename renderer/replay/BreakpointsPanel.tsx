/** The breakpoint list (enable, remove), the add form, and the last hit or rejection. */
import type { CepApi } from '../../electron/contract';
import { useReplayStore } from '../state/replay-store';
import { BreakpointForm } from './BreakpointForm';
import { describeBreakpoint } from './describe';

export function BreakpointsPanel({ api, stages }: { api: CepApi; stages: string[] }) {
  const breakpoints = useReplayStore((s) => s.breakpoints);
  const error = useReplayStore((s) => s.breakpointError);
  const hit = useReplayStore((s) => s.lastHit);
  const set = (list: typeof breakpoints) => void useReplayStore.getState().setBreakpoints(api, list);

  return (
    <div className="bp-panel" data-testid="breakpoints-panel">
      {hit && (
        <p className="notice notice-warning" data-testid="breakpoint-hit" role="status">
          Stopped at a breakpoint: {hit.message}
        </p>
      )}
      {error && (
        <p className="notice notice-error" role="alert" data-testid="breakpoint-error">
          {error}
        </p>
      )}
      <BreakpointForm stages={stages} onAdd={(bp) => set([...breakpoints, bp])} />
      {breakpoints.length === 0 ? (
        <p className="text-muted">No breakpoints. Add one, then run (F5) to stop where it fires.</p>
      ) : (
        <ul className="bp-list">
          {breakpoints.map((bp, i) => (
            <li key={bp.id ?? i} className="bp-item" data-testid="breakpoint-item">
              <label>
                <input
                  type="checkbox"
                  checked={bp.enabled !== false}
                  onChange={(e) =>
                    set(breakpoints.map((b, j) => (j === i ? { ...b, enabled: e.target.checked } : b)))
                  }
                />
                {describeBreakpoint(bp)}
              </label>
              <button
                type="button"
                className="icon-btn"
                aria-label="Remove breakpoint"
                title="Remove"
                onClick={() => set(breakpoints.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
