/** v0 → v1: positions move to `layout`, the skip string becomes an object, settings gather in one block. */
import type { GroupNode, Layout, PatternDocument, PatternNode, PatternSettings, StageNode } from '../schema';
import { DocumentV0Schema, type DocumentV0, type NodeV0 } from './v0';
import type { Migration } from './migration';

function skipFromString(s: string): PatternSettings['skip'] {
  const colon = s.indexOf(':');
  const head = colon < 0 ? s : s.slice(0, colon);
  const stage = colon < 0 ? '' : s.slice(colon + 1);
  if (head === 'SKIP_TO_FIRST' || head === 'SKIP_TO_LAST')
    return { kind: head, stage, throwExceptionOnMiss: false };
  if (head === 'SKIP_TO_NEXT' || head === 'SKIP_PAST_LAST_EVENT') return { kind: head };
  return { kind: 'NO_SKIP' };
}

function migrateNode(node: NodeV0, layout: Layout): PatternNode {
  if (node.position) layout.nodes[node.id] = { x: node.position.x, y: node.position.y };
  if (node.kind === 'group') {
    const group: GroupNode = {
      id: node.id,
      kind: 'group',
      name: node.name,
      quantifier: node.quantifier,
      nodes: node.nodes.map((n) => migrateNode(n, layout)),
      edges: node.edges.map((e) => ({ ...e })),
      note: '',
    };
    return group;
  }
  const stage: StageNode = {
    id: node.id,
    kind: 'stage',
    name: node.name,
    where: node.where ?? '',
    or: node.or ?? [],
    until: node.until ?? null,
    quantifier: node.quantifier,
    withinPreviousAndCurrentMs: null,
    note: '',
  };
  return stage;
}

type EventTimeV1 = Omit<Extract<PatternSettings['time'], { mode: 'event' }>, 'watermarkIntervalMs'>;

/** The v1 shape: today's document without tests and without the watermark interval (v3). */
export type DocumentV1 = Omit<PatternDocument, 'version' | 'tests' | 'settings'> & {
  version: 1;
  settings: Omit<PatternSettings, 'time'> & { time: EventTimeV1 | { mode: 'processing' } };
};

export function migrateV0(doc: DocumentV0): DocumentV1 {
  const layout: Layout = { nodes: {} };
  return {
    format: 'cepheus.pattern',
    version: 1,
    name: doc.name,
    description: doc.description ?? '',
    settings: {
      within: doc.within ?? null,
      skip: skipFromString(doc.skipStrategy),
      partitionKey: doc.partitionKey ? doc.partitionKey : null,
      time: doc.timeField
        ? { mode: 'event', field: doc.timeField, format: 'epochMillis', outOfOrdernessMs: 0 }
        : { mode: 'processing' },
    },
    eventSchema: null,
    nodes: doc.nodes.map((n) => migrateNode(n, layout)),
    edges: doc.edges.map((e) => ({ ...e })),
    layout,
  };
}

export const v0ToV1: Migration = {
  from: 0,
  to: 1,
  schema: DocumentV0Schema,
  migrate: (doc) => migrateV0(doc as DocumentV0),
};
