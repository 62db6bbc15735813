/**
 * diffDocuments: what changed in meaning between two versions, ignoring layout, the document's
 * name and description, and notes. Nodes are matched by id (the canvas keeps ids stable); edges by the
 * pair of nodes they connect, so re-drawing an edge with the same contiguity is no change.
 */
import { canonicalJson } from './serialize';
import { durationText, quantifierText, skipText, timeText, withinText } from './phrases';
import type { PatternDocument, PatternEdge, PatternNode, PatternSettings } from './schema';
import { lowerQuantifier } from './to-spec';
import { allEdges, allNodes } from './walk';

export type SemanticChange =
  | { kind: 'node-added' | 'node-removed'; nodeId: string; message: string }
  | { kind: 'node-renamed'; nodeId: string; before: string; after: string; message: string }
  | { kind: 'node-regrouped'; nodeId: string; before: string | null; after: string | null; message: string }
  | {
      kind: 'condition-changed';
      nodeId: string;
      field: 'where' | 'or' | 'until';
      before: unknown;
      after: unknown;
      message: string;
    }
  | { kind: 'quantifier-changed'; nodeId: string; before: unknown; after: unknown; message: string }
  | {
      kind: 'stage-window-changed';
      nodeId: string;
      before: number | null;
      after: number | null;
      message: string;
    }
  | { kind: 'edge-added' | 'edge-removed'; edgeId: string; message: string }
  | { kind: 'contiguity-changed'; edgeId: string; before: string; after: string; message: string }
  | {
      kind: 'setting-changed';
      field: keyof PatternSettings;
      before: unknown;
      after: unknown;
      message: string;
    }
  | { kind: 'event-schema-changed'; before: unknown; after: unknown; message: string };

const same = (a: unknown, b: unknown): boolean => canonicalJson(a) === canonicalJson(b);
const label = (n: PatternNode): string => `${n.kind === 'group' ? 'group' : 'stage'} "${n.name}"`;
const cond = (s: string | null): string => (s === null || s.trim() === '' ? '(none)' : s);
const wpc = (ms: number | null): string => (ms === null ? 'none' : durationText(ms));

function nodeChanges(
  a: PatternNode,
  b: PatternNode,
  parentA: string | null,
  parentB: string | null,
  out: SemanticChange[],
  groupName: (id: string) => string = (id) => id,
): void {
  const id = b.id;
  if (a.name !== b.name)
    out.push({
      kind: 'node-renamed',
      nodeId: id,
      before: a.name,
      after: b.name,
      message: `Renamed ${label(a)} to "${b.name}".`,
    });
  if (parentA !== parentB)
    out.push({
      kind: 'node-regrouped',
      nodeId: id,
      before: parentA,
      after: parentB,
      message: `Moved ${label(b)} ${parentB === null ? 'out of its group' : `into group "${groupName(parentB)}"`}.`,
    });
  if (a.kind !== b.kind) {
    out.push({
      kind: 'quantifier-changed',
      nodeId: id,
      before: a.kind,
      after: b.kind,
      message: `Turned ${label(a)} into a ${b.kind}.`,
    });
    return;
  }
  if (!same(lowerQuantifier(a.quantifier), lowerQuantifier(b.quantifier)))
    out.push({
      kind: 'quantifier-changed',
      nodeId: id,
      before: a.quantifier,
      after: b.quantifier,
      message: `${capital(label(b))} now matches ${quantifierText(b.quantifier)} (was ${quantifierText(a.quantifier)}).`,
    });
  if (a.kind === 'stage' && b.kind === 'stage') {
    if (a.where !== b.where)
      out.push({
        kind: 'condition-changed',
        nodeId: id,
        field: 'where',
        before: a.where,
        after: b.where,
        message: `Condition of ${label(b)} changed from ${cond(a.where)} to ${cond(b.where)}.`,
      });
    if (!same(a.or, b.or))
      out.push({
        kind: 'condition-changed',
        nodeId: id,
        field: 'or',
        before: a.or,
        after: b.or,
        message: `Alternative conditions of ${label(b)} changed from ${a.or.length ? a.or.join(' | ') : '(none)'} to ${b.or.length ? b.or.join(' | ') : '(none)'}.`,
      });
    if (a.until !== b.until)
      out.push({
        kind: 'condition-changed',
        nodeId: id,
        field: 'until',
        before: a.until,
        after: b.until,
        message: `Stop condition (until) of ${label(b)} changed from ${cond(a.until)} to ${cond(b.until)}.`,
      });
    if (a.withinPreviousAndCurrentMs !== b.withinPreviousAndCurrentMs)
      out.push({
        kind: 'stage-window-changed',
        nodeId: id,
        before: a.withinPreviousAndCurrentMs,
        after: b.withinPreviousAndCurrentMs,
        message: `Time allowed since the previous event for ${label(b)} changed from ${wpc(a.withinPreviousAndCurrentMs)} to ${wpc(b.withinPreviousAndCurrentMs)}.`,
      });
  }
}

