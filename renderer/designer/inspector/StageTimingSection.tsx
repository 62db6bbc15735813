/** A stage's own time limit: Flink's within(…, PREVIOUS_AND_CURRENT). */
import { memo, useState } from 'react';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { useDocumentStore } from '../../state/document-store';
import { fieldDiagnostics } from '../problems/validate-document';
import { DurationInput } from './DurationInput';
import { Field } from './Field';
import { Section } from './Section';

interface StageTimingSectionProps {
  stageId: string;
  withinMs: number | null;
  problems: readonly Diagnostic[];
}

/** Memoized: typing in a condition does not render it. */
export const StageTimingSection = memo(function StageTimingSection({
  stageId,
  withinMs,
  problems,
}: StageTimingSectionProps) {
  const [withinError, setWithinError] = useState<string | null>(null);
  const update = (ms: number | null): void =>
    useDocumentStore.getState().updateStage(stageId, { withinPreviousAndCurrentMs: ms });
  const within = fieldDiagnostics(problems, 'within');
  return (
    <Section
      title="Timing"
      errors={within.filter((d) => d.severity === 'error').length}
      defaultOpen={withinMs !== null || within.length > 0}
      testId="section-timing"
    >
      <label className="insp-check">
        <input
          type="checkbox"
          checked={withinMs !== null}
          data-testid="stage-within-toggle"
          onChange={(e) => {
            setWithinError(null);
            update(e.target.checked ? 60_000 : null);
          }}
        />
        Limit the time since the previous event
      </label>
      {withinMs !== null && (
        <Field
          label="At most"
          hint="Flink's within(…, PREVIOUS_AND_CURRENT) on this stage."
          diagnostics={within}
          error={withinError}
        >
          {(id) => (
            <DurationInput id={id} ms={withinMs} onError={setWithinError} onCommit={(ms) => update(ms)} />
          )}
        </Field>
      )}
    </Section>
  );
});
