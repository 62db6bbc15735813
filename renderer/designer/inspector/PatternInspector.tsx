/** Nothing selected: the pattern itself — name, description, summary, settings, event schema. */
import type { PatternDocument } from '../../../engine/format/schema';
import { useDocumentStore } from '../../state/document-store';
import { useLibraryStore } from '../../state/library-store';
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
  // An emptied name is not stored as the pattern's name (the library keeps the old one): say so.
  const listedName = useLibraryStore((s) => s.patterns.find((p) => p.id === s.openId)?.name ?? null);
  const nameError =
    doc.name.trim() === ''
      ? `A pattern needs a name${listedName ? `; it stays “${listedName}” until you type one` : ''}.`
      : null;
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
        <Field label="Name" error={nameError}>
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
