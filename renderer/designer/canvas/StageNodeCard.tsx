/**
 * A stage on the canvas: name, condition preview, quantifier badge. NOT stages (reached by notNext /
 * notFollowedBy) are drawn struck-through in red so "must not happen" never reads like "must happen".
 */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { FlowNode } from '../../canvas/document-to-flow';
import { CONTIGUITY_STYLES } from '../../canvas/contiguity';
import { ProblemBadge } from './ProblemBadge';
import { innerBadge, quantifierBadge } from './quantifier-badge';
import { useTargetProblems } from './use-node-problems';
import { useStageConditions } from './use-stage-conditions';
import { NodeReplayBadge } from '../../replay/NodeReplayBadge';

export function StageNodeCard({ id, data, selected }: NodeProps<FlowNode>) {
  const problems = useTargetProblems({ nodeId: id });
  // The conditions come from the store: a condition edit alone keeps this card's React Flow node.
  const { where, alternatives, until } = useStageConditions(id, data.node);
  const node = data.node;
  if (node.kind !== 'stage') return null;
  const negated = data.incoming !== null && CONTIGUITY_STYLES[data.incoming].negated;
  const badge = quantifierBadge(node.quantifier);
  const inner = innerBadge(node.quantifier);
  const condition = where.trim() === '' ? 'every event' : where;
  const classes = [
    'cep-stage',
    negated && 'cep-stage-not',
    selected && 'cep-selected',
    problems.some((p) => p.severity === 'error') && 'cep-has-error',
  ];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      data-testid={`stage-node-${node.name}`}
      title={node.note || undefined}
    >
      <Handle
        type="target"
        position={Position.Left}
        className="cep-handle"
        title="Drop a connection here to make this stage follow another"
      />
      <div className="cep-stage-head">
        {data.isFirst && !negated && <span className="cep-start-dot" title="First stage of the pattern" />}
        {negated && (
          <span className="cep-not-chip" title={CONTIGUITY_STYLES[data.incoming!].help}>
            NOT
          </span>
        )}
        <span className="cep-stage-name" title={node.name}>
          {node.name}
        </span>
        {badge && (
          <span
            className="cep-quant-badge"
            data-testid={`quantifier-${node.name}`}
            title="Quantifier: how many events this stage binds"
          >
            {badge}
          </span>
        )}
        {node.quantifier.greedy && (
          <span className="cep-chip" title="Greedy: takes as many events as possible">
            greedy
          </span>
        )}
        <ProblemBadge problems={problems} testId={`node-problems-${node.name}`} />
      </div>
      <NodeReplayBadge nodeId={id} />
      <div
        className={`cep-stage-cond${where.trim() === '' ? ' cep-muted' : ''}`}
        title={where || 'No condition: every event matches'}
      >
        {condition}
      </div>
      <div className="cep-stage-foot">
        {alternatives > 0 && <span className="cep-chip">+{alternatives} or</span>}
        {until && (
          <span className="cep-chip" title={`until ${until}`}>
            until
          </span>
        )}
        {inner && <span className="cep-chip">{inner}</span>}
        {node.withinPreviousAndCurrentMs !== null && (
          <span className="cep-chip">within {node.withinPreviousAndCurrentMs} ms</span>
        )}
      </div>
      <Handle
        type="source"
        position={Position.Right}
        className="cep-handle"
        title="Drag to the next stage to connect"
      />
    </div>
  );
}