function edgeKey(e: PatternEdge): string {
  return `${e.from}\u0000${e.to}`;
}

export function diffDocuments(a: PatternDocument, b: PatternDocument): SemanticChange[] {
  const out: SemanticChange[] = [];
  const nodesA = new Map(allNodes(a).map((v) => [v.node.id, v]));
  const nodesB = new Map(allNodes(b).map((v) => [v.node.id, v]));
  const nameOf = (id: string): string => {
    const n = nodesB.get(id)?.node ?? nodesA.get(id)?.node;
    return n ? `"${n.name}"` : `"${id}"`;
  };

  for (const [id, va] of nodesA)
    if (!nodesB.has(id))
      out.push({ kind: 'node-removed', nodeId: id, message: `Removed ${label(va.node)}.` });
  for (const [id, vb] of nodesB) {
    const va = nodesA.get(id);
    if (!va)
      out.push({
        kind: 'node-added',
        nodeId: id,
        message: `Added ${label(vb.node)}${vb.parent ? ` in group "${vb.parent.name}"` : ''}.`,
      });
    else
      nodeChanges(
        va.node,
        vb.node,
        va.parent?.id ?? null,
        vb.parent?.id ?? null,
        out,
        (g) => nodesB.get(g)?.node.name ?? nodesA.get(g)?.node.name ?? g,
      );
  }

  const edgesA = new Map(allEdges(a).map((v) => [edgeKey(v.edge), v.edge]));
  const edgesB = new Map(allEdges(b).map((v) => [edgeKey(v.edge), v.edge]));
  for (const [key, ea] of edgesA)
    if (!edgesB.has(key))
      out.push({
        kind: 'edge-removed',
        edgeId: ea.id,
        message: `Disconnected ${nameOf(ea.from)} → ${nameOf(ea.to)}.`,
      });
  for (const [key, eb] of edgesB) {
    const ea = edgesA.get(key);
    if (!ea)
      out.push({
        kind: 'edge-added',
        edgeId: eb.id,
        message: `Connected ${nameOf(eb.from)} → ${nameOf(eb.to)} with ${eb.contiguity}.`,
      });
    else if (ea.contiguity !== eb.contiguity)
      out.push({
        kind: 'contiguity-changed',
        edgeId: eb.id,
        before: ea.contiguity,
        after: eb.contiguity,
        message: `${nameOf(eb.from)} → ${nameOf(eb.to)} changed from ${ea.contiguity} to ${eb.contiguity}.`,
      });
  }

  settingsChanges(a.settings, b.settings, out);
  const fieldsA = a.eventSchema?.fields.map((f) => [f.name, f.type]) ?? null;
  const fieldsB = b.eventSchema?.fields.map((f) => [f.name, f.type]) ?? null;
  if (!same(fieldsA?.sort() ?? null, fieldsB?.sort() ?? null))
    out.push({
      kind: 'event-schema-changed',
      before: a.eventSchema,
      after: b.eventSchema,
      message: schemaMessage(fieldsA, fieldsB),
    });
  return out;
}

