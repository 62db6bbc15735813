/** The breakpoint list (enable, remove), the add form, and the last hit or rejection. */
import { useState } from 'react';
import type { CepApi } from '../../electron/contract';
import type { EventSchema } from '../../engine/pattern/spec';
import { useReplayStore } from '../state/replay-store';
import { BreakpointForm } from './BreakpointForm';
import { describeBreakpoint } from './describe';

export function BreakpointsPanel({
  api,
  stages,
  schema,
}: {
  api: CepApi;
  stages: string[];
  schema?: EventSchema;
}) {
  const breakpoints = useReplayStore((s) => s.breakpoints);
  const kept = useReplayStore((s) => s.breakpointError);
  const [changeError, setChangeError] = useState<string | null>(null);
  const error = changeError ?? kept;
  const hit = useReplayStore((s) => s.lastHit);
  const set = (list: typeof breakpoints) => useReplayStore.getState().setBreakpoints(api, list);
  const change = (list: typeof breakpoints) => void set(list).then(setChangeError);

  return (
    <div className="bp-panel" data-testid="breakpoints-panel">
      {hit && (
        <p className="notice notice-warning" data-testid="breakpoint-hit" role="status">
          Stopped at a breakpoint: {hit.message}
        </p>
      )}
      <BreakpointForm stages={stages} schema={schema} onAdd={(bp) => set([...breakpoints, bp])} />
      {error && (
        <p className="notice notice-error" role="alert" data-testid="breakpoint-error">
          {error}
        </p>
      )}
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
                    change(breakpoints.map((b, j) => (j === i ? { ...b, enabled: e.target.checked } : b)))
                  }
                />
                {describeBreakpoint(bp)}
              </label>
              <button
                type="button"
                className="icon-btn"
                aria-label="Remove breakpoint"
                title="Remove"
                onClick={() => change(breakpoints.filter((_, j) => j !== i))}
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
