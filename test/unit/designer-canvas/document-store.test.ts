import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import { serializeDocument } from '../../../engine/format/serialize';
import { specToDocument } from '../../../engine/format/from-spec';
import type { PatternDocument } from '../../../engine/format/schema';
import { COALESCE_MS, isDirty, redo, undo, useDocumentStore } from '../../../renderer/state/document-store';

function sampleDoc(): PatternDocument {
  const spec = Pattern.begin('a')
    .where('amount > 10')
    .followedBy('b')
    .where('amount > 20')
    .next('c')
    .toSpec();
  return specToDocument(spec, { name: 'Sample' });
}

const store = () => useDocumentStore.getState();
const history = () => useDocumentStore.temporal.getState();
const stage = (name: string) => {
  const doc = store().document!;
  const n = doc.nodes.find((x) => x.name === name);
  if (!n || n.kind !== 'stage') throw new Error(`no stage ${name}`);
  return n;
};

describe('document store', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    store().load('p1', sampleDoc());
  });
  afterEach(() => vi.useRealTimers());

  it('loads clean with an empty history', () => {
    expect(isDirty(store())).toBe(false);
    expect(history().pastStates).toHaveLength(0);
    expect(store().patternId).toBe('p1');
  });

  it('records one undo step per edit and restores the exact document', () => {
    const before = store().document;
    store().updateStage(stage('a').id, { where: 'amount > 99' });
    expect(stage('a').where).toBe('amount > 99');
    expect(isDirty(store())).toBe(true);
    undo();
    expect(store().document).toBe(before);
    expect(isDirty(store())).toBe(false);
    redo();
    expect(stage('a').where).toBe('amount > 99');
    expect(isDirty(store())).toBe(true);
  });

  it('coalesces a typing burst on the same field into one step', () => {
    const id = stage('a').id;
    for (const text of ['a', 'am', 'amo', 'amou']) {
      store().updateStage(id, { where: text });
      vi.advanceTimersByTime(100);
    }
    expect(history().pastStates).toHaveLength(1);
    undo();
    expect(stage('a').where).toBe('amount > 10');
  });

  it('starts a new step after a pause, on another field, or after undo', () => {
    const id = stage('a').id;
    store().updateStage(id, { where: 'x > 1' });
    vi.advanceTimersByTime(COALESCE_MS + 1);
    store().updateStage(id, { where: 'x > 2' });
    expect(history().pastStates).toHaveLength(2);
    store().updateStage(id, { name: 'renamed' });
    expect(history().pastStates).toHaveLength(3);
    undo();
    store().updateStage(id, { name: 'renamed2' });
    expect(history().pastStates).toHaveLength(3);
    expect(history().futureStates).toHaveLength(0);
  });

  it('selection and focus never enter history', () => {
    store().select({ nodeIds: [stage('b').id] });
    store().focus({ nodeId: stage('c').id });
    expect(history().pastStates).toHaveLength(0);
    expect(store().selection.nodeIds).toEqual([stage('c').id]);
    expect(store().focusRequest?.nonce).toBe(1);
  });

  it('dirty follows saves through undo and redo', () => {
    const id = stage('b').id;
    store().updateStage(id, { where: 'amount > 1' });
    store().markSaved(serializeDocument(store().document!));
    expect(isDirty(store())).toBe(false);
    undo();
    expect(isDirty(store())).toBe(true);
    redo();
    expect(isDirty(store())).toBe(false);
  });

  it('a no-op edit is not recorded', () => {
    store().edit('nothing', (doc) => doc);
    expect(history().pastStates).toHaveLength(0);
  });

  it('edits reach stages inside groups and edges', () => {
    const spec = Pattern.begin('a').followedBy(Pattern.begin('x').next('y'), 'g').oneOrMore().toSpec();
    store().load('p2', specToDocument(spec));
    const doc = store().document!;
    const group = doc.nodes.find((n) => n.kind === 'group');
    if (!group || group.kind !== 'group') throw new Error('no group');
    store().updateStage(group.nodes[1].id, { where: 'v > 3' });
    const after = store().document!.nodes.find((n) => n.id === group.id);
    expect(after?.kind === 'group' && after.nodes[1]?.kind === 'stage' && after.nodes[1].where).toBe('v > 3');
    store().updateEdge(doc.edges[0].id, { contiguity: 'next' });
    expect(store().document!.edges[0].contiguity).toBe('next');
  });

  it('load clears history so undo cannot leak into another pattern', () => {
    store().updateStage(stage('a').id, { where: 'q' });
    store().load('p3', sampleDoc());
    expect(history().pastStates).toHaveLength(0);
    undo();
    expect(store().patternId).toBe('p3');
    expect(stage('a').where).toBe('amount > 10');
  });
});
