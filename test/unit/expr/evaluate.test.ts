import { describe, expect, it } from 'vitest';
import { compileCondition } from '../../../engine/expr';
import { evaluate, fakeContext } from './helpers';

const ev = {
  'odd key': 1,
  name: 'start',
  price: 3.5,
  eid: 7,
  type: 'SubEvent',
  volume: 6,
  user: { id: 'u1', tags: ['a', 'b'] },
  payload: { 'odd key': 42 },
  flag: true,
};

describe('evaluation: literals and fields', () => {
  it.each([
    ["name == 'start'", true],
    ['name == "start"', true],
    ["name == 'end'", false],
    ['price == 3.5', true],
    ['price > 3', true],
    ['3 < price', true],
    ['price >= 3.5 && price <= 3.5', true],
    ['eid % 2 == 1', true],
    ['1e1 == 10', true],
    ['.5 + .5 == 1', true],
    ["user.id == 'u1'", true],
    ["payload['odd key'] == 42", true],
    ['`odd key` == 1', true],
    ['payload.`odd key` == 42', true],
    ["user['id'] == 'u1'", true],
    ["user.tags[1] == 'b'", true],
    ['flag', true],
    ['!flag', false],
    ['flag == true', true],
    ['true', true],
    ['false', false],
  ])('%s → %s', (src, want) => {
    expect(evaluate(src, ev)).toBe(want);
  });
});

describe('evaluation: null rules', () => {
  it.each([
    ['missing == null', true],
    ['missing != null', false],
    ['name != null', true],
    ['null == missing', true],
    ['missing > 1', false],
    ['missing < 1', false],
    ['missing == 1', false],
    ['missing != 1', false],
    ['missing + 1 == null', true],
    ['-missing == null', true],
    ["missing + 'x' == null", true],
    ['missing', false],
    ['!missing', true],
    ['user.nope.deeper == null', true],
    ['name.deeper == null', true],
    ['constructor == null', true],
    ['toString == null', true],
    ['__proto__ == null', true],
    ['missing in [1, 2]', false],
    ['missing not in [1, 2]', false],
    ['price / 0 == null', true],
    ['missing ? false : true', true],
  ])('%s → %s', (src, want) => {
    expect(evaluate(src, ev)).toBe(want);
  });
});

describe('evaluation: operators', () => {
  it.each([
    ['1 + 2 * 3 == 7', true],
    ['(1 + 2) * 3 == 9', true],
    ['10 - 4 - 3 == 3', true],
    ['-price == -3.5', true],
    ['- - price == 3.5', true],
    ["name + '-' + eid == 'start-7'", true],
    ["name + 1 == 'start1'", true],
    ['price + flag == null', true],
    ["'b' > 'a'", true],
    ["price > 'a'", false],
    ['eid in [1, 7, 9]', true],
    ['eid not in [1, 7, 9]', false],
    ["name in ['a', 'start']", true],
    ["name not in ['a', 'b']", true],
    ['eid in [1 + 6]', true],
    ['price > 3 and volume > 5', true],
    ['price > 4 or volume > 5', true],
    ['not price > 4', true],
    ['not (price > 3 and volume > 5)', false],
    ["price > 3 ? name == 'start' : false", true],
    ["price > 4 ? true : name == 'x'", false],
    ['true ? false ? 1 : 2 : 3 == 2', false],
    ['(true ? (false ? 1 : 2) : 3) == 2', true],
    ['true || false && false', true],
    ['!true == false', true],
  ])('%s → %s', (src, want) => {
    expect(evaluate(src, ev)).toBe(want);
  });
});

describe('evaluation: functions', () => {
  it.each([
    ["name.startsWith('st')", true],
    ["startsWith(name, 'x')", false],
    ["name.endsWith('rt')", true],
    ["name.includes('tar')", true],
    ["contains(name, 'tar')", true],
    ["name.contains('zzz')", false],
    ["name.matches('st.*')", true],
    ["matches(name, 'tar')", false],
    ["matches(name, 'start|end')", true],
    ["upper(name) == 'START'", true],
    ["name.toUpperCase().lower() == 'start'", true],
    ['length(name) == 5', true],
    ['name.length() == 5', true],
    ['length(user.tags) == 2', true],
    ["trim('  a ') == 'a'", true],
    ["substring(name, 1, 3) == 'ta'", true],
    ["name.substring(2) == 'art'", true],
    ['abs(-2) == 2', true],
    ['round(2.5) == 3', true],
    ['round(-2.5) == -2', true],
    ['floor(price) == 3', true],
    ['ceil(price) == 4', true],
    ['sqrt(16) == 4', true],
    ['sqrt(-1) == null', true],
    ['pow(2, 10) == 1024', true],
    ['min(price, 2) == 2', true],
    ['max(price, 2) == 3.5', true],
    ["missing.startsWith('a')", false],
    ["startsWith(price, 'a')", false],
  ])('%s → %s', (src, want) => {
    expect(evaluate(src, ev)).toBe(want);
  });
});

describe('evaluation: aggregates over bound events', () => {
  const bound = {
    start: [{ name: 'start', price: 1 }],
    middle: [{ price: 1 }, { price: 2 }, { price: null }, { name: 'x' }, { price: 4 }],
    empty: [],
  };
  it.each([
    ['count(middle) == 5', true],
    ['count(middle.price) == 3', true],
    ['count(empty) == 0', true],
    ['sum(middle.price) == 7', true],
    ['sum(empty.price) == 0', true],
    ['sum(middle.price) + price < 5.0', false],
    ['avg(middle.price) == 7 / 3', true],
    ['avg(empty.price) == null', true],
    ['min(middle.price) == 1', true],
    ['max(middle.price) == 4', true],
    ['max(empty.price) == null', true],
    ['first(middle).price == 1', true],
    ['last(middle).price == 4', true],
    ['first(middle.price) == 1', true],
    ['first(empty).price == null', true],
    ['last(empty) == null', true],
    ["first(start).name == 'start'", true],
    ['price > first(start).price', true],
  ])('%s → %s', (src, want) => {
    expect(evaluate(src, { price: 3.5 }, bound)).toBe(want);
  });

  it('asks the context only for the stages it needs, and only when evaluation reaches them', () => {
    const r = compileCondition("name == 'end' && sum(start.price) >= 2.0", { stages: ['start', 'end'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.iterative).toBe(true);
    expect(r.referencedStages).toEqual(['start']);
    const ctx = fakeContext({ start: [{ price: 1 }, { price: 1 }] });
    expect(r.condition({ name: 'x' }, ctx)).toBe(false);
    expect(ctx.calls).toEqual([]);
    expect(r.condition({ name: 'end' }, ctx)).toBe(true);
    expect(ctx.calls).toEqual(['start']);
  });

  it('a condition without aggregates is not iterative', () => {
    const r = compileCondition("name == 'a'", { stages: ['a'] });
    expect(r.ok && r.iterative).toBe(false);
    expect(r.ok && r.referencedStages).toEqual([]);
  });
});
