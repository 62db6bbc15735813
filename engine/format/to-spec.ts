/**
 * documentToSpec: lowers the canvas graph to the linear PatternSpec the compiler reads.
 *
 * The graph must be one chain at every level: exactly one first stage (no incoming edge), at most one
 * edge in and out of each node, no cycles, no stray nodes, no edges to missing nodes, no empty groups.
 * Each problem becomes a diagnostic naming the node or edge, in plain words; Flink's own pattern rules
 * (greedy on a singleton, …) are the compiler's job and are not checked here.
 */
import type { Diagnostic } from '../pattern/diagnostic';
import type { PatternSpec, Quantifier, StageSpec } from '../pattern/spec';
import type { DocQuantifier, GroupNode, PatternDocument, PatternEdge, PatternNode } from './schema';
import { allNodes } from './walk';

export type SpecResult = { ok: true; spec: PatternSpec } | { ok: false; diagnostics: Diagnostic[] };

export function documentToSpec(doc: PatternDocument): SpecResult {
  const diagnostics: Diagnostic[] = [];
  const scopeOf = new Map<string, GroupNode | null>();
  for (const { node, parent } of allNodes(doc)) scopeOf.set(node.id, parent);
  const stages = lowerChain(doc.nodes, doc.edges, null, scopeOf, diagnostics);
  if (!stages || diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  const spec: PatternSpec = { stages, skip: lowerSkip(doc) };
  if (doc.settings.within) spec.within = { ms: doc.settings.within.ms, type: doc.settings.within.type };
  return { ok: true, spec };
}

function lowerSkip(doc: PatternDocument): PatternSpec['skip'] {
  const s = doc.settings.skip;
  if (s.kind === 'SKIP_TO_FIRST' || s.kind === 'SKIP_TO_LAST')
    return { kind: s.kind, stage: s.stage, throwExceptionOnMiss: s.throwExceptionOnMiss };
  return { kind: s.kind };
}

export function lowerQuantifier(q: DocQuantifier): Quantifier {
  const out: Quantifier = { kind: q.kind, optional: q.optional, greedy: q.greedy, inner: q.inner };
  if (q.from !== undefined) out.from = q.from;
  if (q.to !== undefined) out.to = q.to;
  if (q.window !== undefined) out.window = q.window;
  return out;
}

/** `stage "small" (n1)` / `group "burst" (g1)`: how diagnostics name a node. */
export function nodeLabel(n: PatternNode): string {
  return `${n.kind === 'group' ? 'group' : 'stage'} "${n.name}" (${n.id})`;
}

function err(code: string, message: string, target: Diagnostic['target']): Diagnostic {
  return { code, severity: 'error', message, target };
}

function lowerChain(
  nodes: PatternNode[],
  edges: PatternEdge[],
  scope: GroupNode | null,
  scopeOf: Map<string, GroupNode | null>,
  out: Diagnostic[],
): StageSpec[] | undefined {
  const where = scope ? ` in ${nodeLabel(scope)}` : '';
  if (nodes.length === 0) {
    out.push(
      scope
        ? err(
            'graph.empty-group',
            `${capital(nodeLabel(scope))} is empty: put at least one stage inside it.`,
            { kind: 'node', nodeId: scope.id },
          )
        : err('graph.empty', 'The pattern has no stages yet: add a stage to the canvas.', {
            kind: 'pattern',
          }),
    );
    return undefined;
  }
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const outgoing = new Map<string, PatternEdge[]>();
  const incoming = new Map<string, PatternEdge[]>();
  const before = out.length;

  for (const e of edges) {
    const from = byId.get(e.from);
    const to = byId.get(e.to);
    if (!from || !to) {
      const missing = !from ? e.from : e.to;
      const elsewhere = scopeOf.has(missing);
      out.push(
        err(
          elsewhere ? 'graph.edge-crosses-group' : 'graph.edge-missing-node',
          elsewhere
            ? `Edge ${e.id} crosses a group border (${e.from} → ${e.to}); connect to the group itself instead of a stage inside it.`
            : `Edge ${e.id} ${!from ? 'starts at' : 'points to'} node "${missing}", which does not exist${where}.`,
          { kind: 'edge', edgeId: e.id },
        ),
      );
      continue;
    }
    if (e.from === e.to) {
      out.push(
        err(
          'graph.cycle',
          `Edge ${e.id} connects ${nodeLabel(from)} to itself; to repeat a stage, give it a quantifier such as oneOrMore instead.`,
          {
            kind: 'edge',
            edgeId: e.id,
          },
        ),
      );
      continue;
    }
    push(outgoing, e.from, e);
    push(incoming, e.to, e);
  }
  for (const n of nodes) {
    const outs = outgoing.get(n.id) ?? [];
    const ins = incoming.get(n.id) ?? [];
    if (outs.length > 1)
      out.push(
        err(
          'graph.branch',
          `${capital(nodeLabel(n))} branches into ${outs.length} edges (${ids(outs)}); a pattern is a single chain, so keep only one.`,
          {
            kind: 'node',
            nodeId: n.id,
          },
        ),
      );
    if (ins.length > 1)
      out.push(
        err(
          'graph.join',
          `${capital(nodeLabel(n))} is reached by ${ins.length} edges (${ids(ins)}); each stage follows exactly one previous stage.`,
          {
            kind: 'node',
            nodeId: n.id,
          },
        ),
      );
  }
  const shapeBroken = out.length > before;

  const starts = nodes.filter((n) => !incoming.has(n.id));
  if (starts.length === 0) {
    out.push(
      err(
        'graph.cycle',
        `The stages${where} form a cycle, so none of them can come first; remove one edge of the loop.`,
        { kind: 'pattern' },
      ),
    );
    return undefined;
  }
  // Follow each start's chain; the longest one is "the" pattern, the others are reported as stray.
  const walks = starts.map((s) => walk(s, byId, outgoing, out));
  if (shapeBroken) return undefined;
  let main = 0;
  walks.forEach((w, i) => {
    if (w.nodes.length > walks[main].nodes.length) main = i;
  });
  const reached = new Set(walks.flatMap((w) => w.nodes.map((n) => n.id)));
  walks.forEach((w, i) => {
    if (i === main) return;
    const names = w.nodes.map((n) => `"${n.name}"`).join(', ');
    out.push(
      err(
        'graph.disconnected',
        `${w.nodes.length === 1 ? `${capital(nodeLabel(w.nodes[0]))} is` : `Stages ${names} (starting at ${w.nodes[0].id}) are`} not connected to the chain that starts at "${walks[main].nodes[0].name}"${where}; connect ${w.nodes.length === 1 ? 'it' : 'them'} with an edge or delete ${w.nodes.length === 1 ? 'it' : 'them'}.`,
        { kind: 'node', nodeId: w.nodes[0].id },
      ),
    );
  });
  for (const n of nodes) {
    if (!reached.has(n.id))
      out.push(
        err(
          'graph.cycle',
          `${capital(nodeLabel(n))} sits on a cycle that no chain reaches; remove one edge of the loop.`,
          { kind: 'node', nodeId: n.id },
        ),
      );
  }
  if (out.length > before) return undefined;

  const chain = walks[main];
  const stages: StageSpec[] = [];
  chain.nodes.forEach((n, i) => {
    const edge = i === 0 ? undefined : chain.edges[i - 1];
    const stage = lowerNode(n, edge, scopeOf, out);
    if (stage) stages.push(stage);
  });
  return out.length > before ? undefined : stages;
}

function walk(
  start: PatternNode,
  byId: Map<string, PatternNode>,
  outgoing: Map<string, PatternEdge[]>,
  out: Diagnostic[],
) {
  const nodes: PatternNode[] = [start];
  const edges: PatternEdge[] = [];
  const seen = new Set([start.id]);
  let current = start;
  for (;;) {
    const next = outgoing.get(current.id)?.[0];
    if (!next) break;
    const target = byId.get(next.to);
    if (!target) break;
    if (seen.has(target.id)) {
      out.push(
        err(
          'graph.cycle',
          `Edge ${next.id} goes back to ${nodeLabel(target)}, closing a cycle; a pattern cannot loop back (use a quantifier to repeat).`,
          {
            kind: 'edge',
            edgeId: next.id,
          },
        ),
      );
      break;
    }
    seen.add(target.id);
    nodes.push(target);
    edges.push(next);
    current = target;
  }
  return { nodes, edges };
}

function lowerNode(
  n: PatternNode,
  edge: PatternEdge | undefined,
  scopeOf: Map<string, GroupNode | null>,
  out: Diagnostic[],
): StageSpec | undefined {
  const stage: StageSpec = {
    name: n.name,
    contiguity: edge ? edge.contiguity : 'begin',
    quantifier: lowerQuantifier(n.quantifier),
  };
  if (n.kind === 'group') {
    const inner = lowerChain(n.nodes, n.edges, n, scopeOf, out);
    if (!inner) return undefined;
    stage.group = { stages: inner };
  } else {
    if (n.where.trim() !== '') stage.where = n.where;
    n.or.forEach((c, index) => {
      if (c.trim() === '')
        out.push(
          err(
            'graph.empty-or',
            `${capital(nodeLabel(n))} has an empty alternative condition (or #${index + 1}); fill it in or remove it.`,
            {
              kind: 'node',
              nodeId: n.id,
              field: 'or',
              index,
            },
          ),
        );
    });
    if (n.or.length > 0) stage.or = [...n.or];
    if (n.until !== null && n.until.trim() !== '') stage.until = n.until;
    if (n.withinPreviousAndCurrentMs !== null) stage.withinPreviousAndCurrent = n.withinPreviousAndCurrentMs;
  }
  stage.nodeId = n.id;
  if (edge) stage.edgeId = edge.id;
  return stage;
}

function push(map: Map<string, PatternEdge[]>, key: string, e: PatternEdge): void {
  const list = map.get(key);
  if (list) list.push(e);
  else map.set(key, [e]);
}

function ids(edges: PatternEdge[]): string {
  return edges.map((e) => e.id).join(', ');
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
