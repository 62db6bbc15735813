/** The errors and warnings the Problems panel holds for one node or edge (for badges on the canvas). */
import { useMemo } from 'react';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { useProblemsStore, type ProblemsState } from '../../state/problems-store';

const NONE: Diagnostic[] = [];

/** A selector that returns the same list while the target's problems stay the same in content. */
function targetSelector(nodeId: string | undefined, edgeId: string | undefined) {
  let kept = NONE;
  let keptKey = '';
  return (s: ProblemsState): Diagnostic[] => {
    const list = Object.values(s.bySource)
      .flat()
      .filter(
        (d) =>
          (nodeId !== undefined && d.target?.nodeId === nodeId) ||
          (edgeId !== undefined && d.target?.edgeId === edgeId),
      );
    const key = list.length === 0 ? '' : JSON.stringify(list);
    if (key !== keptKey) {
      kept = list.length === 0 ? NONE : list;
      keptKey = key;
    }
    return kept;
  };
}

/**
 * Each validation publishes new diagnostic objects for every stage; a card or edge renders again only
 * when its own problems changed.
 */
export function useTargetProblems(target: { nodeId?: string; edgeId?: string }): Diagnostic[] {
  const { nodeId, edgeId } = target;
  const select = useMemo(() => targetSelector(nodeId, edgeId), [nodeId, edgeId]);
  return useProblemsStore(select);
}
