/**
 * What a comparison needs to mean in a Flink dialect what it means here. Our conditions compare
 * only present values: a missing field (or null arithmetic, an aggregate of no events, a division by
 * zero) makes the comparison false, and `!` then turns that false into true (values.ts). Flink's
 * dialects do otherwise: Aviator orders nil below every value (`amount < 1` holds when amount is
 * missing), Java throws on unboxing null or calling a method on it (and the job fails), and SQL's
 * NULL makes the comparison UNKNOWN, which NOT keeps UNKNOWN. The printers therefore put explicit
 * guards before a comparison: every value it reads that can be null must be present (and every
 * divisor non-zero), so each comparison is true or false exactly as here, and `&&`, `||`, `!`
 * combine them the same way in every dialect.
 */
import { pathOf, type CallExpr, type Expr } from './ast';
import { findFunction } from './functions';

export type Guard = { kind: 'present'; expr: Expr } | { kind: 'nonZero'; expr: Expr };

/** Functions whose result here is never null however their argument is bound. */
const NEVER_NULL_AGGREGATES = new Set(['count', 'sum']);

function isNonZeroNumber(e: Expr): boolean {
  return e.kind === 'literal' && typeof e.value === 'number' && e.value !== 0;
}

/** One-argument aggregate call over a stage (count(b), avg(b.x), first(b)). */
function isAggregate(call: CallExpr): boolean {
  return findFunction(call.callee)?.kind === 'aggregate' && call.args.length === 1;
}

/** Guards that make a value expression non-null here; innermost reads only. */
export function valueGuards(node: Expr): Guard[] {
  switch (node.kind) {
    case 'literal':
    case 'list':
      return [];
    case 'ident':
    case 'member':
      // A field of the event, of a bound event (first(b).x), or a computed key: read, may be missing.
      return [{ kind: 'present', expr: node }];
    case 'unary':
      return node.op === '!' ? [] : valueGuards(node.operand);
    case 'conditional':
      return [{ kind: 'present', expr: node }];
    case 'binary': {
      const { op } = node;
      if (op === '+' || op === '-' || op === '*' || op === '/' || op === '%') {
        const out = [...valueGuards(node.left), ...valueGuards(node.right)];
        if ((op === '/' || op === '%') && !isNonZeroNumber(node.right))
          out.push({ kind: 'nonZero', expr: node.right });
        return out;
      }
      return []; // comparisons and logic give true or false, never null
    }
    case 'call':
      if (isAggregate(node))
        return NEVER_NULL_AGGREGATES.has(findFunction(node.callee)?.name ?? '')
          ? []
          : [{ kind: 'present', expr: node }];
      return node.args.flatMap(valueGuards);
  }
}

/**
 * Guards of one comparison or boolean function call (null when `node` is neither): the values it
 * reads must be present. `x == null` / `x != null` are the null tests themselves and need none.
 */
export function comparisonGuards(node: Expr): Guard[] | null {
  if (node.kind === 'call') {
    if (isAggregate(node)) return null;
    return findFunction(node.callee)?.returns === 'boolean' ? node.args.flatMap(valueGuards) : null;
  }
  if (node.kind !== 'binary') return null;
  const { op, left, right } = node;
  const nullLiteral = (e: Expr): boolean => e.kind === 'literal' && e.value === null;
  if (op === '==' || op === '!=') {
    if (nullLiteral(left) || nullLiteral(right)) return [];
    return [...valueGuards(left), ...valueGuards(right)];
  }
  if (op === '<' || op === '<=' || op === '>' || op === '>=')
    return [...valueGuards(left), ...valueGuards(right)];
  if (op === 'in' || op === 'not in') return valueGuards(left);
  return null;
}

/** True for a direct read (field, bound-event field) compared with a non-null literal by `==`. */
export function isFieldEqualsLiteral(node: Expr): boolean {
  if (node.kind !== 'binary' || node.op !== '==') return false;
  const lit = (e: Expr): boolean => e.kind === 'literal' && e.value !== null;
  const read = (e: Expr): boolean => pathOf(e) !== null;
  return (read(node.left) && lit(node.right)) || (lit(node.left) && read(node.right));
}

/** Removes guards that print the same (the same field read twice needs one test). */
export function uniqueGuards(guards: Guard[], print: (g: Guard) => string): string[] {
  return [...new Set(guards.map(print))];
}
