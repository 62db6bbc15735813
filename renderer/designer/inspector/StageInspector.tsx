/** Properties of one stage: name and note, conditions, quantifier, timing, incoming connection. */
import { memo, useCallback, useMemo } from 'react';
import type { DocQuantifier, PatternDocument, StageNode } from '../../../engine/format/schema';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { useDocumentStore } from '../../state/document-store';
import { useValidationStore } from '../../state/validation-store';
import { fieldDiagnostics } from '../problems/validate-document';
import { ConditionsSection } from './ConditionsSection';
import { IncomingSection, useIncomingView } from './IncomingSection';
import { OtherProblems } from './OtherProblems';
import { QuantifierEditor } from './QuantifierEditor';
import { quantifierOptions } from './quantifier-rules';
import { Section } from './Section';
import type { NodeContext } from './stage-context';
import { StageNameSection } from './StageNameSection';
import { StageTimingSection } from './StageTimingSection';
import { useStableValue } from './use-stable-value';

const NO_PROBLEMS: Diagnostic[] = [];

/**
 * This renders on every key typed in a condition (the document changes); the sections that show
 * nothing of the conditions get props that keep their identity then, and are memoized.
 */
export function StageInspector({
  doc,
  stage,
  ctx,
}: {
  doc: PatternDocument;
  stage: StageNode;
  ctx: NodeContext;
}) {
  const problems = useValidationStore((s) => s.byNode[stage.id]) ?? NO_PROBLEMS;
  const update = useCallback(
    (patch: Partial<StageNode>): void => useDocumentStore.getState().updateStage(stage.id, patch),
    [stage.id],
  );
  const setQuantifier = useCallback((quantifier: DocQuantifier) => update({ quantifier }), [update]);
  const options = useStableValue(quantifierOptions(ctx));
  const incoming = useIncomingView(doc, ctx);
  const quantifierProblems = useMemo(() => fieldDiagnostics(problems, 'quantifier'), [problems]);
  return (
    <div className="insp-panel" data-testid="stage-inspector" data-node-id={stage.id}>
      <StageNameSection stageId={stage.id} name={stage.name} note={stage.note} problems={problems} />
      <ConditionsSection
        doc={doc}
        stage={stage}
        diagnostics={problems}
        until={options.until}
        onChange={update}
      />
      <Section
        title="Quantifier"
        errors={quantifierProblems.filter((d) => d.severity === 'error').length}
        testId="section-quantifier"
      >
        <QuantifierEditor
          quantifier={stage.quantifier}
          options={options}
          diagnostics={quantifierProblems}
          onChange={setQuantifier}
        />
      </Section>
      <StageTimingSection
        stageId={stage.id}
        withinMs={stage.withinPreviousAndCurrentMs}
        problems={problems}
      />
      <IncomingSection view={incoming} />
      <StageOtherProblems problems={problems} />
    </div>
  );
}

const StageOtherProblems = memo(function StageOtherProblems({
  problems,
}: {
  problems: readonly Diagnostic[];
}) {
  return (
    <OtherProblems
      problems={problems.filter(
        (d) => !d.target?.field || d.target.field === 'settings' || d.target.field === 'contiguity',
      )}
    />
  );
});
