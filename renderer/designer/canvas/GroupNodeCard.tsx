/** A group: a dashed container whose sub-chain repeats as one unit; the header shows its quantifier. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { FlowNode } from '../../canvas/document-to-flow';
import { CONTIGUITY_STYLES } from '../../canvas/contiguity';
import { ProblemBadge } from './ProblemBadge';
import { quantifierBadge } from './quantifier-badge';
import { useTargetProblems } from './use-node-problems';

export function GroupNodeCard({ id, data, selected }: NodeProps<FlowNode>) {
  const problems = useTargetProblems({ nodeId: id });
  const node = data.node;
  if (node.kind !== 'group') return null;
  const negated = data.incoming !== null && CONTIGUITY_STYLES[data.incoming].negated;
  const badge = quantifierBadge(node.quantifier);
  return (
    <div
      className={`cep-group${selected ? ' cep-selected' : ''}${negated ? ' cep-stage-not' : ''}`}
      data-testid={`group-node-${node.name}`}
    >
      <Handle type="target" position={Position.Left} className="cep-handle" />
      <div className="cep-group-head">
        <span className="cep-group-kind">group</span>
        <span className="cep-stage-name" title={node.name}>
          {node.name}
        </span>
        {badge && <span className="cep-quant-badge">{badge}</span>}
        <ProblemBadge problems={problems} testId={`node-problems-${node.name}`} />
      </div>
      <Handle type="source" position={Position.Right} className="cep-handle" />
    </div>
  );
}
