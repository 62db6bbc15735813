/**
 * Conditions as the exporters need them: the stage's effective condition sources, and each one
 * printed in a Flink dialect by engine/expr's printers (which own the per-dialect rules and refusals).
 */
import { parseCondition } from '../expr';
import { printAviator } from '../expr/print-aviator';
import { printFlinkSql } from '../expr/print-flink-sql';
import { printJava, type JavaPrintResult } from '../expr/print-java';
import type { Expr } from '../expr';
import { childrenOf, pathOf, walk } from '../expr/ast';
import { sqlIdent } from './sql-text';
import type { StageSpec } from '../pattern/spec';

export type Printed = { ok: true; text: string } | { ok: false; reason: string };

const AGGREGATES = new Set(['count', 'sum', 'avg', 'first', 'last']);

/**
 * The OR-ed condition sources of a stage, as Flink combines them: `where(a).or(b)` is `a || b`, and
 * `.or(b)` on a stage without `where` is just `b`. An empty list means "every event".
 */
export function conditionSources(stage: Pick<StageSpec, 'where' | 'or'>): string[] {
  const where = stage.where?.trim() ? [stage.where] : [];
  return [...where, ...(stage.or ?? []).filter((c) => c.trim() !== '')];
}

function parse(src: string): { ok: true; ast: Expr } | { ok: false; reason: string } {
  const parsed = parseCondition(src);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (!parsed.ast || errors.length > 0)
    return {
      ok: false,
      reason: `the condition "${src}" does not parse (${errors[0]?.message ?? 'syntax error'})`,
    };
  return { ok: true, ast: parsed.ast };
}

/** True when the condition reads earlier stages (count/sum/avg/first/last, or min/max over a stage). */
export function readsOtherEvents(src: string): boolean {
  const parsed = parse(src);
  if (!parsed.ok) return false;
  let found = false;
  walk(parsed.ast, (n) => {
    if (n.kind !== 'call') return;
    if (AGGREGATES.has(n.callee) || ((n.callee === 'min' || n.callee === 'max') && n.args.length === 1))
      found = true;
  });
  return found;
}

/** The nested field reads of a condition (`user.id`), as written; empty when it reads top-level fields only. */
export function nestedFieldReads(src: string): string[] {
  const parsed = parse(src);
  if (!parsed.ok) return [];
  const found = new Set<string>();
  const visit = (n: Expr): void => {
    const path = n.kind === 'member' ? pathOf(n) : null;
    if (path && path.keys.length > 0) {
      found.add([path.root, ...path.keys].join('.'));
      return;
    }
    for (const c of childrenOf(n)) visit(c);
  };
  visit(parsed.ast);
  return [...found];
}

/** Parses the sources and ORs them into one tree, so the printer parenthesises only where needed. */
function printAll(sources: string[], print: (ast: Expr) => Printed): Printed {
  const trees: Expr[] = [];
  for (const src of sources) {
    const parsed = parse(src);
    if (!parsed.ok) return parsed;
    trees.push(parsed.ast);
  }
  const combined = trees.reduce((left, right) => ({
    kind: 'binary',
    op: '||',
    left,
    right,
    opRange: right.range,
    range: right.range,
  }));
  return print(combined);
}

/** One Aviator expression for the OR of the sources (AviatorCondition is a SimpleCondition). */
export function aviatorCondition(sources: string[]): Printed {
  return printAll(sources, (ast) => printAviator(ast));
}

/** One Java boolean expression over `event` (and `ctx` when `iterative`: it reads earlier stages). */
export function javaCondition(
  src: string,
  booleanFields: ReadonlySet<string> = new Set(),
  asValue = false,
): JavaPrintResult {
  const parsed = parse(src);
  if (!parsed.ok) return parsed;
  return printJava(parsed.ast, { eventVar: 'event', contextVar: 'ctx', booleanFields, asValue });
}

/** One SQL predicate for DEFINE of the stage's variable. */
export function sqlCondition(sources: string[], stage: string, rowColumn?: string): Printed {
  return printAll(sources, (ast) =>
    printFlinkSql(ast, {
      variable: sqlIdent(stage),
      currentStage: stage,
      varOf: sqlIdent,
      ...(rowColumn ? { rowColumn } : {}),
    }),
  );
}
