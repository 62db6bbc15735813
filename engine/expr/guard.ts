/**
 * Event guards: a cheap test a condition cannot be true without. For `type == 'B' && sum(…) <= 500`
 * the guard is `type == 'B'`; for `(type == 'purchase' || type == 'transfer') && amount > 100` it is
 * `type in ['purchase', 'transfer']`. A guard is read from the leftmost conjunct, and an OR only
 * when both sides have a guard on the same field, so when the guard fails the condition
 * short-circuits to false without evaluating (or failing on) anything else. The runtime evaluates a
 * guard once per event and skips the partial matches it rules out (see engine/nfa/guards.ts).
 */
import type { EventRecord } from '../pattern/spec';
import { pathOf, type Expr, type LiteralValue } from './ast';
import { pathGetter } from './values';

export interface EventGuard {
  /** Field path and values, as text; equal texts are the same guard. */
  readonly text: string;
  /** False only when the condition is certainly false; never throws. */
  readonly test: (event: EventRecord) => boolean;
}

/** The field a guard reads and the values it lets through (never null: `==` and `in` reject null). */
interface GuardShape {
  keys: string[];
  values: LiteralValue[];
}

function fieldAndLiteral(a: Expr, b: Expr): { keys: string[]; value: LiteralValue } | null {
  const path = pathOf(a);
  if (path === null || b.kind !== 'literal' || b.value === null) return null;
  return { keys: [path.root, ...path.keys], value: b.value };
}

function shapeOf(node: Expr): GuardShape | null {
  if (node.kind !== 'binary') return null;
  switch (node.op) {
    case '&&':
      return shapeOf(node.left);
    case '||': {
      const l = shapeOf(node.left);
      const r = l && shapeOf(node.right);
      if (l === null || r === null || l.keys.join('.') !== r.keys.join('.')) return null;
      return { keys: l.keys, values: [...l.values, ...r.values.filter((v) => !l.values.includes(v))] };
    }
    case '==': {
      const f = fieldAndLiteral(node.left, node.right) ?? fieldAndLiteral(node.right, node.left);
      return f && { keys: f.keys, values: [f.value] };
    }
    case 'in': {
      const path = pathOf(node.left);
      const list = node.right;
      if (path === null || list.kind !== 'list' || list.items.length === 0) return null;
      const values: LiteralValue[] = [];
      for (const item of list.items) {
        if (item.kind !== 'literal') return null;
        if (item.value !== null && !values.includes(item.value)) values.push(item.value);
      }
      return values.length > 0 ? { keys: [path.root, ...path.keys], values } : null;
    }
    default:
      return null;
  }
}

/** The guard of a compiled condition's AST, or null when the condition has none. */
export function guardOf(ast: Expr): EventGuard | null {
  const shape = shapeOf(ast);
  if (shape === null) return null;
  const get = pathGetter(shape.keys);
  const { values } = shape;
  const field = shape.keys.join('.');
  if (values.length === 1) {
    const only = values[0];
    return { text: `${field} == ${JSON.stringify(only)}`, test: (e) => get(e) === only };
  }
  return {
    text: `${field} in ${JSON.stringify(values)}`,
    test: (e) => values.includes(get(e) as LiteralValue),
  };
}
