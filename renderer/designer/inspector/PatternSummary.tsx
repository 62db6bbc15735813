/** The pattern in plain words (describePattern), re-read on every edit. */
import { useMemo } from 'react';
import { describePattern } from '../../../engine/format/describe';
import type { PatternDocument } from '../../../engine/format/schema';

export function PatternSummary({ doc }: { doc: PatternDocument }) {
  const text = useMemo(() => {
    try {
      return describePattern(doc);
    } catch {
      return 'This pattern cannot be described yet.';
    }
  }, [doc]);
  return (
    <p className="insp-summary" data-testid="pattern-summary">
      {text}
    </p>
  );
}
