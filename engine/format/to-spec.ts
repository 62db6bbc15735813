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
  const stages = lowerChain(doc.nodes, doc.edges, null, scopes(doc), diagnostics, null);
  if (!stages || diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics };
  return { ok: true, spec: specOf(doc, stages) };
}

/**
 * What can be read from a half-drawn graph, for checking everything else while it is unfinished:
 * the longest chain of each level as the pattern (`main`), every other chain on its own (`strays`),
 * and the graph problems documentToSpec reports. Never fails; `main` may be empty.
 */
export interface LenientLowering {
  diagnostics: Diagnostic[];
  main: PatternSpec;
  strays: StageSpec[][];
  /** True when the graph is one well-formed chain at every level (then `main` is documentToSpec's spec). */
  complete: boolean;
}

export function documentToChains(doc: PatternDocument): LenientLowering {
  const diagnostics: Diagnostic[] = [];
  const strays: StageSpec[][] = [];
  const stages = lowerChain(doc.nodes, doc.edges, null, scopes(doc), diagnostics, strays) ?? [];
  const complete = !diagnostics.some((d) => d.severity === 'error');
  return { diagnostics, main: specOf(doc, stages), strays, complete };
}

/** Every node of the document by id, with the group holding it (null at the top level). */
type Scopes = Map<string, { node: PatternNode; parent: GroupNode | null }>;

function scopes(doc: PatternDocument): Scopes {
  const out: Scopes = new Map();
  for (const { node, parent } of allNodes(doc)) out.set(node.id, { node, parent });
  return out;
}

