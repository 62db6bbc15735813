/**
 * The largest pattern a document may describe, checked on the raw JSON before any validation or
 * compilation: a pattern is drawn by a person, and its checks and compilation grow with its size
 * (a 45,000-stage document held a host's thread for seconds). Far above any hand-made pattern.
 */
export const MAX_PATTERN_NODES = 2_000;
export const MAX_PATTERN_EDGES = 4_000;

/** Counts nodes and edges of the graph and every group's sub-graph; iterative, nothing is trusted. */
export function countGraph(raw: Record<string, unknown>): { nodes: number; edges: number } {
  let nodes = 0;
  let edges = 0;
  const stack: unknown[] = [raw];
  while (stack.length > 0 && nodes <= MAX_PATTERN_NODES && edges <= MAX_PATTERN_EDGES) {
    const graph = stack.pop();
    if (graph === null || typeof graph !== 'object') continue;
    const { nodes: n, edges: e } = graph as { nodes?: unknown; edges?: unknown };
    if (Array.isArray(e)) edges += e.length;
    if (!Array.isArray(n)) continue;
    nodes += n.length;
    for (const node of n as unknown[])
      if (node !== null && typeof node === 'object' && (node as { kind?: unknown }).kind === 'group')
        stack.push(node);
  }
  return { nodes, edges };
}

/** A plain message when the document is past the limits, else null. */
export function sizeProblem(raw: Record<string, unknown>): string | null {
  const { nodes, edges } = countGraph(raw);
  if (nodes > MAX_PATTERN_NODES)
    return `This pattern has more than ${MAX_PATTERN_NODES.toLocaleString('en-US')} stages and groups, the most Cepheus accepts; split it into several patterns.`;
  if (edges > MAX_PATTERN_EDGES)
    return `This pattern has more than ${MAX_PATTERN_EDGES.toLocaleString('en-US')} edges, the most Cepheus accepts; split it into several patterns.`;
  return null;
}
