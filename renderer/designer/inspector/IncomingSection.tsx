/** The connection into a node (its contiguity), or a note that the node begins its chain. */
import { memo } from 'react';
import type { PatternDocument, PatternEdge } from '../../../engine/format/schema';
import type { Contiguity } from '../../../engine/pattern/spec';
import { useDocumentStore } from '../../state/document-store';
import { useValidationStore } from '../../state/validation-store';
import { ContiguitySelect } from './ContiguitySelect';
import { contiguityOptions } from './contiguity-rules';
import type { Availability } from './quantifier-rules';
import { Section } from './Section';
import type { NodeContext } from './stage-context';
import { useStableValue } from './use-stable-value';

export interface IncomingView {
  edge: PatternEdge | null;
  previousName: string | null;
  groupId: string | null;
  /** Linked to nothing while others share its level. */
  loose: boolean;
  options: Record<Contiguity, Availability> | null;
}

/** What the section shows, kept as the same object while it stays the same (typing elsewhere in the stage). */
export function useIncomingView(doc: PatternDocument, ctx: NodeContext): IncomingView {
  const edge = ctx.incoming;
  return useStableValue({
    edge,
    previousName: ctx.previous?.name ?? null,
    groupId: ctx.groupId,
    loose: ctx.loose,
    options: edge ? contiguityOptions(doc, edge) : null,
  });
}

const NO_PROBLEMS: never[] = [];

export const IncomingSection = memo(function IncomingSection({ view }: { view: IncomingView }) {
  const { edge, previousName, groupId, loose, options } = view;
  const problems = useValidationStore((s) => (edge ? s.byEdge[edge.id] : undefined)) ?? NO_PROBLEMS;
  const errors = problems.filter((d) => d.severity === 'error').length;
  return (
    <Section title="Incoming connection" errors={errors} testId="section-incoming">
      {edge && previousName !== null && options ? (
        <>
          <div className="insp-muted">
            after <strong>{previousName}</strong>
          </div>
          <ContiguitySelect
            edge={edge}
            options={options}
            diagnostics={problems}
            onChange={(contiguity) => useDocumentStore.getState().updateEdge(edge.id, { contiguity })}
          />
        </>
      ) : (
        <div className="insp-muted">
          {loose
            ? 'Not connected yet.'
            : groupId
              ? 'First stage of its group.'
              : 'First stage: it begins the pattern.'}{' '}
          Connect a stage before it to choose a contiguity.
        </div>
      )}
    </Section>
  );
});
