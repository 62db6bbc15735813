/** A stage's name (renaming follows into every condition, see rename-stage.ts) and its note. */
import { memo, useRef } from 'react';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { renameStage } from '../../canvas/rename-stage';
import { useDocumentStore } from '../../state/document-store';
import { fieldDiagnostics } from '../problems/validate-document';
import { Field } from './Field';
import { Section } from './Section';
import { SettledText } from './SettledText';

interface StageNameSectionProps {
  stageId: string;
  name: string;
  note: string;
  /** All the stage's problems (the store's list: the same object until the next validation). */
  problems: readonly Diagnostic[];
}

/** Memoized: it shows nothing a condition edit changes, so typing there does not render it. */
export const StageNameSection = memo(function StageNameSection({
  stageId,
  name,
  note,
  problems,
}: StageNameSectionProps) {
  // The name conditions refer to this stage by, while its name is being typed (see rename-stage.ts).
  const referencedAs = useRef(name);
  const rename = (next: string): void =>
    useDocumentStore.getState().edit(
      'Rename stage',
      (d) => {
        const result = renameStage(d, stageId, next, referencedAs.current);
        referencedAs.current = result.referencedAs;
        return result.doc;
      },
      { coalesceKey: `rename:${stageId}` },
    );
  const nameProblems = fieldDiagnostics(problems, 'name');
  return (
    <Section
      title="Stage"
      errors={nameProblems.filter((d) => d.severity === 'error').length}
      testId="section-stage"
    >
      <Field
        label="Name"
        hint="Key of this stage in every match; conditions refer to it."
        diagnostics={nameProblems}
      >
        {(id) => (
          <SettledText
            id={id}
            className="insp-input"
            value={name}
            data-testid="stage-name"
            spellCheck={false}
            onFocus={() => (referencedAs.current = name)}
            onText={rename}
          />
        )}
      </Field>
      <Field label="Note">
        {(id) => (
          <SettledText
            multiline
            id={id}
            className="insp-input insp-textarea"
            rows={2}
            value={note}
            placeholder="For people reading the pattern"
            onText={(text) => useDocumentStore.getState().updateStage(stageId, { note: text })}
          />
        )}
      </Field>
    </Section>
  );
});
