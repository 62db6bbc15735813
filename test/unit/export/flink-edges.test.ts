/**
 * Issue 17 "edges to fix": each test shows what Flink does, citing the Flink source that does it
 * (flink-cep 1.20; the dynamic-CEP loader is org.apache.flink.cep.dynamic.impl.json.spec.GraphSpec).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPattern, expressibility } from '../../../engine/export';
import { documentToSpec, Pattern } from '../../../engine/format';
import { importFlinkJson } from '../../../engine/import';
import { runPattern } from './run-pattern';

const settings = {
  time: {
    mode: 'event' as const,
    field: 'ts',
    format: 'epochMillis' as const,
    outOfOrdernessMs: 0,
    watermarkIntervalMs: 200,
  },
};
const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('1. times(0, m) after a greedy stage, for the dynamic-CEP JSON', () => {
  // Pattern.times(from, to) with from == 0 calls quantifier.optional() itself, while the loader
  // (NodeSpec.toPattern) applies TIMES as times(1, m) and OPTIONAL as Pattern.optional(), which
  // starts with checkIfPreviousPatternGreedy() and throws
  // MalformedPatternException("Optional pattern cannot be preceded by greedy pattern").
  const doc = Pattern.begin('a')
    .where("kind == 'a'")
    .next('b')
    .where("kind == 'b'")
    .oneOrMore()
    .consecutive()
    .greedy()
    .next('c')
    .where("kind == 'c'")
    .times(0, 2)
    .consecutive()
    .next('d')
    .where("kind == 'd'")
    .toDocument({ name: 'greedy then times(0, 2)', settings });

  it('is refused for flink-json with the reason, on the stage', () => {
    const report = expressibility(doc)['flink-json'];
    expect(report.ok).toBe(false);
    expect(report.items.filter((i) => !i.ok)).toEqual([
      expect.objectContaining({
        stage: 'c',
        reason: expect.stringMatching(
          /^Flink JSON: times\(0, 2\) right after the greedy stage "b" .*"Optional pattern cannot be preceded by greedy pattern"/,
        ) as string,
      }),
    ]);
    expect(exportPattern(doc, 'flink-json').ok).toBe(false);
  });

  it('still exports to Java, where times(0, 2) is accepted', () => {
    const java = exportPattern(doc, 'flink-java');
    expect(java.ok && java.text).toContain('.times(0, 2)');
  });

  it('is accepted when the stage before is not greedy', () => {
    const plain = structuredClone(doc);
    const b = plain.nodes.find((n) => n.kind === 'stage' && n.name === 'b');
    if (b?.kind === 'stage') b.quantifier.greedy = false;
    expect(exportPattern(plain, 'flink-json').ok).toBe(true);
  });
});

describe('2. import of a COMPOSITE node named after its last inner node', () => {
  // GraphSpec.fromPattern names a group node (and the edges to it) after
  // GroupPattern.getRawPattern().getName(), the last stage inside the group; the loader resolves
  // names per graph (nodeCache in GraphSpec.toPattern), so the repeated name loads fine.
  const r = importFlinkJson(fixture('group-from-pattern.flink.json'));

  it('imports without a duplicate-name error', () => {
    expect(r.ok ? r.diagnostics : r.diagnostics.map((d) => d.message)).toEqual([]);
    const lowered = r.ok ? documentToSpec(r.document) : null;
    expect(lowered?.ok && lowered.spec.stages).toMatchObject([
      { name: 'start', contiguity: 'begin', where: "kind == 's'" },
      {
        name: 'b',
        contiguity: 'followedBy',
        group: {
          stages: [
            { name: 'a', contiguity: 'begin', where: "kind == 'a'" },
            { name: 'b', contiguity: 'next', where: "kind == 'b'" },
          ],
        },
      },
    ]);
  });

  it('runs: s, then a directly followed by b', () => {
    if (!r.ok) throw new Error('not imported');
    const ev = (id: string, ts: number, kind: string) => ({ id, ts, kind });
    expect(
      runPattern(r.document, [ev('s', 1, 's'), ev('x', 2, 'x'), ev('a', 3, 'a'), ev('b', 4, 'b')]),
    ).toEqual([{ kind: 'match', key: '', timestamp: 4, stages: { start: ['s'], a: ['a'], b: ['b'] } }]);
  });

  it('still refuses two stages with one name', () => {
    const twice = JSON.parse(fixture('group-from-pattern.flink.json')) as {
      nodes: { name: string; nodes?: { name: string }[] }[];
    };
    twice.nodes[0].nodes![1].name = 'start';
    (twice.nodes[0] as unknown as { edges: { source: string }[] }).edges[0].source = 'start';
    const bad = importFlinkJson(JSON.stringify(twice));
    expect(bad.ok).toBe(false);
    expect(bad.diagnostics.map((d) => d.message)).toContain(
      'Duplicate pattern name: start. Names must be unique.',
    );
  });
});

describe('nested fields are refused for the dynamic-CEP JSON (lead decision, issue 17)', () => {
  // The open-source AviatorCondition (org.apache.flink.cep.dynamic.condition.AviatorCondition.filter)
  // binds each name of Expression.getVariableNames() with getVariableValue → getClass().getDeclaredField;
  // for `user.id` that name is `user`, and Aviator then reads `id` inside the value only through a
  // getter or a Map key (checked on Aviator 5.4.1: a bean with a public field and no getter throws
  // "Could not find variable user.id"). The loading job's event class is not Cepheus', so it refuses.
  const doc = Pattern.begin('login')
    .where("user.id != 'guest' && kind == 'login'")
    .followedBy('buy')
    .where("kind == 'buy'")
    .or('amount > 100 && user.tier == 1')
    .toDocument({ name: 'nested fields', settings });

  it('refuses flink-json on each stage that reads one, naming the field and the way out', () => {
    const report = expressibility(doc)['flink-json'];
    expect(report.ok).toBe(false);
    const refused = report.items.filter((i) => !i.ok);
    expect(refused.map((i) => i.stage)).toEqual(['login', 'buy']);
    expect(refused[0].reason).toMatch(
      /^Aviator: the where condition reads the nested field "user\.id", which Flink JSON cannot carry safely: .*getDeclaredField\("user"\).*getId\(\).*Make it a top-level field of the event, or export Flink Java$/,
    );
    expect(refused[1].reason).toMatch(/reads the nested field "user\.tier"/);
    expect(exportPattern(doc, 'flink-json').ok).toBe(false);
  });

  it('still exports Java, and flink-json once the fields are top-level', () => {
    expect(exportPattern(doc, 'flink-java').ok).toBe(true);
    const flat = Pattern.begin('login')
      .where("userId != 'guest' && kind == 'login'")
      .followedBy('buy')
      .where("kind == 'buy'")
      .or('amount > 100 && userTier == 1')
      .toDocument({ name: 'flat fields', settings });
    expect(exportPattern(flat, 'flink-json').ok).toBe(true);
  });
});
