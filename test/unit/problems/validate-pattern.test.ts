/** validatePattern: every problem at once, each once, with quick fixes and lint rules that can join. */
import { describe, expect, it } from 'vitest';
import type { PatternDocument, StageNode } from '../../../engine/format/schema';
import { applyFix, validatePattern } from '../../../engine/problems';
import { explosivePattern } from '../../support/explosive-pattern';
import { base, idOf, threeProblems, withSchema } from './fixtures';

type EventTime = Extract<PatternDocument['settings']['time'], { mode: 'event' }>;

describe('validatePattern', () => {
  it('lists a disconnected stage, a condition syntax error and a Flink rule violation together', () => {
    const doc = threeProblems();
    const codes = validatePattern(doc).map((d) => d.code);
    expect(codes).toEqual(
      expect.arrayContaining(['graph.disconnected', 'expr.syntax', 'pattern.not-after-optional']),
    );
    const byCode = Object.fromEntries(validatePattern(doc).map((d) => [d.code, d]));
    expect(byCode['expr.syntax']?.target).toMatchObject({ nodeId: idOf(doc, 'c'), field: 'where' });
    expect(byCode['graph.disconnected']?.target).toMatchObject({ nodeId: 'n99', stage: 'dropped' });
    expect(byCode['pattern.not-after-optional']?.target).toMatchObject({ kind: 'edge' });
  });

  it('checks every condition even when the graph is broken, and rules on stray chains too', () => {
    const doc = base();
    const stray: StageNode = {
      ...(doc.nodes[0] as StageNode),
      id: 'n77',
      name: 'lonely',
      where: 'amount >>',
      quantifier: { kind: 'one', optional: false, greedy: true, inner: 'relaxed' },
    };
    const all = validatePattern({ ...doc, nodes: [...doc.nodes, stray] });
    const mine = all.filter((d) => d.target?.nodeId === 'n77').map((d) => d.code);
    expect(mine).toEqual(
      expect.arrayContaining(['graph.disconnected', 'expr.syntax', 'pattern.greedy-singleton']),
    );
  });

  it('says an unknown stage once (not also as an unknown field)', () => {
    const doc = withSchema(base());
    const c = idOf(doc, 'c');
    const bad = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === c ? { ...n, where: 'last(foo).amount > 1' } : n)),
    };
    const onC = validatePattern(bad).filter((d) => d.target?.nodeId === c);
    expect(onC.map((d) => d.code)).toEqual(['expr.unknown-stage']);
  });

  it('never repeats a problem two checkers both see', () => {
    const doc = base();
    const list = validatePattern({
      ...doc,
      nodes: [
        ...doc.nodes,
        {
          id: 'g9',
          kind: 'group',
          name: 'empty',
          quantifier: doc.nodes[0].quantifier,
          nodes: [],
          edges: [],
          note: '',
        },
      ],
    });
    const keys = list.map((d) => `${d.code}|${d.target?.nodeId ?? ''}|${d.target?.field ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      list.filter((d) => d.target?.nodeId === 'g9' && /group-empty|empty-group/.test(d.code)),
    ).toHaveLength(1);
  });

  it('names stages, never internal ids, in graph messages', () => {
    for (const d of validatePattern(threeProblems())) {
      expect(d.message).not.toMatch(/\((n|g|e)\d+\)|\bEdge e\d/);
    }
  });

  it('offers "did you mean" as a quick fix that applyFix applies', () => {
    const doc = withSchema(base());
    const c = idOf(doc, 'c');
    const bad = {
      ...doc,
      nodes: doc.nodes.map((n) => (n.id === c ? { ...n, where: 'amout > 1 && lenght(type) > 2' } : n)),
    };
    const problems = validatePattern(bad).filter((d) => d.target?.nodeId === c);
    expect(problems.map((d) => d.quickFix?.title)).toEqual(["Change to 'amount'", "Change to 'length'"]);
    let fixed = bad;
    // Fix from the end of the text first, so earlier ranges stay valid.
    for (const d of [...problems].reverse()) fixed = applyFix(fixed, d.quickFix!, d.target);
    const stage = fixed.nodes.find((n) => n.id === c) as StageNode;
    expect(stage.where).toBe('amount > 1 && length(type) > 2');
    expect(validatePattern(fixed)).toEqual([]);
  });

  it('checks the partition key and the time field against the event schema', () => {
    const doc = withSchema(base());
    const bad: PatternDocument = {
      ...doc,
      settings: {
        ...doc.settings,
        partitionKey: 'userid',
        time: {
          mode: 'event',
          field: 'timestamp',
          format: 'epochMillis',
          outOfOrdernessMs: 0,
          watermarkIntervalMs: 200,
        },
      },
    };
    const list = validatePattern(bad);
    const key = list.find((d) => d.code === 'settings.partition-key-unknown');
    const time = list.find((d) => d.code === 'settings.time-field-unknown');
    expect(key?.message).toMatch(/'userid' is not a field .* — did you mean 'userId'\?$/);
    expect(key?.quickFix?.title).toBe("Change to 'userId'");
    // Nothing spelt like "timestamp": the schema's timestamp field is proposed.
    expect(time?.message).toMatch(/'timestamp' is not a field of the event schema — did you mean 'ts'\?$/);
    let fixed = applyFix(bad, key!.quickFix!);
    fixed = applyFix(fixed, time!.quickFix!);
    expect(fixed.settings.partitionKey).toBe('userId');
    expect(fixed.settings.time).toMatchObject({ mode: 'event', field: 'ts' });
    expect(validatePattern(fixed)).toEqual([]);
    // An empty time field is said once, by the document's own check, not also as an unknown field.
    const empty = validatePattern({
      ...fixed,
      settings: { ...fixed.settings, time: { ...(fixed.settings.time as EventTime), field: '' } },
    });
    expect(empty.map((d) => d.message)).toEqual(['The timestamp field must not be empty.']);
    // Without a schema nothing is known about the events: nothing to check.
    expect(
      validatePattern({ ...bad, eventSchema: null }).filter((d) => d.code.startsWith('settings.')),
    ).toEqual([]);
  });

  it('names two event fields that share a name, once, by their numbers', () => {
    const doc = withSchema(base());
    const fields = doc.eventSchema!.fields;
    const twice: PatternDocument = {
      ...doc,
      eventSchema: { fields: [...fields, { name: fields[0].name, type: 'string' }] },
    };
    const dup = validatePattern(twice).filter((d) => d.code === 'settings.schema-field-duplicate');
    expect(dup.map((d) => d.message)).toEqual([
      `Event fields 1 and ${fields.length + 1} are both named '${fields[0].name}': a condition could not tell which one it reads. Rename or remove one.`,
    ]);
    expect(dup[0].severity).toBe('error');
    expect(dup[0].target).toMatchObject({ path: ['eventSchema', 'fields', fields.length, 'name'] });
    expect(validatePattern(doc).filter((d) => d.code === 'settings.schema-field-duplicate')).toEqual([]);
  });

  it('includes the lint warnings, also while a stage elsewhere is not connected yet', () => {
    const doc = explosivePattern().toDocument();
    const lint = (d: PatternDocument): string[] =>
      validatePattern(d)
        .filter((p) => p.code.startsWith('lint.'))
        .map((p) => p.code);
    const warnings = lint(doc);
    expect(warnings.length).toBeGreaterThan(0);
    const stray: StageNode = { ...(doc.nodes[0] as StageNode), id: 'n99', name: 'dropped' };
    expect(lint({ ...doc, nodes: [...doc.nodes, stray] })).toEqual(warnings);
  });
});