function settingsChanges(a: PatternSettings, b: PatternSettings, out: SemanticChange[]): void {
  if (!same(a.within, b.within))
    out.push({
      kind: 'setting-changed',
      field: 'within',
      before: a.within,
      after: b.within,
      message: `Time window changed from ${withinText(a.within)} to ${withinText(b.within)}.`,
    });
  if (!same(a.skip, b.skip))
    out.push({
      kind: 'setting-changed',
      field: 'skip',
      before: a.skip,
      after: b.skip,
      message: `After-match strategy changed from ${skipText(a.skip)} to ${skipText(b.skip)}.`,
    });
  if (a.partitionKey !== b.partitionKey)
    out.push({
      kind: 'setting-changed',
      field: 'partitionKey',
      before: a.partitionKey,
      after: b.partitionKey,
      message: `Partition key changed from ${a.partitionKey ?? '(none)'} to ${b.partitionKey ?? '(none)'}.`,
    });
  if (!same(a.time, b.time))
    out.push({
      kind: 'setting-changed',
      field: 'time',
      before: a.time,
      after: b.time,
      message: `Time changed from ${timeText(a.time)} to ${timeText(b.time)}.`,
    });
}

function schemaMessage(a: string[][] | null, b: string[][] | null): string {
  if (a === null) return 'Added an event schema.';
  if (b === null) return 'Removed the event schema.';
  const mapA = new Map(a.map(([n, t]) => [n, t]));
  const mapB = new Map(b.map(([n, t]) => [n, t]));
  const parts: string[] = [];
  for (const [n] of mapB) if (!mapA.has(n)) parts.push(`added field ${n}`);
  for (const [n] of mapA) if (!mapB.has(n)) parts.push(`removed field ${n}`);
  for (const [n, t] of mapB)
    if (mapA.has(n) && mapA.get(n) !== t) parts.push(`field ${n} is now ${t} (was ${mapA.get(n) ?? '?'})`);
  return `Event schema: ${parts.join(', ')}.`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A change of what the document says about itself: its name or description (not its meaning). */
export interface MetaChange {
  kind: 'meta-changed';
  field: 'name' | 'description';
  before: string;
  after: string;
  message: string;
}

export type VersionChange = SemanticChange | MetaChange;

/**
 * What changed between two versions as a person sees it: the pattern's name and description, then
 * every change in meaning (diffDocuments). Layout and notes never count.
 */
export function diffVersions(a: PatternDocument, b: PatternDocument): VersionChange[] {
  const out: VersionChange[] = [];
  if (a.name !== b.name)
    out.push({
      kind: 'meta-changed',
      field: 'name',
      before: a.name,
      after: b.name,
      message: `Renamed the pattern from "${a.name}" to "${b.name}".`,
    });
  if (a.description !== b.description)
    out.push({
      kind: 'meta-changed',
      field: 'description',
      before: a.description,
      after: b.description,
      message: b.description.trim() === '' ? 'Removed the description.' : 'Changed the description.',
    });
  return [...out, ...diffDocuments(a, b)];
}

/** A few words per change, for one-line summaries in lists. */
function shortText(c: VersionChange): string {
  const quoted = /"[^"]*"/.exec(c.message)?.[0] ?? '';
  switch (c.kind) {
    case 'meta-changed':
      return c.field === 'name' ? `renamed to "${c.after}"` : 'description';
    case 'node-added':
      return `added ${quoted}`;
    case 'node-removed':
      return `removed ${quoted}`;
    case 'node-renamed':
      return `renamed "${c.before}" to "${c.after}"`;
    case 'node-regrouped':
      return `moved ${quoted}`;
    case 'condition-changed':
      return `condition of ${quoted}`;
    case 'quantifier-changed':
      return `quantifier of ${quoted}`;
    case 'stage-window-changed':
      return `time limit of ${quoted}`;
    case 'edge-added':
      return `connected ${c.message.replace(/^Connected (.*) with .*$/, '$1')}`;
    case 'edge-removed':
      return `disconnected ${c.message.replace(/^Disconnected (.*)\.$/, '$1')}`;
    case 'contiguity-changed':
      return `${c.message.replace(/ changed from .* to (\w+)\.$/, ' now $1')}`;
    case 'setting-changed':
      return (
        {
          within: 'time window',
          skip: 'after-match strategy',
          partitionKey: 'partition key',
          time: 'time settings',
        }[c.field] ?? c.field
      );
    case 'event-schema-changed':
      return 'event schema';
  }
}

/** "Added "b", condition of "a" (+2 more)": a version's changes on one line (empty: no changes). */
export function summarizeChanges(changes: readonly VersionChange[], most = 3): string {
  if (changes.length === 0) return '';
  const shown = changes.slice(0, most).map(shortText);
  const text = shown.join(', ');
  const rest = changes.length - shown.length;
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${rest > 0 ? ` (+${rest} more)` : ''}`;
}
