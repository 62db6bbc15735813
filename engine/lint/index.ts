/**
 * engine/lint: warnings about valid patterns that are likely to hurt (see types.ts). Add a rule by
 * writing a LintRule in its own file and listing it in LINT_RULES; every consumer (the designer's
 * Problems, `cepheus validate`, the export report) shows its diagnostics.
 */
import type { PatternDocument } from '../format/schema';
import { documentToSpec } from '../format/to-spec';
import type { Diagnostic } from '../pattern/diagnostic';
import type { PatternSpec } from '../pattern/spec';
import { explosiveRule } from './explosive';
import { surprisesRule } from './surprises';
import { neverTrueRule } from './never-true';
import type { LintContext, LintRule, LintTime } from './types';

export type { LintContext, LintRule, LintTime } from './types';

export const LINT_RULES: readonly LintRule[] = [explosiveRule, surprisesRule, neverTrueRule];

/** Runs every rule; a rule that throws is skipped (a lint never stops validation). */
export function lintPattern(ctx: LintContext, rules: readonly LintRule[] = LINT_RULES): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    try {
      out.push(...rule.check(ctx));
    } catch {
      // A rule's bug must not hide the other problems; the rule's own tests catch it.
    }
  }
  return out;
}

function lintTime(doc: PatternDocument): LintTime {
  const t = doc.settings.time;
  return t.mode === 'event'
    ? { mode: 'event', outOfOrdernessMs: t.outOfOrdernessMs }
    : { mode: 'processing' };
}

/**
 * Lints a document. Pass the spec when the caller already lowered it; a document whose graph does
 * not lower has no lint warnings (its errors come first).
 */
export function lintDocument(doc: PatternDocument, spec?: PatternSpec): Diagnostic[] {
  let lowered = spec;
  if (lowered === undefined) {
    const r = documentToSpec(doc);
    if (!r.ok) return [];
    lowered = r.spec;
  }
  return lintPattern({
    spec: lowered,
    time: lintTime(doc),
    ...(doc.eventSchema ? { schema: doc.eventSchema } : {}),
  });
}
