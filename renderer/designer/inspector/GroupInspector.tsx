/** Properties of a group: name, note, the quantifier of the whole sub-chain, incoming connection. */
import type { GroupNode, PatternDocument } from '../../../engine/format/schema';
import { useDocumentStore } from '../../state/document-store';
import { useValidationStore } from '../../state/validation-store';
import { fieldDiagnostics } from '../problems/validate-document';
import { Field } from './Field';
import { GroupContents } from './GroupContents';
import { IncomingSection, useIncomingView } from './IncomingSection';
import { OtherProblems } from './OtherProblems';
import { QuantifierEditor } from './QuantifierEditor';
import { quantifierOptions } from './quantifier-rules';
import { Section } from './Section';
import { SettledText } from './SettledText';
import type { NodeContext } from './stage-context';

export function GroupInspector({
  doc,
  group,
  ctx,
}: {
  doc: PatternDocument;
  group: GroupNode;
  ctx: NodeContext;
}) {
  const problems = useValidationStore((s) => s.byNode[group.id]) ?? [];
  const update = (patch: Partial<GroupNode>): void =>
    useDocumentStore.getState().updateGroup(group.id, patch);
  const quantifier = fieldDiagnostics(problems, 'quantifier');
  const incoming = useIncomingView(doc, ctx);
  return (
    <div className="insp-panel" data-testid="group-inspector" data-node-id={group.id}>
      <Section title="Group" errors={fieldDiagnostics(problems, 'name').length} testId="section-group">
        <Field label="Name" diagnostics={fieldDiagnostics(problems, 'name')}>
          {(id) => (
            <SettledText
              id={id}
              className="insp-input"
              value={group.name}
              data-testid="group-name"
              spellCheck={false}
              onText={(name) => update({ name })}
            />
          )}
        </Field>
        <GroupContents group={group} />
        <Field label="Note">
          {(id) => (
            <SettledText
              multiline
              id={id}
              className="insp-input insp-textarea"
              rows={2}
              value={group.note}
              onText={(note) => update({ note })}
            />
          )}
        </Field>
      </Section>
      <Section
        title="Quantifier"
        errors={quantifier.filter((d) => d.severity === 'error').length}
        testId="section-quantifier"
      >
        <QuantifierEditor
          quantifier={group.quantifier}
          options={quantifierOptions(ctx)}
          diagnostics={quantifier}
          onChange={(q) => update({ quantifier: q })}
        />
      </Section>
      <IncomingSection view={incoming} />
      <OtherProblems
        problems={problems.filter(
          (d) => !d.target?.field || d.target.field === 'settings' || d.target.field === 'where',
        )}
      />
    </div>
  );
}
