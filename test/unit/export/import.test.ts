/** Import of Flink dynamic-CEP JSON: the research example runs; class conditions are kept and flagged. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPattern } from '../../../engine/export';
import { describePattern, documentToSpec, loadDocument, serializeDocument } from '../../../engine/format';
import { aviatorToCondition, importFlinkJson } from '../../../engine/import';
import { compilePattern } from '../../../engine/nfa';
import { runPattern } from './run-pattern';

const firstCondition = (json: string): unknown =>
  (JSON.parse(json) as { nodes: { condition: unknown }[] }).nodes[0]?.condition;
const fixture = (name: string): string => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

function imported(text: string) {
  const r = importFlinkJson(text);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r;
}

describe('import of the research note example (export-formats.md §1.8)', () => {
  const r = imported(fixture('research-example.flink.json'));
  const doc = { ...r.document, settings: { ...r.document.settings, partitionKey: 'account' } };

  it('gives the same pattern: start followedBy 3 consecutive withdrawals within 1 hour, skip past last event', () => {
    expect(r.diagnostics).toEqual([]);
    const lowered = documentToSpec(doc);
    expect(lowered.ok && lowered.spec).toMatchObject({
      stages: [
        { name: 'start', contiguity: 'begin', where: 'amount > 100000', quantifier: { kind: 'one' } },
        {
          name: 'middle',
          contiguity: 'followedBy',
          where: "kind == 'withdrawal'",
          quantifier: { kind: 'times', from: 3, to: 3, inner: 'consecutive' },
        },
      ],
      within: { ms: 3_600_000, type: 'FIRST_AND_LAST' },
      skip: { kind: 'SKIP_PAST_LAST_EVENT' },
    });
  });

  it('is a valid document that describes itself and survives save/load', () => {
    expect(describePattern(doc)).toMatch(/start/);
    const reloaded = loadDocument(serializeDocument(doc));
    expect(reloaded.ok).toBe(true);
  });

  it('runs: a big amount then three consecutive withdrawals match; an interruption does not', () => {
    const ev = (id: string, ts: number, amount: number, kind: string) => ({
      id,
      ts,
      account: 'a1',
      amount,
      kind,
    });
    const events = [
      ev('s', 0, 200_000, 'deposit'),
      ev('n', 10, 5, 'fee'),
      ev('w1', 20, 10, 'withdrawal'),
      ev('w2', 30, 10, 'withdrawal'),
      ev('w3', 40, 10, 'withdrawal'),
    ];
    expect(runPattern(doc, events)).toEqual([
      { kind: 'match', key: 'a1', timestamp: 40, stages: { start: ['s'], middle: ['w1', 'w2', 'w3'] } },
    ]);
    const broken = [
      ev('s', 0, 200_000, 'deposit'),
      ev('w1', 20, 10, 'withdrawal'),
      ev('x', 25, 10, 'fee'),
      ev('w2', 30, 10, 'withdrawal'),
      ev('w3', 40, 10, 'withdrawal'),
    ];
    expect(runPattern(doc, broken).filter((o) => o.kind === 'match')).toEqual([]);
  });

  it('exports back to the same rule', () => {
    const back = exportPattern(doc, 'flink-json');
    expect(back.ok && JSON.parse(back.text)).toEqual(JSON.parse(fixture('research-example.flink.json')));
  });
});

describe('import of Java class conditions and Flink combinators', () => {
  const r = imported(fixture('class-condition.flink.json'));
  const start = r.document.nodes.find((n) => n.kind === 'stage' && n.name === 'start');
  const end = r.document.nodes.find((n) => n.kind === 'stage' && n.name === 'end');

  it('keeps the class condition verbatim in the note and flags it', () => {
    expect(start?.kind === 'stage' && start.where).toMatch(
      /^unsupported\('Flink Java condition class com\.acme\.cep\.BigTransfer/,
    );
    expect(start?.note).toContain('{"type":"CLASS","className":"com.acme.cep.BigTransfer"}');
    expect(r.diagnostics).toEqual([
      expect.objectContaining({
        code: 'import.unsupported-condition',
        severity: 'warning',
        message: expect.stringContaining('com.acme.cep.BigTransfer') as string,
      }),
    ]);
  });

  it('translates RichOr / RichNot around Aviator, the until condition, the loop window and SKIP_TILL_ANY', () => {
    expect(end?.kind === 'stage' && end).toMatchObject({
      where: "(startsWith(name, 'acc_') && note != null) || (!(matches(name, 'x[0-9]+')))",
      until: "status == 'closed'",
      quantifier: { kind: 'oneOrMore', optional: true, window: 30_000 },
    });
    expect(r.document.edges[0]?.contiguity).toBe('followedByAny');
  });

  it('refuses to run, naming the Flink class', () => {
    const lowered = documentToSpec(r.document);
    expect(lowered.ok).toBe(true);
    const compiled = lowered.ok ? compilePattern(lowered.spec) : null;
    expect(compiled?.ok).toBe(false);
    expect(compiled && !compiled.ok && compiled.diagnostics.map((d) => d.message).join('\n')).toMatch(
      /unsupported/,
    );
  });

  it('writes the class condition back in Flink JSON and Java, and refuses SQL', () => {
    const json = exportPattern(r.document, 'flink-json');
    expect(json.ok && firstCondition(json.text)).toEqual({
      type: 'CLASS',
      className: 'com.acme.cep.BigTransfer',
    });
    const java = exportPattern(r.document, 'flink-java');
    expect(java.ok && java.text).toContain('.where(new com.acme.cep.BigTransfer())');
    const sql = exportPattern(r.document, 'flink-sql', { timeField: 'ts' });
    expect(!sql.ok && sql.reasons.map((x) => x.reason).join('\n')).toMatch(
      /SQL: the imported Flink condition .*BigTransfer.* UDF/,
    );
  });

  it('stops using the kept JSON once the user replaces the marker', () => {
    const doc = structuredClone(r.document);
    const node = doc.nodes[0];
    if (node?.kind === 'stage') node.where = 'amount > 5';
    const json = exportPattern(doc, 'flink-json');
    expect(json.ok && firstCondition(json.text)).toEqual({ type: 'AVIATOR', expression: 'amount > 5' });
  });
});

describe('import errors point at the problem', () => {
  const messages = (text: string): string[] => {
    const r = importFlinkJson(text);
    expect(r.ok).toBe(false);
    return r.ok ? [] : r.diagnostics.map((d) => `${(d.target?.path ?? []).join('.')}: ${d.message}`);
  };
  const base = JSON.parse(fixture('research-example.flink.json')) as Record<string, unknown> & {
    edges: { type: string }[];
    nodes: { quantifier: { consumingStrategy: string } }[];
  };

  it('reports invalid JSON with its line and column', () => {
    expect(messages('{\n  "nodes": [,]\n}')[0]).toMatch(/line 2, column \d+/);
  });
  it('reports an unknown edge type with its path', () => {
    const bad = structuredClone(base);
    bad.edges[0].type = 'FOLLOWED_BY';
    expect(messages(JSON.stringify(bad))).toEqual([
      expect.stringMatching(/^edges\.0\.type: Edge type "FOLLOWED_BY" is unknown/),
    ]);
  });
  it('reports two begin nodes as Flink does', () => {
    const bad = structuredClone(base);
    bad.edges = [];
    expect(messages(JSON.stringify(bad)).join('\n')).toMatch(/exactly one begin node, but there are 2/);
  });
  it('rejects STRICT on a single-event stage, as Flink does', () => {
    const bad = structuredClone(base);
    bad.nodes[0].quantifier.consumingStrategy = 'STRICT';
    expect(messages(JSON.stringify(bad)).join('\n')).toMatch(
      /nodes\.0\.quantifier\.consumingStrategy: A single-event stage \("start"\) must use consumingStrategy SKIP_TILL_NEXT/,
    );
  });
  it('rejects something that is not a rule', () => {
    expect(messages('[1, 2]').join('\n')).toMatch(/must be a JSON object/);
  });
});

describe('Aviator → Cepheus conditions', () => {
  it.each([
    ['amount > 100000', 'amount > 100000'],
    ["kind == 'withdrawal' && !(x != nil)", "kind == 'withdrawal' && !(x != null)"],
    ['name == "it\'s"', "name == 'it\\'s'"],
    ['string.contains(name, "ab") || math.abs(delta) >= 2.5', "contains(name, 'ab') || abs(delta) >= 2.5"],
    ['code =~ /^(?:A\\/B)$/', "matches(code, 'A/B')"],
    ['a > 1 ? b == 2 : c == 3', 'a > 1 ? b == 2 : c == 3'],
  ])('%s', (aviator, expected) => {
    expect(aviatorToCondition(aviator)).toEqual({ ok: true, source: expected });
  });
  it.each([
    ['x = 1', /'=' is not supported/],
    ['seq.list(1, 2) == nil', /seq\.list\(\) has no Cepheus equivalent/],
    ['a & b', /'&' is not supported/],
    ["name == 'open", /unterminated string/],
  ])('refuses %s', (aviator, reason) => {
    const r = aviatorToCondition(aviator);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toMatch(reason);
  });
});
