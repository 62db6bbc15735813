/**
 * Event guards: a cheap test a condition cannot be true without. For `type == 'B' && sum(…) <= 500`
 * the guard is `type == 'B'`: the leftmost conjunct, so when it fails the condition short-circuits
 * to false without evaluating (or failing on) anything else. The runtime evaluates a guard once per
 * event and skips the partial matches it rules out (see engine/nfa/guards.ts).
 */
import type { EventRecord } from '../pattern/spec';
import { pathOf, type Expr } from './ast';
import { equals, pathGetter } from './values';

export interface EventGuard {
  /** Field path and value, as text; equal texts are the same guard. */
  readonly text: string;
  /** False only when the condition is certainly false; never throws. */
  readonly test: (event: EventRecord) => boolean;
}

function leftmostConjunct(node: Expr): Expr {
  let n = node;
  while (n.kind === 'binary' && n.op === '&&') n = n.left;
  return n;
}

/** The guard of a compiled condition's AST, or null when its leftmost conjunct is not `field == literal`. */
export function guardOf(ast: Expr): EventGuard | null {
  const c = leftmostConjunct(ast);
  if (c.kind !== 'binary' || c.op !== '==') return null;
  const leftPath = pathOf(c.left);
  const [path, lit] = leftPath ? [leftPath, c.right] : [pathOf(c.right), c.left];
  if (path === null || lit.kind !== 'literal' || lit.value === null) return null;
  const keys = [path.root, ...path.keys];
  const get = pathGetter(keys);
  const value = lit.value;
  return { text: `${keys.join('.')} == ${JSON.stringify(value)}`, test: (e) => equals(get(e), value) };
}