function specOf(doc: PatternDocument, stages: StageSpec[]): PatternSpec {
  const spec: PatternSpec = { stages, skip: lowerSkip(doc) };
  if (doc.settings.within) spec.within = { ms: doc.settings.within.ms, type: doc.settings.within.type };
  return spec;
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

/** `stage "small"` / `group "burst"`: how diagnostics name a node (never by its internal id). */
export function nodeLabel(n: PatternNode): string {
  return `${n.kind === 'group' ? 'group' : 'stage'} "${n.name}"`;
}

function err(code: string, message: string, target: Diagnostic['target']): Diagnostic {
  return { code, severity: 'error', message, target };
}

/** `"small" → "large"`, or the names that exist, for messages about an edge. */
function edgeLabel(e: PatternEdge, byId: Map<string, PatternNode>): string {
  const from = byId.get(e.from);
  const to = byId.get(e.to);
  if (from && to) return `the connection from "${from.name}" to "${to.name}"`;
  if (from) return `the connection from "${from.name}"`;
  if (to) return `the connection into "${to.name}"`;
  return 'a connection';
}

/**
 * Lowers one level. Strict (`strays` null): any problem ends in undefined. Lenient: the same problems
 * are reported, but the longest chain is still lowered and returned, and the other chains go to `strays`.
 */
function lowerChain(
  nodes: PatternNode[],
  edges: PatternEdge[],
  scope: GroupNode | null,
  scopeOf: Scopes,
  out: Diagnostic[],
  strays: StageSpec[][] | null,
): StageSpec[] | undefined {
  const lenient = strays !== null;
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
    return lenient ? [] : undefined;
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
      const named = new Map([...scopeOf].map(([id, v]) => [id, v.node]));
      out.push(
        err(
          elsewhere ? 'graph.edge-crosses-group' : 'graph.edge-missing-node',
          elsewhere
            ? `${capital(edgeLabel(e, named))} crosses a group border; connect to the group itself instead of a stage inside it.`
            : `${capital(edgeLabel(e, named))} ${!from ? 'starts at' : 'points to'} a stage that does not exist${where}; delete the connection.`,
          { kind: 'edge', edgeId: e.id },
        ),
      );
      continue;
    }
    if (e.from === e.to) {
      out.push(
        err(
          'graph.cycle',
          `A connection goes from ${nodeLabel(from)} back to itself; to repeat a stage, give it a quantifier such as oneOrMore instead.`,
          { kind: 'edge', edgeId: e.id },
        ),
      );
      continue;
    }
    push(outgoing, e.from, e);
    push(incoming, e.to, e);
  }
  const names = (list: PatternEdge[], end: 'from' | 'to'): string =>
    list.map((e) => `"${byId.get(e[end])?.name ?? '?'}"`).join(', ');
  for (const n of nodes) {
    const outs = outgoing.get(n.id) ?? [];
    const ins = incoming.get(n.id) ?? [];
    if (outs.length > 1)
      out.push(
        err(
          'graph.branch',
          `${capital(nodeLabel(n))} branches into ${outs.length} connections (to ${names(outs, 'to')}); a pattern is a single chain, so keep only one.`,
          { kind: 'node', nodeId: n.id },
        ),
      );
    if (ins.length > 1)
      out.push(
        err(
          'graph.join',
          `${capital(nodeLabel(n))} is reached by ${ins.length} connections (from ${names(ins, 'from')}); each stage follows exactly one previous stage.`,
          { kind: 'node', nodeId: n.id },
        ),
      );
  }
  const shapeBroken = out.length > before;

  const starts = nodes.filter((n) => !incoming.has(n.id));
  if (starts.length === 0) {
    out.push(
      err(
        'graph.cycle',
        `The stages${where} form a cycle, so none of them can come first; remove one connection of the loop.`,
        { kind: 'pattern' },
      ),
    );
    return lenient ? [] : undefined;
  }
  // Follow each start's chain; the longest one is "the" pattern, the others are reported as stray.
  const walks = starts.map((s) => walk(s, byId, outgoing, out));
  let main = 0;
  walks.forEach((w, i) => {
    if (w.nodes.length > walks[main].nodes.length) main = i;
  });
  const lowerWalk = (w: { nodes: PatternNode[]; edges: PatternEdge[] }): StageSpec[] => {
    const stages: StageSpec[] = [];
    w.nodes.forEach((n, i) => {
      const stage = lowerNode(n, i === 0 ? undefined : w.edges[i - 1], scopeOf, out, strays);
      if (stage) stages.push(stage);
    });
    return stages;
  };
  if (shapeBroken) {
    if (!lenient) return undefined;
    const onMain = new Set(walks[main].nodes.map((n) => n.id));
    walks.forEach((w, i) => {
      if (i !== main && !w.nodes.some((n) => onMain.has(n.id))) strays.push(lowerWalk(w));
    });
    return lowerWalk(walks[main]);
  }
  const reached = new Set(walks.flatMap((w) => w.nodes.map((n) => n.id)));
  walks.forEach((w, i) => {
    if (i === main) return;
    const list = w.nodes.map((n) => `"${n.name}"`).join(', ');
    out.push(
      err(
        'graph.disconnected',
        `${w.nodes.length === 1 ? `${capital(nodeLabel(w.nodes[0]))} is` : `Stages ${list} are`} not connected to the chain that starts at "${walks[main].nodes[0].name}"${where}; connect ${w.nodes.length === 1 ? 'it' : 'them'} to the chain or delete ${w.nodes.length === 1 ? 'it' : 'them'}.`,
        { kind: 'node', nodeId: w.nodes[0].id },
      ),
    );
    if (lenient) strays.push(lowerWalk(w));
  });
  for (const n of nodes) {
    if (!reached.has(n.id))
      out.push(
        err(
          'graph.cycle',
          `${capital(nodeLabel(n))} sits on a cycle that no chain reaches; remove one connection of the loop.`,
          { kind: 'node', nodeId: n.id },
        ),
      );
  }
  if (out.length > before && !lenient) return undefined;
  const stages = lowerWalk(walks[main]);
  return out.length > before && !lenient ? undefined : stages;
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
          `The connection from "${current.name}" goes back to ${nodeLabel(target)}, closing a cycle; a pattern cannot loop back (use a quantifier to repeat).`,
          { kind: 'edge', edgeId: next.id },
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
  scopeOf: Scopes,
  out: Diagnostic[],
  strays: StageSpec[][] | null,
): StageSpec | undefined {
  const stage: StageSpec = {
    name: n.name,
    contiguity: edge ? edge.contiguity : 'begin',
    quantifier: lowerQuantifier(n.quantifier),
  };
  if (n.kind === 'group') {
    const inner = lowerChain(n.nodes, n.edges, n, scopeOf, out, strays);
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
            { kind: 'node', nodeId: n.id, field: 'or', index },
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

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
