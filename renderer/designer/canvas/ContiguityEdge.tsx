/**
 * An edge between stages, styled by contiguity: next solid, followedBy dashed, followedByAny dotted;
 * notNext / notFollowedBy red with the same dash as their positive twin. The label says the word.
 */
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { CONTIGUITY_STYLES } from '../../canvas/contiguity';
import type { FlowEdge } from '../../canvas/document-to-flow';
import { useDocumentStore } from '../../state/document-store';
import { ProblemBadge } from './ProblemBadge';
import { useTargetProblems } from './use-node-problems';

export function ContiguityEdge(props: EdgeProps<FlowEdge>) {
  const {
    id,
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    data,
    selected,
    markerEnd,
  } = props;
  const problems = useTargetProblems({ edgeId: id });
  const contiguity = data?.contiguity ?? 'followedBy';
  const style = CONTIGUITY_STYLES[contiguity];
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    borderRadius: 10,
  });
  // A straight edge between stages close together leaves less room than the word needs: the label
  // then shrinks to its short form and sits just above the line, so neither the stages nor the
  // line's dash style are hidden (the title still gives the word and its meaning).
  const straight = targetX > sourceX && Math.abs(targetY - sourceY) < 4;
  const compact = straight && targetX - sourceX < style.label.length * 6.6 + 40;
  const select = () => useDocumentStore.getState().select({ edgeIds: [id] });
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`cep-edge-path${style.negated ? ' cep-edge-not' : ''}${selected ? ' cep-edge-selected' : ''}`}
        style={{ strokeDasharray: style.dash || undefined }}
        interactionWidth={18}
      />
      <EdgeLabelRenderer>
        <button
          type="button"
          className={`cep-edge-label nodrag nopan${style.negated ? ' cep-edge-label-not' : ''}${selected ? ' cep-edge-label-selected' : ''}${compact ? ' cep-edge-label-compact' : ''}`}
          style={{
            transform: compact
              ? `translate(-50%, -100%) translate(${labelX}px, ${labelY - 5}px)`
              : `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
          }}
          data-testid={`edge-label-${id}`}
          data-contiguity={contiguity}
          title={`${style.label}: ${style.help}`}
          aria-label={style.label}
          onClick={select}
        >
          {compact ? style.short : style.label}
          <ProblemBadge problems={problems} testId={`edge-problems-${id}`} />
        </button>
      </EdgeLabelRenderer>
    </>
  );
}
