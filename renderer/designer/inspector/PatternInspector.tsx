/** Nothing selected: the pattern itself — name, description, summary, settings, event schema. */
import type { PatternDocument } from '../../../engine/format/schema';
import { useDocumentStore } from '../../state/document-store';
import { useValidationStore } from '../../state/validation-store';
import { Field } from './Field';
import { FieldMessages } from './FieldMessages';
import { PatternSettingsSections } from './PatternSettingsSections';
import { PatternSummary } from './PatternSummary';
import { SchemaEditor } from './SchemaEditor';
import { Section } from './Section';
import { SettledText } from './SettledText';

export function PatternInspector({ doc }: { doc: PatternDocument }) {
  const problems = useValidationStore((s) => s.pattern);
  const setMeta = (patch: { name?: string; description?: string }): void =>
    useDocumentStore.getState().setMeta(patch);
  const topStages = doc.nodes.filter((n) => n.kind === 'stage').map((n) => n.name);
  const settingsFields = new Set(['within', 'skip', 'settings']);
  const general = problems.filter((d) => !settingsFields.has(d.target?.field ?? ''));
  return (
    <div className="insp-panel" data-testid="pattern-inspector">
      <Section
        title="Pattern"
        errors={general.filter((d) => d.severity === 'error').length}
        testId="section-pattern"
      >
        <Field label="Name">
          {(id) => (
            <SettledText
              id={id}
              className="insp-input"
              value={doc.name}
              data-testid="pattern-name"
              onText={(name) => setMeta({ name })}
            />
          )}
        </Field>
        <Field label="Description">
          {(id) => (
            <SettledText
              multiline
              id={id}
              className="insp-input insp-textarea"
              rows={2}
              value={doc.description}
              placeholder="What this pattern detects, for the people who review it"
              onText={(description) => setMeta({ description })}
            />
          )}
        </Field>
        <div className="insp-label">In plain words</div>
        <PatternSummary doc={doc} />
        <FieldMessages diagnostics={general} />
      </Section>
      <PatternSettingsSections doc={doc} problems={problems} topStages={topStages} />
      <Section title="Event schema" defaultOpen={doc.eventSchema !== null} testId="section-schema">
        <SchemaEditor schema={doc.eventSchema} />
      </Section>
    </div>
  );
}
