import { describe, expect, it } from 'vitest';
import { parseCondition, printAviator, printFlinkSql, printJava, type Expr } from '../../../engine/expr';

function ast(src: string): Expr {
  const r = parseCondition(src);
  if (!r.ast) throw new Error(`${src}: ${r.diagnostics[0]?.message ?? ''}`);
  return r.ast;
}

describe('printAviator', () => {
  // AviatorCondition leaves missing fields out of the environment and Aviator orders nil below every
  // value (AviatorNil.innerCompare), so each comparison is printed behind the presence tests that
  // make it false on a missing field, as in Cepheus; `field == literal` and `field > literal` need none
  // (nil equals no literal and is below every value).
  it.each([
    ["name == 'start' && price > 3.0", "name == 'start' && price > 3"],
    ['amount >= 1 || 1 < amount', 'amount >= 1 || 1 < amount'],
    ['a > b', 'a != nil && b != nil && a > b'],
    [
      "type == 'SubEvent' and (volume > 5.0 or not flag)",
      "type == 'SubEvent' && (volume > 5 || !(flag == true))",
    ],
    ['amount < 1', 'amount != nil && amount < 1'],
    ['amount != 1', 'amount != nil && amount != 1'],
    ['!(amount > 5)', '!(amount > 5)'],
    ['!(amount < 5)', '!(amount != nil && amount < 5)'],
    ['flag', 'flag == true'],
    ['x in [1, 2]', 'x == 1 || x == 2'],
    ['x in [1, null]', 'x == 1'],
    ["x not in ['a']", "x != nil && x != 'a'"],
    ['x not in []', 'x != nil'],
    ['user.id == null', '(user == nil || user.id == nil)'],
    ['user.id != null', 'user != nil && user.id != nil'],
    ['user.id > 3', 'user != nil && user.id != nil && user.id > 3'],
    [
      "name.startsWith('a') || contains(name, 'b') || name.endsWith('c')",
      "(name != nil && string.startsWith(name, 'a')) || (name != nil && string.contains(name, 'b')) || (name != nil && string.endsWith(name, 'c'))",
    ],
    ["matches(name, 'a/b+')", 'name != nil && name =~ /^(?:a\\/b+)\\z/'],
    [
      'length(name) > 2 && abs(d) < pow(2, 3)',
      'name != nil && string.length(name) > 2 && (d != nil && math.abs(d) < math.pow(2, 3))',
    ],
    ['a / 2 > 1', 'a != nil && a / 2.0 > 1'],
    ['a / b > 1', 'a != nil && b != nil && b != 0 && a / b > 1'],
    ['(a + b) * c == -1', 'a != nil && b != nil && c != nil && (a + b) * c == -1'],
    ['a - (b - c) == 0', 'a != nil && b != nil && c != nil && a - (b - c) == 0'],
    ["x ? 'y' : 'z' == 'y'", "x == true ? 'y' : 'z' == 'y'"],
    ["s == 'it\\'s\\n'", "s == 'it\\'s\\n'"],
  ])('%s', (src, want) => {
    expect(printAviator(ast(src))).toEqual({ ok: true, text: want });
  });

  it.each([
    ['sum(middle.price) > 1', 'sum() reads earlier events'],
    ['first(start).price > 1', 'plain event fields'],
    ["lower(name) == 'a'", 'lower() has no AviatorScript equivalent'],
    ["payload['odd key'] == 1", "'odd key' is not a valid Aviator identifier"],
    // AviatorCondition.filter returns true for an expression without variables, Cepheus false here.
    ['x in []', 'reads no event field'],
    ['1 > 2', 'reads no event field'],
    ['(a + 1 == null) || b > 1', 'null test of a computed value'],
    ['(flag ? a + 1 : b) > 2', 'computed from fields that may be missing'],
  ])('refuses %s', (src, reason) => {
    const r = printAviator(ast(src));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
});

describe('printJava', () => {
  // Stages are read through locals the exporter declares (one getEventsForPattern call per stage).
  const stream = (s: string): string =>
    `java.util.stream.StreamSupport.stream(${s}Events.spliterator(), false)`;
  const middle = [{ name: 'middleEvents', stage: 'middle' }];
  // Every comparison first tests the values it reads for null (and divisors for zero), so that a
  // missing field makes it false as in Cepheus instead of throwing (engine/expr/null-guards.ts).
  it.each([
    [
      "name == 'start' && price > 3.0",
      '"start".equals(event.getName()) && (event.getPrice() != null && event.getPrice() > 3.0)',
      [],
    ],
    ["name != 'a'", 'event.getName() != null && !"a".equals(event.getName())', []],
    ['user.id == null', 'event.getUser().getId() == null', []],
    [
      'a == b',
      'event.getA() != null && event.getB() != null && java.util.Objects.equals(event.getA(), event.getB())',
      [],
    ],
    ["name > 'm'", 'event.getName() != null && event.getName().compareTo("m") > 0', []],
    ['x in [1, 2]', 'event.getX() != null && (event.getX() == 1.0 || event.getX() == 2.0)', []],
    ["x not in ['a']", 'event.getX() != null && !"a".equals(event.getX())', []],
    ['!(amount < 1)', '!(event.getAmount() != null && event.getAmount() < 1.0)', []],
    [
      'a / b > 1',
      'event.getA() != null && event.getB() != null && event.getB() != 0 && event.getA() / event.getB() > 1.0',
      [],
    ],
    [
      "name.startsWith('foo') && matches(name, 'a\\\\d+')",
      'event.getName() != null && event.getName().startsWith("foo") && (event.getName() != null && event.getName().matches("a\\\\d+"))',
      [],
    ],
    [
      "substring(name, 0, n) == 'ab'",
      'event.getName() != null && event.getN() != null && "ab".equals(event.getName().substring(0, (int) event.getN()))',
      [],
    ],
    [
      'sum(middle.price) + price < 5.0',
      `event.getPrice() != null && ${stream('middle')}.filter(x -> x.getPrice() != null).mapToDouble(x -> x.getPrice()).sum() + event.getPrice() < 5.0`,
      middle,
    ],
    ['count(middle) < 3', `${stream('middle')}.count() < 3.0`, middle],
    [
      'max(middle.price) > 1',
      `!Double.isNaN(${stream('middle')}.filter(x -> x.getPrice() != null).mapToDouble(x -> x.getPrice()).max().orElse(Double.NaN)) && ${stream('middle')}.filter(x -> x.getPrice() != null).mapToDouble(x -> x.getPrice()).max().orElse(Double.NaN) > 1.0`,
      middle,
    ],
  ])('%s', (src, want, locals) => {
    expect(printJava(ast(src), { eventVar: 'event' })).toEqual({
      ok: true,
      text: want,
      iterative: locals.length > 0,
      locals,
    });
  });

  it('reads boolean fields with isX() and counts only a present true', () => {
    expect(printJava(ast('flag && !done'), { eventVar: 'event', booleanFields: new Set(['done']) })).toEqual({
      ok: true,
      text: 'Boolean.TRUE.equals(event.getFlag()) && !Boolean.TRUE.equals(event.isDone())',
      iterative: false,
      locals: [],
    });
  });

  it('prints map getters with the casts the context needs', () => {
    expect(
      printJava(ast("name == 'a' && price > 2 && flag && user.id != null"), {
        eventVar: 'e',
        getters: 'map',
      }),
    ).toEqual({
      ok: true,
      text: '"a".equals(((String) e.get("name"))) && (e.get("price") != null && ((Number) e.get("price")).doubleValue() > 2.0) && Boolean.TRUE.equals(e.get("flag")) && ((java.util.Map<?, ?>) e.get("user")).get("id") != null',
      iterative: false,
      locals: [],
    });
  });

  it('names one local per stage read, avoiding the parameters', () => {
    const r = printJava(ast('count(x) > 0 && sum(x.p) > count(middle)'), { eventVar: 'xEvents' });
    expect(r.ok && r.locals).toEqual([
      { name: 'xEvents2', stage: 'x' },
      { name: 'middleEvents', stage: 'middle' },
    ]);
  });

  it('refuses fields that have no getter', () => {
    const r = printJava(ast("payload['odd key'] == 1"), { eventVar: 'event' });
    expect(r.ok).toBe(false);
  });
});

describe('printFlinkSql', () => {
  it.each([
    ["name == 'start' && price > 3.0", "A.name = 'start' AND A.price > 3"],
    // A comparison on a NULL column is UNKNOWN, which NOT keeps (Cepheus: false, then !false = true).
    ["name != 'x' || !(price <= 2)", "A.name <> 'x' OR NOT COALESCE(A.price <= 2, FALSE)"],
    ['!flag', 'NOT COALESCE(A.flag, FALSE)'],
    ['!(x == null)', 'NOT (A.x IS NULL)'],
    ['(a > 1) == false', 'COALESCE(A.a > 1, FALSE) = FALSE'],
    // Cepheus divides by zero to null; Flink's DOUBLE division would give Infinity.
    ['a / b > 1', 'A.a / NULLIF(A.b, 0) > 1'],
    ['x not in [1, null]', 'A.x NOT IN (1)'],
    ['user == null', 'A.`user` IS NULL'],
    ['x != null', 'A.x IS NOT NULL'],
    ["x in ['a', 'b']", "A.x IN ('a', 'b')"],
    ['x not in [1]', 'A.x NOT IN (1)'],
    [
      "name.startsWith('a_b') && name.endsWith('z') && name.includes('%')",
      "A.name LIKE 'a\\_b%' ESCAPE '\\' AND A.name LIKE '%z' AND A.name LIKE '%\\%%' ESCAPE '\\'",
    ],
    ["matches(name, 'a.*')", "REGEXP(A.name, '(?d)^(?:a.*)\\z')"],
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
