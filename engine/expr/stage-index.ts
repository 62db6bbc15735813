/**
 * Stage name → position in pattern order, built once per stage list: every condition of a pattern
 * is bound and checked against the same list, so a Set built per condition made compiling n stages
 * O(n²) (a 4,000-stage chain took 3.7 s).
 */
const cache = new WeakMap<readonly string[], { length: number; index: ReadonlyMap<string, number> }>();

export function stageIndex(stages: readonly string[]): ReadonlyMap<string, number> {
  const cached = cache.get(stages);
  // The length guards against a caller that reuses (and grows) one array between calls.
  if (cached !== undefined && cached.length === stages.length) return cached.index;
  const index = new Map<string, number>();
  stages.forEach((name, i) => {
    if (!index.has(name)) index.set(name, i);
  });
  cache.set(stages, { length: stages.length, index });
  return index;
}
