/** Properties of one stage: name and note, conditions, quantifier, timing, incoming connection. */
import { useRef, useState } from 'react';
import type { PatternDocument, StageNode } from '../../../engine/format/schema';
import { renameStage } from '../../canvas/rename-stage';
import { useDocumentStore } from '../../state/document-store';
import { useValidationStore } from '../../state/validation-store';
import { fieldDiagnostics } from '../problems/validate-document';
import { ConditionsSection } from './ConditionsSection';
import { DurationInput } from './DurationInput';
import { Field } from './Field';
import { IncomingSection } from './IncomingSection';
import { OtherProblems } from './OtherProblems';
import { QuantifierEditor } from './QuantifierEditor';
import { quantifierOptions } from './quantifier-rules';
import { Section } from './Section';
import type { NodeContext } from './stage-context';

export function StageInspector({
  doc,
  stage,
  ctx,
}: {
  doc: PatternDocument;
  stage: StageNode;
  ctx: NodeContext;
}) {
  const problems = useValidationStore((s) => s.byNode[stage.id]) ?? [];
  const [withinError, setWithinError] = useState<string | null>(null);
  const update = (patch: Partial<StageNode>): void =>
    useDocumentStore.getState().updateStage(stage.id, patch);
  // The name conditions refer to this stage by, while its name is being typed (see rename-stage.ts).
  const referencedAs = useRef(stage.name);
  const rename = (name: string): void =>
    useDocumentStore.getState().edit(
      'Rename stage',
      (d) => {
        const result = renameStage(d, stage.id, name, referencedAs.current);
        referencedAs.current = result.referencedAs;
        return result.doc;
      },
      { coalesceKey: `rename:${stage.id}` },
    );
  const options = quantifierOptions(ctx);
  const count = (field: Parameters<typeof fieldDiagnostics>[1]): number =>
    fieldDiagnostics(problems, field).filter((d) => d.severity === 'error').length;
  const within = fieldDiagnostics(problems, 'within');
  return (
    <div className="insp-panel" data-testid="stage-inspector" data-node-id={stage.id}>
      <Section title="Stage" errors={count('name')} testId="section-stage">
        <Field
          label="Name"
          hint="Key of this stage in every match; conditions refer to it."
          diagnostics={fieldDiagnostics(problems, 'name')}
        >
          {(id) => (
            <input
              id={id}
              className="insp-input"
              value={stage.name}
              data-testid="stage-name"
              spellCheck={false}
              onFocus={() => (referencedAs.current = stage.name)}
              onChange={(e) => rename(e.target.value)}
            />
          )}
        </Field>
        <Field label="Note">
          {(id) => (
            <textarea
              id={id}
              className="insp-input insp-textarea"
              rows={2}
              value={stage.note}
              placeholder="For people reading the pattern"
              onChange={(e) => update({ note: e.target.value })}
            />
          )}
        </Field>
      </Section>
      <ConditionsSection
        doc={doc}
        stage={stage}
        diagnostics={problems}
        until={options.until}
        onChange={update}
      />
      <Section title="Quantifier" errors={count('quantifier')} testId="section-quantifier">
        <QuantifierEditor
          quantifier={stage.quantifier}
          options={options}
          diagnostics={fieldDiagnostics(problems, 'quantifier')}
          onChange={(quantifier) => update({ quantifier })}
        />
      </Section>
      <Section
        title="Timing"
        errors={count('within')}
        defaultOpen={stage.withinPreviousAndCurrentMs !== null || within.length > 0}
        testId="section-timing"
      >
        <label className="insp-check">
          <input
            type="checkbox"
            checked={stage.withinPreviousAndCurrentMs !== null}
            data-testid="stage-within-toggle"
            onChange={(e) => {
              setWithinError(null);
              update({ withinPreviousAndCurrentMs: e.target.checked ? 60_000 : null });
            }}
          />
          Limit the time since the previous event
        </label>
        {stage.withinPreviousAndCurrentMs !== null && (
          <Field
            label="At most"
            hint="Flink's within(…, PREVIOUS_AND_CURRENT) on this stage."
            diagnostics={within}
            error={withinError}
          >
            {(id) => (
              <DurationInput
                id={id}
                ms={stage.withinPreviousAndCurrentMs ?? 0}
                onError={setWithinError}
                onCommit={(ms) => update({ withinPreviousAndCurrentMs: ms })}
              />
            )}
          </Field>
        )}
      </Section>
      <IncomingSection doc={doc} ctx={ctx} />
      <OtherProblems
        problems={problems.filter(
          (d) => !d.target?.field || d.target.field === 'settings' || d.target.field === 'contiguity',
        )}
      />
    </div>
  );
}
