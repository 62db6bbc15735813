/**
 * The top-level event fields a condition reads, so a host can decode only those (the replay's
 * whole-recording analysis reads a few fields of wide events). Conservative: a condition that may
 * read a field named at run time gets null ("any field").
 */
import { childrenOf, type Expr } from './ast';
import { bindCondition } from './bind';

/**
 * Field names read from the candidate event or from the events bound to a stage (aggregates), or
 * null when the condition can reach a whole event (`first(stage)` / `last(stage)` without a field).
 */
export function fieldsRead(ast: Expr, stages: readonly string[]): Set<string> | null {
  const binding = bindCondition(ast, stages);
  const fields = new Set<string>();
  let any = false;
  const visit = (node: Expr): void => {
    if (node.kind === 'ident') {
      fields.add(node.name);
      return;
    }
    if (node.kind === 'call') {
      const agg = binding.aggregates.get(node);
      if (agg !== undefined) {
        if (agg.keys.length > 0) fields.add(agg.keys[0]);
        // count(stage) reads no field; first/last(stage) hand out the whole event.
        else if (agg.fn !== 'count') any = true;
        node.args.slice(1).forEach(visit);
        return;
      }
      if (binding.unbound.has(node)) any = true;
    }
    childrenOf(node).forEach(visit);
  };
  visit(ast);
  return any ? null : fields;
}
