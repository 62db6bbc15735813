import { describe, expect, it } from 'vitest';
import { renameStageReferences } from '../../../engine/expr';
import { Pattern } from '../../../engine/format/builder';
import { specToDocument } from '../../../engine/format/from-spec';
import type { PatternDocument, StageNode } from '../../../engine/format/schema';
import { renameStage } from '../../../renderer/canvas/rename-stage';

const stage = (doc: PatternDocument, name: string): StageNode => {
  const n = doc.nodes.find((x) => x.name === name);
  if (n?.kind !== 'stage') throw new Error(`no stage ${name}`);
  return n;
};

describe('renaming stage references in a condition', () => {
  it('rewrites every aggregate over the stage, and nothing else', () => {
    expect(
      renameStageReferences(
        "price > last(a).price && count(a) > 2 && sum(a.amount) < a && a.count() > 1 && max(a, 3) > 0 && s == 'a'",
        'a',
        'fails',
      ),
    ).toBe(
      "price > last(fails).price && count(fails) > 2 && sum(fails.amount) < a && fails.count() > 1 && max(a, 3) > 0 && s == 'a'",
    );
  });

  it('leaves text that does not parse, and names that cannot be referenced', () => {
    expect(renameStageReferences('count(a) >', 'a', 'b')).toBe('count(a) >');
    expect(renameStageReferences('count(a) > 1', 'a', 'two words')).toBe('count(a) > 1');
  });
});

describe('renaming a stage', () => {
  const doc = (): PatternDocument => {
    const d = specToDocument(
      Pattern.begin('a', { kind: 'SKIP_TO_FIRST', stage: 'a' })
        .where('amount > 1')
        .followedBy('b')
        .where('amount > last(a).amount')
        .or('count(a) > 3')
        .toSpec(),
    );
    return d;
  };

  it('renames the stage, its references and the skip strategy naming it together', () => {
    const { doc: next, referencedAs } = renameStage(doc(), stage(doc(), 'a').id, 'fail', 'a');
    expect(referencedAs).toBe('fail');
    expect(stage(next, 'fail')).toBeDefined();
    expect(stage(next, 'b').where).toBe('amount > last(fail).amount');
    expect(stage(next, 'b').or).toEqual(['count(fail) > 3']);
    expect(next.settings.skip).toMatchObject({ stage: 'fail' });
  });

  it('keeps references on the last usable name while the name is half typed or taken', () => {
    const start = doc();
    const id = stage(start, 'a').id;
    const other = (d: PatternDocument): StageNode =>
      d.nodes.find((n) => n.id === stage(start, 'b').id) as StageNode;
    const empty = renameStage(start, id, '', 'a');
    expect(empty.referencedAs).toBe('a');
    expect(other(empty.doc).where).toBe('amount > last(a).amount');
    const taken = renameStage(empty.doc, id, 'b', empty.referencedAs);
    expect(other(taken.doc).where).toBe('amount > last(a).amount');
    const done = renameStage(taken.doc, id, 'bad', taken.referencedAs);
    expect(done.referencedAs).toBe('bad');
    expect(other(done.doc).where).toBe('amount > last(bad).amount');
  });
});
