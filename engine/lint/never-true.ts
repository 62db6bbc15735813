/**
 * A condition that can never be true: its `&&`-joined comparisons of one field with constants
 * leave no value (`amount > 5 && amount < 3`, `type == 'a' && type == 'b'`, `x == 2 && x != 2`).
 * The stage then never takes an event and the pattern never matches past it. Type mismatches and
 * unknown fields against the schema are the condition checker's errors (engine/expr/checker.ts).
 */
import { constantOf as constant, pathOf, type Expr } from '../expr/ast';
import { parseCondition } from '../expr/parser';
import type { Diagnostic, DiagnosticFix } from '../pattern/diagnostic';
import type { StageSpec } from '../pattern/spec';
import { stageInfos, stageWarning } from './stages';
import type { LintContext, LintRule } from './types';

type Constant = string | number | boolean | null;

interface FieldFacts {
  lower: { value: number; strict: boolean; text: string } | null;
  upper: { value: number; strict: boolean; text: string } | null;
  equals: { value: Constant; text: string } | null;
  notEquals: { value: Constant; text: string }[];
}

/** `a.b.c` as one dotted name, or null when `e` is not a field. */
function fieldPath(e: Expr): string | null {
  const path = pathOf(e);
  return path ? [path.root, ...path.keys].join('.') : null;
}

const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };

function conjuncts(e: Expr, out: Expr[]): Expr[] {
  if (e.kind === 'binary' && e.op === '&&') {
    conjuncts(e.left, out);
    conjuncts(e.right, out);
  } else out.push(e);
  return out;
}

/** Why the facts leave no value, or null. */
function contradiction(field: string, f: FieldFacts): string | null {
  const { lower, upper, equals } = f;
  if (lower && upper) {
    const empty =
      lower.value > upper.value || (lower.value === upper.value && (lower.strict || upper.strict));
    if (empty) return `no ${field} is both ${lower.text} and ${upper.text}`;
  }
  if (equals) {
    const v = equals.value;
    if (typeof v === 'number') {
      if (lower && (v < lower.value || (v === lower.value && lower.strict)))
        return `${field} ${equals.text} is not ${lower.text}`;
      if (upper && (v > upper.value || (v === upper.value && upper.strict)))
        return `${field} ${equals.text} is not ${upper.text}`;
    } else if (lower || upper) {
      return `${field} ${equals.text} is not a number, so it is never ${(lower ?? upper)!.text}`;
    }
    const excluded = f.notEquals.find((n) => n.value === v);
    if (excluded) return `${field} cannot be ${equals.text} and ${excluded.text}`;
  }
  return null;
}

function show(value: Constant): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** The contradiction in `condition`, as words, or null. */
export function neverTrue(condition: string): string | null {
  const parsed = parseCondition(condition);
  if (parsed.ast === null) return null;
  const facts = new Map<string, FieldFacts>();
  for (const c of conjuncts(parsed.ast, [])) {
    if (c.kind !== 'binary' || !(c.op in FLIP)) continue;
    let path = fieldPath(c.left);
    let k = constant(c.right);
    let op = c.op as string;
    if (path === null || k === null) {
      path = fieldPath(c.right);
      k = constant(c.left);
      op = FLIP[c.op] ?? op;
    }
    if (path === null || k === null) continue;
    const f = facts.get(path) ?? { lower: null, upper: null, equals: null, notEquals: [] };
    facts.set(path, f);
    const v = k.value;
    if (op === '==') {
      if (f.equals && f.equals.value !== v)
        return `${path} cannot equal both ${show(f.equals.value)} and ${show(v)}`;
      f.equals = { value: v, text: `== ${show(v)}` };
    } else if (op === '!=') f.notEquals.push({ value: v, text: `!= ${show(v)}` });
    else if (typeof v === 'number') {
      const bound = { value: v, strict: op === '<' || op === '>', text: `${op} ${v}` };
      if (op === '>' || op === '>=') {
        if (!f.lower || v > f.lower.value || (v === f.lower.value && bound.strict)) f.lower = bound;
      } else if (!f.upper || v < f.upper.value || (v === f.upper.value && bound.strict)) f.upper = bound;
    }
    const why = contradiction(path, f);
    if (why !== null) return why;
  }
  return null;
}

/**
 * One click for the usual slip, two comparisons joined by && that were meant as either one
 * (`amount < 10 && amount > 1000`): offered only when the whole condition is those two, since in a
 * longer chain which && was meant cannot be known.
 */
function orInsteadOfAnd(
  stage: StageSpec,
  field: 'where' | 'until',
  condition: string,
): DiagnosticFix | undefined {
  const ast = parseCondition(condition).ast;
  if (ast?.kind !== 'binary' || ast.op !== '&&' || conjuncts(ast, []).length !== 2) return undefined;
  if (stage.nodeId === undefined) return undefined;
  const or = `${condition.slice(0, ast.opRange.start)}||${condition.slice(ast.opRange.end)}`;
  if (neverTrue(or) !== null) return undefined;
  return {
    title: 'Change && to ||',
    edits: [
      {
        kind: 'condition-text',
        nodeId: stage.nodeId,
        field,
        start: ast.opRange.start,
        end: ast.opRange.end,
        text: '||',
      },
    ],
  };
}

function check(stage: StageSpec, field: 'where' | 'until', condition: string | undefined): Diagnostic | null {
  if (condition === undefined || condition.trim() === '') return null;
  const why = neverTrue(condition);
  if (why === null) return null;
  const what =
    field === 'until' ? 'its until condition never stops the loop' : `"${stage.name}" never takes an event`;
  const quickFix = orInsteadOfAnd(stage, field, condition);
  return {
    ...stageWarning(
      stage,
      field,
      'lint.condition-never-true',
      `The condition of "${stage.name}" can never be true: ${why}; ${what}${field === 'until' ? '' : ', so the pattern never matches past it'}`,
      'check the bounds and values (did you mean || instead of &&, or the other comparison?)',
    ),
    ...(quickFix ? { quickFix } : {}),
  };
}

export const neverTrueRule: LintRule = {
  id: 'condition-never-true',
  check(ctx: LintContext): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const { stage } of stageInfos(ctx.spec)) {
      const found = check(stage, 'where', stage.where) ?? check(stage, 'until', stage.until);
      if (found) out.push(found);
    }
    return out;
  },
};
