/** Cepheus' condition language: parser, checker, compiler, tracer, editor support and printers. */
export type { Expr, BinaryOp, UnaryOp, LiteralValue } from './ast';
export type { ConditionContext } from './compile';
export type { CompiledCondition, CompileOptions, CompileResult } from './condition';
export { compileCondition, checkCondition } from './condition';
export { parseCondition } from './parser';
export { renameStageReferences, isReferenceableName } from './rename';
export { explainCondition, type ConditionTrace, type TraceStep } from './explain';
export { completionsAt, type CompletionItem, type CompletionKind } from './completion';
export { hoverAt, type Hover } from './hover';
export { CONDITION_FUNCTIONS, type FunctionDoc, type ExprType } from './functions';
export { KEYWORDS, MAX_CONDITION_DEPTH, MAX_CONDITION_LENGTH } from './parser';
export { printAviator } from './print-aviator';
export { printJava, type JavaPrintOptions, type JavaPrintResult } from './print-java';
export { printFlinkSql, type FlinkSqlPrintOptions } from './print-flink-sql';
export type { PrintResult } from './print-common';
