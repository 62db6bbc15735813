/** Problems of a node or edge not tied to one of its fields (graph shape, duplicate ids). */
import type { Diagnostic } from '../../../engine/pattern/diagnostic';
import { FieldMessages } from './FieldMessages';
import { Section } from './Section';

export function OtherProblems({ problems }: { problems: readonly Diagnostic[] }) {
  if (problems.length === 0) return null;
  return (
    <Section
      title="Other problems"
      errors={problems.filter((d) => d.severity === 'error').length}
      testId="section-other-problems"
    >
      <FieldMessages diagnostics={problems} />
    </Section>
  );
}
