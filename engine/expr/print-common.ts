/** Shared machinery of the dialect printers: precedence-aware parenthesising and refusals. */
import { pathOf, type BinaryOp, type CallExpr, type Expr } from './ast';
import { bindCondition, type AggregateCall } from './bind';
import { findFunction, type FunctionDoc } from './functions';
import { toJavaRegex } from './regex-java';

export type PrintResult = { ok: true; text: string } | { ok: false; reason: string };

/** Thrown inside a printer to refuse; caught at its entry point and turned into `{ok:false}`. */
export class Refusal extends Error {}

export const refuse = (reason: string): never => {
  throw new Refusal(reason);
};

/** Operator precedence shared by Java, Aviator and (with its own keywords) SQL. */
export const enum Prec {
  Ternary = 1,
  Or = 2,
  And = 3,
  Not = 4,
  Equality = 5,
  Relational = 6,
  Additive = 7,
  Multiplicative = 8,
  Unary = 9,
  Atom = 10,
}

export interface Printed {
  text: string;
  prec: number;
}

export function binaryPrec(op: BinaryOp): Prec {
  switch (op) {
    case '||':
      return Prec.Or;
    case '&&':
      return Prec.And;
    case '==':
    case '!=':
      return Prec.Equality;
    case '+':
    case '-':
      return Prec.Additive;
    case '*':
    case '/':
    case '%':
      return Prec.Multiplicative;
    default:
      return Prec.Relational;
  }
}

/** Parenthesises `p` unless it binds at least as tightly as `min`. */
export const wrap = (p: Printed, min: number): string => (p.prec < min ? `(${p.text})` : p.text);

export const atom = (text: string): Printed => ({ text, prec: Prec.Atom });

/** Number literal text valid in Java, Aviator and SQL; `asDouble` forces a decimal point. */
export function numberText(n: number, asDouble = false): string {
  if (!Number.isFinite(n)) return refuse(`the number ${n} cannot be exported`);
  const s = String(n);
  if (/e/i.test(s)) return asDouble && !s.includes('.') ? s.replace(/e/i, '.0E') : s.toUpperCase();
  return asDouble && !s.includes('.') ? `${s}.0` : s;
}

/** What each call means, resolved without a stage list: a one-argument aggregate names its stage by its root. */
export interface CallInfo {
  doc: FunctionDoc;
  aggregate: AggregateCall | null;
}

export function callInfo(call: CallExpr): CallInfo {
  const doc = findFunction(call.callee);
  if (!doc) return refuse(`unknown function '${call.callee}'`);
  if (call.args.length < doc.minArgs || call.args.length > doc.maxArgs)
    return refuse(`${doc.name}() has the wrong number of arguments`);
  const isAggregate = doc.kind === 'aggregate' && call.args.length === 1;
  if (!isAggregate) return { doc, aggregate: null };
  const path = pathOf(call.args[0]);
  if (!path) return refuse(`${doc.name}() needs a stage, e.g. ${doc.name}(stage.price)`);
  // Reuse the binder so printers and the engine agree on what the aggregate reads.
  const bound = bindCondition(call, [path.root]).aggregates.get(call);
  if (!bound) return refuse(`${doc.name}() needs a field of stage '${path.root}'`);
  return { doc, aggregate: bound };
}

/**
 * A regex literal of matches() for Java's engine (SQL REGEXP, Aviator =~), anchored the way
 * matches() evaluates it (whole text); see regex-java.ts.
 */
export function anchoredRegex(call: CallExpr): string {
  const lit = call.args[1];
  if (!lit || lit.kind !== 'literal' || typeof lit.value !== 'string')
    return refuse('matches() needs a literal regex');
  const java = toJavaRegex(lit.value, true);
  return java.ok ? java.text : refuse(java.reason);
}

/** The regex of matches() for Java's String.matches (see regex-java.ts). */
export function javaMatchesRegex(call: CallExpr): string {
  const lit = call.args[1];
  if (!lit || lit.kind !== 'literal' || typeof lit.value !== 'string')
    return refuse('matches() needs a literal regex');
  const java = toJavaRegex(lit.value);
  return java.ok ? java.text : refuse(java.reason);
}

/** Runs a printer body, turning a Refusal into a result. */
export function attempt<T extends object>(body: () => T): ({ ok: true } & T) | { ok: false; reason: string } {
  try {
    return { ok: true, ...body() };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, reason: e.message };
    return { ok: false, reason: `cannot print this condition (${String(e)})` };
  }
}

/** `x in [a, b]` spelled out for dialects without IN: `(x == a || x == b)`. */
export function expandIn(node: Extract<Expr, { kind: 'binary' }>): Expr {
  if (node.right.kind !== 'list') return refuse(`'${node.op}' needs a literal list to be exported`);
  const negated = node.op === 'not in';
  const parts: Expr[] = node.right.items.map((item) => ({
    kind: 'binary',
    op: negated ? '!=' : '==',
    left: node.left,
    right: item,
    opRange: node.opRange,
    range: node.range,
  }));
  if (parts.length === 0) {
    // `x not in []` holds for every non-null x.
    if (!negated) return { kind: 'literal', value: false, range: node.range };
    return {
      kind: 'binary',
      op: '!=',
      left: node.left,
      right: { kind: 'literal', value: null, range: node.range },
      opRange: node.opRange,
      range: node.range,
    };
  }
  return parts.reduce((acc, part) => ({
    kind: 'binary',
    op: negated ? '&&' : '||',
    left: acc,
    right: part,
    opRange: node.opRange,
    range: node.range,
  }));
}
