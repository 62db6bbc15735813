/** A stage's conditions: `where`, the `or` alternatives, and `until` for looping stages. */
import type { PatternDocument, StageNode } from '../../../engine/format/schema';
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { fieldDiagnostics } from '../problems/validate-document';
import { ConditionField } from './ConditionField';
import type { Availability } from './quantifier-rules';
import { Section } from './Section';

interface ConditionsSectionProps {
  doc: PatternDocument;
  stage: StageNode;
  diagnostics: readonly Diagnostic[];
  until: Availability;
  onChange: (patch: Partial<StageNode>) => void;
}

export function ConditionsSection({ doc, stage, diagnostics, until, onChange }: ConditionsSectionProps) {
  const where = fieldDiagnostics(diagnostics, 'where');
  const untilProblems = fieldDiagnostics(diagnostics, 'until');
  const orProblems = fieldDiagnostics(diagnostics, 'or');
  const errors = [...where, ...untilProblems, ...orProblems].filter((d) => d.severity === 'error').length;
  const setOr = (or: string[]): void => onChange({ or });
  return (
    <Section title="Condition" errors={errors} testId="section-condition">
      <ConditionField
        doc={doc}
        stage={stage}
        field="where"
        label="Where"
        value={stage.where}
        diagnostics={where}
        placeholder="every event (e.g. amount > 100)"
        onChange={(v) => onChange({ where: v })}
      />
      {stage.or.map((text, i) => (
        <ConditionField
          key={i}
          doc={doc}
          stage={stage}
          field="or"
          index={i}
          label={`Or (${i + 1})`}
          value={text}
          diagnostics={fieldDiagnostics(diagnostics, 'or', i)}
          placeholder="alternative condition"
          onChange={(v) => setOr(stage.or.map((o, j) => (j === i ? v : o)))}
          onRemove={() => setOr(stage.or.filter((_, j) => j !== i))}
        />
      ))}
      <div className="insp-actions">
        <button
          type="button"
          className="insp-button"
          data-testid="condition-add-or"
          onClick={() => setOr([...stage.or, ''])}
        >
          + Or condition
        </button>
        {stage.until === null && (
          <button
            type="button"
            className="insp-button"
            data-testid="condition-add-until"
            disabled={!until.enabled}
            title={until.enabled ? 'Stop looping when an event matches this condition' : until.reason}
            onClick={() => onChange({ until: '' })}
          >
            + Until condition
          </button>
        )}
      </div>
      {stage.until === null && !until.enabled && <div className="insp-reason-inline">{until.reason}</div>}
      {stage.until !== null && (
        <ConditionField
          doc={doc}
          stage={stage}
          field="until"
          label="Until (stop looping)"
          value={stage.until}
          diagnostics={untilProblems}
          placeholder="stop condition"
          onChange={(v) => onChange({ until: v })}
          onRemove={() => onChange({ until: null })}
        />
      )}
    </Section>
  );
}
