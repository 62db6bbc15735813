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
  /** A change that resolves the problem, applied in one click (engine/problems `applyFix`). */
  quickFix?: DiagnosticFix;
}

/**
 * One step of a quick fix, as plain data (diagnostics cross process boundaries and are printed by the
 * CLI). Nodes and edges are addressed by id, so a fix stays valid while the document is reordered.
 */
export type FixEdit =
  /** Replace `start..end` (0-based, end exclusive) of a condition; node and field default to the diagnostic's target. */
  | {
      kind: 'condition-text';
      nodeId?: string;
      field?: 'where' | 'or' | 'until';
      index?: number;
      start: number;
      end: number;
      text: string;
    }
  /** Shallow-merge into the pattern settings (`within`, `skip`, `partitionKey`, `time`, …). */
  | { kind: 'settings'; patch: Record<string, unknown> }
  /** Shallow-merge into a stage or group node (`quantifier`, `until`, …). */
  | { kind: 'node'; nodeId: string; patch: Record<string, unknown> }
  /** Shallow-merge into an edge (`contiguity`). */
  | { kind: 'edge'; edgeId: string; patch: Record<string, unknown> };

export interface DiagnosticFix {
  /** What applying it does, as a button label: "Change to 'amount'", "Add a 10 minute time window". */
  title: string;
  edits: FixEdit[];
}
