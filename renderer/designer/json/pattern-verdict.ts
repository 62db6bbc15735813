/**
 * The one verdict on the open pattern that the inspector's badge and the JSON view both show: the
 * designer's validation of the working copy plus the errors of JSON text that did not load (the
 * same lists the Problems tab shows), in the same words.
 */
import { useProblemsStore } from '../../state/problems-store';
import { useValidationStore } from '../../state/validation-store';

/** Problems source of JSON text that does not load. */
export const JSON_PROBLEMS_SOURCE = 'json-view';

export interface PatternVerdict {
  /** Errors of the working copy (what the canvas shows). */
  patternErrors: number;
  /** Errors of JSON text that is not applied. */
  jsonErrors: number;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function usePatternVerdict(): PatternVerdict {
  const patternErrors = useValidationStore((s) => s.diagnostics.filter((d) => d.severity === 'error').length);
  const jsonErrors = useProblemsStore(
    (s) => (s.bySource[JSON_PROBLEMS_SOURCE] ?? []).filter((d) => d.severity === 'error').length,
  );
  return { patternErrors, jsonErrors };
}

export function verdictValid(v: PatternVerdict): boolean {
  return v.patternErrors + v.jsonErrors === 0;
}

/** "Valid", "2 errors": the badge. */
export function verdictLabel(v: PatternVerdict): string {
  return verdictValid(v) ? 'Valid' : plural(v.patternErrors + v.jsonErrors, 'error');
}

/** The badge's verdict in a sentence: its tooltip, and the JSON view's status line. */
export function verdictSentence(v: PatternVerdict): string {
  if (v.jsonErrors > 0)
    return (
      `The JSON text has ${plural(v.jsonErrors, 'error')} and is not applied: the canvas keeps the last version that loaded` +
      (v.patternErrors > 0 ? `, which has ${plural(v.patternErrors, 'error')} of its own.` : '.')
    );
  if (v.patternErrors > 0) return `The pattern has ${plural(v.patternErrors, 'error')}: see Problems.`;
  return 'The pattern is valid.';
}
