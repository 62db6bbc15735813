/**
 * One problem found in a pattern, a condition or a document, in words a user understands,
 * pointing at what to fix: a node or edge of the canvas, a stage, a field, and for conditions
 * the exact character range.
 */
export interface SourceRange {
  /** 0-based offsets into the condition source, end exclusive. */
  start: number;
  end: number;
  /** 1-based line and column of `start` (Monaco's convention). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type DiagnosticField =
  'where' | 'or' | 'until' | 'quantifier' | 'contiguity' | 'name' | 'within' | 'skip' | 'settings' | 'json';

export interface DiagnosticTarget {
  kind: 'node' | 'edge' | 'pattern' | 'condition' | 'document';
  nodeId?: string;
  edgeId?: string;
  stage?: string;
  field?: DiagnosticField;
  /** Index into `or` conditions when field is 'or'. */
  index?: number;
  /** JSON path for document-level errors, e.g. ["nodes", 2, "quantifier", "from"]. */
  path?: (string | number)[];
}

export interface Diagnostic {
  /** Stable machine code, e.g. "expr.unknown-field", "pattern.not-stage-optional". */
  code: string;
  message: string;
  severity: 'error' | 'warning';
  target?: DiagnosticTarget;
  range?: SourceRange;
  /** The Flink exception this rule mirrors, when there is one (e.g. "MalformedPatternException"). */
  flinkError?: string;
  /** The exact message Flink raises for this rule, when there is one (conformance compares its gist). */
  flinkMessage?: string;
  /** A proposed fix in plain words (lint warnings), e.g. "add a window (Within) to the pattern". */
  fix?: string;
}
