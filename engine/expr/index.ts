/** Cepheus' condition language: parser, checker, compiler, tracer, editor support and printers. */
export type { Expr, BinaryOp, UnaryOp, LiteralValue } from './ast';
export type { ConditionContext } from './compile';
export type { CompiledCondition, CompileOptions, CompileResult } from './condition';
export { compileCondition, checkCondition } from './condition';
export { parseCondition } from './parser';
export { CONDITION_FUNCTIONS, type FunctionDoc, type ExprType } from './functions';
