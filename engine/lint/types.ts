/**
 * Lint rules: warnings about patterns that are valid (Flink accepts them) but likely to hurt: they
 * can exhaust memory, never match, or mean something other than what they look like. Each warning
 * says why in plain words and proposes a fix (`Diagnostic.fix`).
 */
import type { PatternDocument } from '../format/schema';
import type { Diagnostic } from '../pattern/diagnostic';
import type { EventSchema, PatternSpec } from '../pattern/spec';

/** How the document reads time (absent when a bare PatternSpec is linted). */
export type LintTime = { mode: 'event'; outOfOrdernessMs: number } | { mode: 'processing' };

/** Everything a rule may look at. Rules are pure functions of it. */
export interface LintContext {
  /**
   * The lowered pattern; conditions may still have errors. In the designer's validation of an
   * unfinished graph it is the longest chain (a stage not connected yet is left out).
   */
  spec: PatternSpec;
  /** The whole document, when a document is linted (settings, event schema, names). */
  doc?: PatternDocument;
  time?: LintTime;
  schema?: EventSchema;
}

export interface LintRule {
  /** Names the rule; every diagnostic it reports has a code starting with `lint.`. */
  id: string;
  check(ctx: LintContext): Diagnostic[];
}
