/** The errors and warnings the Problems panel holds for one node or edge (for badges on the canvas). */
import { useMemo } from 'react';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { useProblemsStore } from '../../state/problems-store';

export function useTargetProblems(target: { nodeId?: string; edgeId?: string }): Diagnostic[] {
  const bySource = useProblemsStore((s) => s.bySource);
  return useMemo(
    () =>
      Object.values(bySource)
        .flat()
        .filter(
          (d) =>
            (target.nodeId !== undefined && d.target?.nodeId === target.nodeId) ||
            (target.edgeId !== undefined && d.target?.edgeId === target.edgeId),
        ),
    [bySource, target.nodeId, target.edgeId],
  );
}
