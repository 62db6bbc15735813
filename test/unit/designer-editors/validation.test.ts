import { beforeEach, describe, expect, it } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import { specToDocument } from '../../../engine/format/from-spec';
import type { PatternDocument, StageNode } from '../../../engine/format/schema';
import { mapNode } from '../../../renderer/canvas/doc-tree';
import {
  bucketDiagnostics,
  fieldDiagnostics,
  validateDocument,
} from '../../../renderer/designer/problems/validate-document';
import { useProblemsStore } from '../../../renderer/state/problems-store';
import { PROBLEMS_SOURCE, useValidationStore, validateNow } from '../../../renderer/state/validation-store';

const threeStages = (): PatternDocument =>
  specToDocument(
    Pattern.begin('start')
      .where("type == 'login'")
      .followedBy('middle')
      .where('amount > 10')
      .next('end')
      .where('amount < 5')
      .toSpec(),
  );

const idOf = (doc: PatternDocument, name: string): string => {
  const hit = doc.nodes.find((n) => n.name === name);
  if (!hit) throw new Error(`no node ${name}`);
  return hit.id;
};

const editStage = (doc: PatternDocument, name: string, patch: Partial<StageNode>): PatternDocument =>
  mapNode(doc, idOf(doc, name), (n) => (n.kind === 'stage' ? { ...n, ...patch } : n));

describe('validateDocument', () => {
  it('finds nothing wrong with a valid three-stage pattern', () => {
    expect(validateDocument(threeStages())).toEqual([]);
  });

  it('puts a condition syntax error on the stage, with the where field and its range', () => {
    const doc = editStage(threeStages(), 'middle', { where: 'amount >' });
    const diagnostics = validateDocument(doc);
    expect(diagnostics.length).toBeGreaterThan(0);
    const buckets = bucketDiagnostics(diagnostics);
    const onMiddle = buckets.byNode[idOf(doc, 'middle')];
    const where = fieldDiagnostics(onMiddle, 'where');
    expect(where[0]).toMatchObject({ code: 'expr.syntax', severity: 'error' });
    expect(where[0].range).toBeDefined();
    // Owned by the stage alone, so the canvas does not badge its incoming edge too.
    expect(where[0].target?.edgeId).toBeUndefined();
    expect(buckets.byEdge).toEqual({});
    expect(buckets.byNode[idOf(doc, 'start')]).toBeUndefined();
    expect(buckets.pattern).toEqual([]);
  });

  it('checks conditions against the event schema when there is one', () => {
    const doc = {
      ...threeStages(),
      eventSchema: {
        fields: [
          { name: 'type', type: 'string' as const },
          { name: 'amount', type: 'number' as const },
        ],
      },
    };
    const bad = editStage(doc, 'end', { where: 'amout < 5' });
    const onEnd = bucketDiagnostics(validateDocument(bad)).byNode[idOf(bad, 'end')];
    expect(onEnd.map((d) => d.code)).toContain('expr.unknown-field');
  });

  it('sends contiguity rule violations to the incoming edge', () => {
    // A NOT stage after an optional stage: Flink refuses it on the attachment, not on the stage.
    const valid = specToDocument(
      Pattern.begin('a').followedBy('b').optional().followedBy('c').followedBy('d').toSpec(),
    );
    const base = {
      ...valid,
      edges: valid.edges.map((e) =>
        e.to === idOf(valid, 'c') ? { ...e, contiguity: 'notFollowedBy' as const } : e,
      ),
    };
    const diagnostics = validateDocument(base);
    const buckets = bucketDiagnostics(diagnostics);
    const incoming = base.edges.find((e) => e.to === idOf(base, 'c'));
    expect(incoming).toBeDefined();
    expect(buckets.byEdge[incoming?.id ?? '']?.map((d) => d.code)).toContain('pattern.not-after-optional');
  });

  it('reports a quantifier the schema rejects once, pointing at the stage quantifier', () => {
    const doc = editStage(threeStages(), 'middle', {
      quantifier: { kind: 'times', from: 4, to: 2, optional: false, greedy: false, inner: 'relaxed' },
    });
    const onMiddle = bucketDiagnostics(validateDocument(doc)).byNode[idOf(doc, 'middle')];
    const quantifier = fieldDiagnostics(onMiddle, 'quantifier');
    expect(quantifier).toHaveLength(1);
    expect(quantifier[0].message).toBe(
      'The upper count (to) of stage "middle" must be greater than or equal to from (4).',
    );
  });

  it('keeps pattern-wide problems (skip target) out of the node buckets', () => {
    const doc: PatternDocument = {
      ...threeStages(),
      settings: {
        ...threeStages().settings,
        skip: { kind: 'SKIP_TO_FIRST', stage: 'nowhere', throwExceptionOnMiss: false },
      },
    };
    const diagnostics = validateDocument(doc);
    const buckets = bucketDiagnostics(diagnostics);
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(buckets.pattern.map((d) => d.target?.field)).toContain('skip');
    expect(Object.keys(buckets.byNode)).toEqual([]);
  });

  it('reports graph problems (a stray stage) on that node', () => {
    const doc = threeStages();
    const stray: StageNode = { ...(doc.nodes[0] as StageNode), id: 'stray', name: 'stray' };
    const withStray = { ...doc, nodes: [...doc.nodes, stray] };
    const buckets = bucketDiagnostics(validateDocument(withStray));
    expect(buckets.byNode.stray?.length ?? 0).toBeGreaterThan(0);
  });
});

describe('validation store', () => {
  beforeEach(() => validateNow(null));

  it('publishes buckets and the flat list to the Problems tab', () => {
    const doc = editStage(threeStages(), 'end', { where: 'amount <' });
    validateNow(doc);
    const state = useValidationStore.getState();
    expect(state.validated).toBe(doc);
    expect(state.byNode[idOf(doc, 'end')]?.length).toBeGreaterThan(0);
    expect(useProblemsStore.getState().bySource[PROBLEMS_SOURCE]).toEqual(state.diagnostics);
    validateNow(threeStages());
    expect(useProblemsStore.getState().bySource[PROBLEMS_SOURCE]).toEqual([]);
  });
});
