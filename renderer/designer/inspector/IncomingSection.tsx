/** The connection into a node (its contiguity), or a note that the node begins its chain. */
import type { PatternDocument } from '../../../engine/format/schema';
import { useDocumentStore } from '../../state/document-store';
import { useValidationStore } from '../../state/validation-store';
import { ContiguitySelect } from './ContiguitySelect';
import { Section } from './Section';
import type { NodeContext } from './stage-context';

export function IncomingSection({ doc, ctx }: { doc: PatternDocument; ctx: NodeContext }) {
  const edge = ctx.incoming;
  const problems = useValidationStore((s) => (edge ? s.byEdge[edge.id] : undefined)) ?? [];
  const errors = problems.filter((d) => d.severity === 'error').length;
  return (
    <Section title="Incoming connection" errors={errors} testId="section-incoming">
      {edge && ctx.previous ? (
        <>
          <div className="insp-muted">
            after <strong>{ctx.previous.name}</strong>
          </div>
          <ContiguitySelect
            doc={doc}
            edge={edge}
            diagnostics={problems}
            onChange={(contiguity) => useDocumentStore.getState().updateEdge(edge.id, { contiguity })}
          />
        </>
      ) : (
        <div className="insp-muted">
          {ctx.loose
            ? 'Not connected yet.'
            : ctx.groupId
              ? 'First stage of its group.'
              : 'First stage: it begins the pattern.'}{' '}
          Connect a stage before it to choose a contiguity.
        </div>
      )}
    </Section>
  );
}
