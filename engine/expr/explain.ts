/**
 * Evaluates a condition once more with every subexpression's value recorded, for the replay
 * debugger's "values that decided it". Uses the same compiler as the hot path (unfused), so the
 * trace cannot disagree with what the engine decided.
 */
import type { Diagnostic } from '../pattern/diagnostic';
import type { EventRecord } from '../pattern/spec';
import type { Expr } from './ast';
import { ConditionCompiler, type ConditionContext } from './compile';
import { analyseCondition, type CompileOptions } from './condition';
import { parseCondition } from './parser';

export interface TraceStep {
  start: number;
  end: number;
  /** The source text of the subexpression. */
  text: string;
  /** Its value; subexpressions skipped by short-circuiting have no step. */
  value: unknown;
}

export interface ConditionTrace {
  ok: boolean;
  /** The condition's outcome (false when it does not compile). */
  result: boolean;
  /** In evaluation order (children before their parent). */
  steps: TraceStep[];
  diagnostics: Diagnostic[];
}

export function explainCondition(
  source: string,
  event: EventRecord,
  ctx: ConditionContext,
  options: CompileOptions,
): ConditionTrace {
  const parsed = parseCondition(source);
  if (!parsed.ast) return { ok: false, result: false, steps: [], diagnostics: parsed.diagnostics };
  try {
    const { binding, diagnostics } = analyseCondition(parsed.ast, options);
    if (diagnostics.some((d) => d.severity === 'error'))
      return { ok: false, result: false, steps: [], diagnostics };
    const steps: TraceStep[] = [];
    const tracer = {
      record(node: Expr, value: unknown) {
        steps.push({
          start: node.range.start,
          end: node.range.end,
          text: source.slice(node.range.start, node.range.end),
          value,
        });
      },
    };
    const predicate = new ConditionCompiler(binding, tracer).predicate(parsed.ast);
    const result = predicate(event, ctx);
    return { ok: true, result, steps, diagnostics };
  } catch (e) {
    return {
      ok: false,
      result: false,
      steps: [],
      diagnostics: [
        {
          code: 'expr.internal',
          message: `cannot evaluate this condition (${String(e)})`,
          severity: 'error',
          range: parsed.ast.range,
        },
      ],
    };
  }
}
