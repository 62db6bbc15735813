/**
 * Slices of a step report that other features draw: per canvas node, the stage counters and
 * whether a live partial match sits in it; per node, each condition's value on the current event.
 */
import type { ReplaySessionInfo, StepReport } from '../../electron/contract';
import type { ValueStep } from '../../engine/debug';

export interface NodeOverlay {
  stage: string;
  /** Live partial matches whose current state belongs to the stage (all keys). */
  active: number;
  entered: number;
  taken: number;
  ignored: number;
  timedOut: number;
  discarded: number;
  matched: number;
  /** A partial match of the current event's key is in this stage now. */
  occupied: boolean;
}

export interface ConditionValue {
  /** "probe.where", "probe.or[0]", "probe.until". */
  label: string;
  field: 'where' | 'or' | 'until';
  source: string;
  result: boolean;
  /** Sub-expression values with their ranges in `source` (for inline display in the editor). */
  values: ValueStep[];
  /** The event the values were computed on. */
  seq: number;
}

export function deriveNodeOverlay(report: StepReport): Record<string, NodeOverlay> {
  const occupied = new Set(report.partialMatches.map((p) => p.stage));
  const out: Record<string, NodeOverlay> = {};
  for (const c of report.counters) {
    if (!c.nodeId) continue;
    out[c.nodeId] = {
      stage: c.stage,
      active: c.active,
      entered: c.entered,
      taken: c.taken,
      ignored: c.ignored,
      timedOut: c.timedOut,
      discarded: c.discarded,
      matched: c.matched,
      occupied: occupied.has(c.stage),
    };
  }
  return out;
}

function fieldOfLabel(label: string): ConditionValue['field'] {
  if (label.endsWith('.until')) return 'until';
  return /\.or\[\d+\]$/.test(label) ? 'or' : 'where';
}

/** The last evaluation of each condition during this step, keyed by the stage's canvas node. */
export function deriveConditionValues(
  report: StepReport,
  stages: ReplaySessionInfo['stages'],
): Record<string, ConditionValue[]> {
  const nodeOf = new Map(stages.map((s) => [s.stage, s.nodeId]));
  const byNode = new Map<string, Map<string, ConditionValue>>();
  for (const processed of report.processed) {
    for (const run of processed.runs) {
      for (const edge of run.edges) {
        const nodeId = nodeOf.get(edge.stage);
        if (!nodeId) continue;
        const map = byNode.get(nodeId) ?? new Map<string, ConditionValue>();
        byNode.set(nodeId, map);
        for (const c of edge.conditions) {
          map.set(c.label, {
            label: c.label,
            field: fieldOfLabel(c.label),
            source: c.source,
            result: c.result,
            values: c.values,
            seq: processed.event.seq,
          });
        }
      }
    }
  }
  const out: Record<string, ConditionValue[]> = {};
  for (const [nodeId, map] of byNode) out[nodeId] = [...map.values()];
  return out;
}
