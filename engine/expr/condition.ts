/** The pipeline: parse → bind names → type-check → compile to closures. */
import type { Diagnostic } from '../pattern/diagnostic';
import type { EventRecord, EventSchema } from '../pattern/spec';
import type { Expr } from './ast';
import { bindCondition, type Binding } from './bind';
import { TypeChecker } from './checker';
import { ConditionCompiler, type ConditionContext } from './compile';
import { parseCondition } from './parser';

export type CompiledCondition = (event: EventRecord, ctx: ConditionContext) => boolean;

export interface CompileOptions {
  /** Names of every stage of the pattern (aggregates may refer to them). */
  stages: readonly string[];
  /** The stage this condition belongs to. */
  currentStage?: string;
  schema?: EventSchema;
}

export type CompileResult =
  | {
      ok: true;
      condition: CompiledCondition;
      ast: Expr;
      referencedStages: string[];
      iterative: boolean;
      diagnostics: Diagnostic[];
    }
  | { ok: false; diagnostics: Diagnostic[] };

function analyse(ast: Expr, options: CompileOptions): { binding: Binding; diagnostics: Diagnostic[] } {
  const binding = bindCondition(ast, options.stages ?? [], options.currentStage);
  const checker = new TypeChecker(binding, options);
  checker.checkRoot(ast);
  const diagnostics = [...binding.diagnostics, ...checker.diagnostics].sort(
    (a, b) => (a.range?.start ?? 0) - (b.range?.start ?? 0),
  );
  return { binding, diagnostics };
}

/** Name and type errors (and warnings) of a parsed condition. */
export function checkCondition(ast: Expr, options: CompileOptions): Diagnostic[] {
  try {
    return analyse(ast, options).diagnostics;
  } catch (e) {
    return [
      {
        code: 'expr.internal',
        message: `cannot check this condition (${String(e)})`,
        severity: 'error',
        range: ast.range,
      },
    ];
  }
}

/** Parses, checks and compiles a condition. Never throws: problems come back as diagnostics. */
export function compileCondition(source: string, options: CompileOptions): CompileResult {
  const parsed = parseCondition(source);
  if (!parsed.ast) return { ok: false, diagnostics: parsed.diagnostics };
  const ast = parsed.ast;
  try {
    const { binding, diagnostics } = analyse(ast, options);
    if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
    const condition = new ConditionCompiler(binding).predicate(ast);
    return {
      ok: true,
      condition,
      ast,
      referencedStages: binding.referencedStages,
      iterative: binding.aggregates.size > 0,
      diagnostics,
    };
  } catch (e) {
    return {
      ok: false,
      diagnostics: [
        {
          code: 'expr.internal',
          message: `cannot compile this condition (${String(e)})`,
          severity: 'error',
          range: ast.range,
        },
      ],
    };
  }
}

export { analyse as analyseCondition };
