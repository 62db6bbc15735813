/**
 * Cepheus engine — the library entry point. Pure TypeScript: no Node, DOM, Electron or wall clock,
 * so the same code runs in the desktop app, the CLI and your own server.
 *
 * Typical use:
 *
 *   import { loadDocument, documentToSpec, compilePattern, createMatcher } from 'cepheus/engine';
 *
 *   const loaded = loadDocument(jsonText);                 // validate + migrate a *.cep.json
 *   if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
 *   const lowered = documentToSpec(loaded.document);        // canvas graph → linear PatternSpec
 *   if (!lowered.ok) throw …;
 *   const compiled = compilePattern(lowered.spec);          // compile once (Flink's NFACompiler rules)
 *   if (!compiled.ok) throw …;
 *   const matcher = createMatcher(compiled.nfa, {           // one matcher per input stream
 *     time: 'event', timestampOf: (e) => Number(e.ts), keyOf: (e) => String(e.account), outOfOrdernessMs: 1000,
 *     timeouts: true,                                       // also output timed-out partial matches (default: only counted)
 *   });
 *   for (const out of matcher.push(event)) …                // kind: match | timeout | late | warning | error
 *   matcher.advanceWatermark(t);                            // or rely on derived watermarks
 *   matcher.flush();                                        // end of input: closes every window
 *   const saved = matcher.snapshot();                       // checkpoint (plain JSON)
 *   const again = restoreMatcher(compiled.nfa, saved, sameOptions);   // restore
 *
 * Exports to Flink (dynamic-CEP JSON, Java, SQL): `exportPattern`, `expressibility`.
 * Import of Flink dynamic-CEP JSON: `importFlinkJson`.
 * This file only re-exports; each area documents itself in its own index.
 */
export * from './format';
export { parseCondition, compileCondition, checkCondition, CONDITION_FUNCTIONS } from './expr';
export type {
  Expr,
  CompiledCondition,
  CompileOptions as ConditionCompileOptions,
  CompileResult as ConditionCompileResult,
  FunctionDoc,
} from './expr';
export {
  compilePattern,
  createMatcher,
  CepMatcher,
  snapshotMatcher,
  restoreMatcher,
  listPartialMatches,
  DEFAULT_RUN_BUDGET,
  RunBudgetExceeded,
  type RunBudgetLimits,
  type BudgetLimit,
  pendingSummary,
  describePending,
  type PendingSummary,
  type CompilePatternResult,
  type CompiledNfa,
  type MatcherOptions,
  type MatcherOutput,
  type MatcherSnapshot,
  type MatcherCounters,
  type RestoreMatcherResult,
  type Match,
  type MatchStage,
  type EventRef,
  type PartialMatchInfo,
} from './nfa';
export {
  lintDocument,
  lintPattern,
  LINT_RULES,
  type LintContext,
  type LintRule,
  type LintTime,
} from './lint';
export {
  exportPattern,
  exportWarnings,
  warningText,
  expressibility,
  EXPORT_TARGETS,
  type ExportTarget,
  type ExportOptions,
  type ExportResult,
  type ExpressibilityReport,
  type ExpressibilityItem,
  type TargetReport,
  jobSettingsPath,
  readJobSettings,
  type JobSettings,
} from './export';
export { importFlinkJson, type ImportResult, type ImportOptions } from './import';
export { validatePattern, applyFix, type ValidatePatternOptions } from './problems';
export {
  DocumentTestRun,
  arraySource,
  errorResult,
  summarize,
  BehaviourDiff,
  type DiffOutcome,
  type DiffResult,
  type DiffSummary,
  type CaseResult,
  type TestSummary,
  type RecordingResolver,
} from './testing';
export { prepareReplayPattern, type ReplayPattern } from './debug';
export {
  timeReader,
  fieldValue,
  fieldReader,
  toEpochMillis,
  keyReader,
  keyText,
  type TimeReader,
  type TimeFormat,
} from './runtime/event-time';
export {
  parseVectors,
  runVectors,
  runVector,
  type ConformanceVector,
  type VectorOutcome,
} from './conformance';
export type {
  PatternSpec,
  StageSpec,
  Quantifier,
  SkipStrategy,
  Within,
  EventRecord,
  EventSchema,
  Contiguity,
} from './pattern/spec';
export type { Diagnostic, DiagnosticTarget, DiagnosticFix, FixEdit, SourceRange } from './pattern/diagnostic';
