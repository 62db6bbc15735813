import { describe, expect, it } from 'vitest';
import { parseCondition, printAviator, printFlinkSql, printJava, type Expr } from '../../../engine/expr';

function ast(src: string): Expr {
  const r = parseCondition(src);
  if (!r.ast) throw new Error(`${src}: ${r.diagnostics[0]?.message ?? ''}`);
  return r.ast;
}

describe('printAviator', () => {
  it.each([
    ["name == 'start' && price > 3.0", "name == 'start' && price > 3"],
    ["type == 'SubEvent' and (volume > 5.0 or not flag)", "type == 'SubEvent' && (volume > 5 || !flag)"],
    ['x in [1, 2]', 'x == 1 || x == 2'],
    ["x not in ['a']", "x != 'a'"],
    ['x in []', 'false'],
    ['x not in []', 'x != nil'],
    ['user.id == null', 'user.id == nil'],
    [
      "name.startsWith('a') || contains(name, 'b') || name.endsWith('c')",
      "string.startsWith(name, 'a') || string.contains(name, 'b') || string.endsWith(name, 'c')",
    ],
    ["matches(name, 'a/b+')", 'name =~ /^(?:a\\/b+)$/'],
    ['length(name) > 2 && abs(d) < pow(2, 3)', 'string.length(name) > 2 && math.abs(d) < math.pow(2, 3)'],
    ['a / 2 > 1', 'a / 2.0 > 1'],
    ['(a + b) * c == -1', '(a + b) * c == -1'],
    ['a - (b - c) == 0', 'a - (b - c) == 0'],
    ["x ? 'y' : 'z' == 'y'", "x ? 'y' : 'z' == 'y'"],
    ["s == 'it\\'s\\n'", "s == 'it\\'s\\n'"],
  ])('%s', (src, want) => {
    expect(printAviator(ast(src))).toEqual({ ok: true, text: want });
  });

  it.each([
    ['sum(middle.price) > 1', 'sum() reads earlier events'],
    ['first(start).price > 1', 'plain event fields'],
    ["lower(name) == 'a'", 'lower() has no AviatorScript equivalent'],
    ["payload['odd key'] == 1", "'odd key' is not a valid Aviator identifier"],
  ])('refuses %s', (src, reason) => {
    const r = printAviator(ast(src));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
});

describe('printJava', () => {
  const stream = (s: string): string =>
    `java.util.stream.StreamSupport.stream(ctx.getEventsForPattern("${s}").spliterator(), false)`;
  it.each([
    ["name == 'start' && price > 3.0", '"start".equals(event.getName()) && event.getPrice() > 3.0', false],
    ["name != 'a'", '!"a".equals(event.getName())', false],
    ['user.id == null', 'event.getUser().getId() == null', false],
    ['a == b', 'java.util.Objects.equals(event.getA(), event.getB())', false],
    ["name > 'm'", 'event.getName().compareTo("m") > 0', false],
    ['x in [1, 2]', 'event.getX() == 1.0 || event.getX() == 2.0', false],
    [
      "name.startsWith('foo') && matches(name, 'a\\\\d+')",
      'event.getName().startsWith("foo") && event.getName().matches("a\\\\d+")',
      false,
    ],
    ["substring(name, 0, n) == 'ab'", '"ab".equals(event.getName().substring(0, (int) event.getN()))', false],
    [
      'round(p) == 3 && min(a, b) < 1',
      'Math.round(event.getP()) == 3.0 && Math.min(event.getA(), event.getB()) < 1.0',
      false,
    ],
    [
      'sum(middle.price) + price < 5.0',
      `${stream('middle')}.mapToDouble(x -> x.getPrice()).sum() + event.getPrice() < 5.0`,
      true,
    ],
    ['count(middle) < 3', `${stream('middle')}.count() < 3.0`, true],
    [
      'price > last(middle).price',
      `event.getPrice() > ${stream('middle')}.reduce((a, b) -> b).map(x -> x.getPrice()).orElse(Double.NaN)`,
      true,
    ],
    [
      'max(middle.price) > 1',
      `${stream('middle')}.mapToDouble(x -> x.getPrice()).max().orElse(Double.NaN) > 1.0`,
      true,
    ],
  ])('%s', (src, want, iterative) => {
    expect(printJava(ast(src), { eventVar: 'event' })).toEqual({ ok: true, text: want, iterative });
  });

  it('prints map getters with the casts the context needs', () => {
    expect(
      printJava(ast("name == 'a' && price > 2 && flag && user.id != null"), {
        eventVar: 'e',
        getters: 'map',
      }),
    ).toEqual({
      ok: true,
      text: '"a".equals(((String) e.get("name"))) && ((Number) e.get("price")).doubleValue() > 2.0 && Boolean.TRUE.equals(e.get("flag")) && ((java.util.Map<?, ?>) e.get("user")).get("id") != null',
      iterative: false,
    });
  });

  it('uses the given context variable and escapes stage names', () => {
    const r = printJava(ast('count(middle) > 0'), { eventVar: 'x', contextVar: 'context' });
    expect(r.ok && r.text).toBe(
      'java.util.stream.StreamSupport.stream(context.getEventsForPattern("middle").spliterator(), false).count() > 0.0',
    );
  });

  it('refuses fields that have no getter', () => {
    const r = printJava(ast("payload['odd key'] == 1"), { eventVar: 'event' });
    expect(r.ok).toBe(false);
  });
});

describe('printFlinkSql', () => {
  it.each([
    ["name == 'start' && price > 3.0", "A.name = 'start' AND A.price > 3"],
    ["name != 'x' || !(price <= 2)", "A.name <> 'x' OR NOT (A.price <= 2)"],
    ['user == null', 'A.`user` IS NULL'],
    ['x != null', 'A.x IS NOT NULL'],
    ["x in ['a', 'b']", "A.x IN ('a', 'b')"],
    ['x not in [1]', 'A.x NOT IN (1)'],
    [
      "name.startsWith('a_b') && name.endsWith('z') && name.includes('%')",
      "A.name LIKE 'a\\_b%' ESCAPE '\\' AND A.name LIKE '%z' AND A.name LIKE '%\\%%' ESCAPE '\\'",
    ],
    ["matches(name, 'a.*')", "REGEXP(A.name, '^(?:a.*)$')"],
    ["name + 'x' == 'ax'", "A.name || 'x' = 'ax'"],
    ['a % 2 == 1', 'MOD(A.a, 2) = 1'],
    ["lower(name) == 'a' and length(name) > 1", "LOWER(A.name) = 'a' AND CHAR_LENGTH(A.name) > 1"],
    ["substring(name, 1, 3) == 'bc'", "SUBSTRING(A.name FROM 1 + 1 FOR 3 - 1) = 'bc'"],
    ['x ? 1 : 2 == 1', 'CASE WHEN A.x THEN 1 ELSE 2 = 1 END'],
    ['sum(B.price) + price < 5.0', 'COALESCE(SUM(B.price), 0) + A.price < 5'],
    ['count(B) < 3 and avg(B.price) > 1', 'COUNT(B.*) < 3 AND AVG(B.price) > 1'],
    [
      'price > first(B).price && price < last(B).price',
      'A.price > FIRST(B.price) AND A.price < LAST(B.price)',
    ],
    ['count(A) < 3', 'COUNT(A.*) - 1 < 3'],
    ['sum(A.price) + price < 5', 'COALESCE(SUM(A.price), 0) - COALESCE(A.price, 0) + A.price < 5'],
    ['price > last(A).price', 'A.price > LAST(A.price, 1)'],
  ])('%s', (src, want) => {
    expect(printFlinkSql(ast(src), { currentVar: 'A' })).toEqual({ ok: true, text: want });
  });

  it('reads nested ROW fields and quotes keywords and odd names', () => {
    expect(printFlinkSql(ast('user.id == 1 && `odd key` > 2 && value < 3'), { currentVar: 'A' })).toEqual({
      ok: true,
      text: 'A.`user`.id = 1 AND A.`odd key` > 2 AND A.`value` < 3',
    });
    expect(printFlinkSql(ast('x > 1'), { currentVar: 'A', quoteIdent: (n) => `"${n}"` })).toEqual({
      ok: true,
      text: 'A."x" > 1',
    });
  });

  it('accepts `variable` as the option name too', () => {
    expect(printFlinkSql(ast('p > 1'), { variable: 'M' })).toEqual({ ok: true, text: 'M.p > 1' });
  });

  it.each([
    ['max(A.price) > 1', 'max() over the stage being defined'],
    ['first(B) == null', 'must be followed by a field'],
    ['startsWith(name, other)', 'non-literal'],
  ])('refuses %s', (src, reason) => {
    const r = printFlinkSql(ast(src), { currentVar: 'A' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
});
