/** Properties of a connection: which stages it joins and its contiguity. */
import type { PatternDocument, PatternEdge } from '../../../engine/format/schema';
import { findNode } from '../../canvas/doc-tree';
import { useDocumentStore } from '../../state/document-store';
import { useValidationStore } from '../../state/validation-store';
import { ContiguitySelect } from './ContiguitySelect';
import { contiguityOptions } from './contiguity-rules';
import { OtherProblems } from './OtherProblems';
import { Section } from './Section';

export function EdgeInspector({ doc, edge }: { doc: PatternDocument; edge: PatternEdge }) {
  const problems = useValidationStore((s) => s.byEdge[edge.id]) ?? [];
  const from = findNode(doc, edge.from);
  const to = findNode(doc, edge.to);
  const select = (nodeId: string): void => useDocumentStore.getState().focus({ nodeId });
  return (
    <div className="insp-panel" data-testid="edge-inspector" data-edge-id={edge.id}>
      <Section
        title="Connection"
        errors={problems.filter((d) => d.severity === 'error').length}
        testId="section-connection"
      >
        <div className="insp-edge-ends">
          <button type="button" className="insp-chip" onClick={() => select(edge.from)} disabled={!from}>
            {from?.name ?? edge.from}
          </button>
          <span aria-hidden="true">→</span>
          <button type="button" className="insp-chip" onClick={() => select(edge.to)} disabled={!to}>
            {to?.name ?? edge.to}
          </button>
        </div>
        <ContiguitySelect
          edge={edge}
          options={contiguityOptions(doc, edge)}
          diagnostics={problems.filter((d) => d.target?.field === 'contiguity')}
          onChange={(contiguity) => useDocumentStore.getState().updateEdge(edge.id, { contiguity })}
        />
      </Section>
      <OtherProblems problems={problems.filter((d) => d.target?.field !== 'contiguity')} />
    </div>
  );
}
