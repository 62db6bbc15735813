import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonProjection } from '../../../electron/services/replay/json-projection';

/** What a projected decode must equal: JSON.parse's value with only the wanted own fields. */
function reference(text: string, fields: readonly string[]): unknown {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value))
    if (fields.includes(k))
      Object.defineProperty(out, k, {
        value: (value as Record<string, unknown>)[k],
        enumerable: true,
        writable: true,
        configurable: true,
      });
  return out;
}

/** Same own fields with the same values (Object.is for scalars: -0, NaN-free JSON, exact doubles). */
function expectSame(actual: unknown, expected: unknown): void {
  if (typeof expected !== 'object' || expected === null) {
    expect(Object.is(actual, expected)).toBe(true);
    return;
  }
  expect(typeof actual).toBe('object');
  expect(Array.isArray(actual)).toBe(Array.isArray(expected));
  const a = actual as Record<string, unknown>;
  const e = expected as Record<string, unknown>;
  expect(Object.keys(a).sort()).toEqual(Object.keys(e).sort());
  expect(Object.getPrototypeOf(a)).toBe(Object.getPrototypeOf(e));
  for (const k of Object.keys(e)) expectSame(a[k], e[k]);
}

const WANTED = ['type', 'amount', 'cardId', 'ts', 'user', '__proto__', 'é', 'a b'];
/** Names near the wanted ones (prefixes, suffixes, case) and the wanted ones. */
const NAMES = [...WANTED, 'typeX', 'xtype', 'Type', 'amt', 'amounts', 'id', 'card', 'constructor', ''];
/** String values that look like the wanted names as they appear in a text. */
const TRICKY_STRINGS = [
  'type',
  'amount',
  'type:',
  '"type":',
  ':',
  ',',
  '{',
  '}',
  '[',
  'é€😀',
  '\u2028',
  '\n\t',
  '\\',
];

/** A JSON number written as a writer might: plain, with exponent, upper-case E, signs, leading zero fraction. */
const numberText = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
  fc.integer().map(String),
  fc
    .tuple(
      fc.integer({ min: -999, max: 999 }),
      fc.integer({ min: 0, max: 99 }),
      fc.integer({ min: -330, max: 330 }),
      fc.constantFrom('e', 'E', 'e+', 'E-'),
    )
    .map(([m, f, e, mark]) =>
      `${m}.${f}${mark}${mark.endsWith('-') ? Math.abs(e) : e}`.replace('e+-', 'e-').replace('E--', 'E-'),
    ),
  fc.constantFrom('0', '-0', '0.0', '1e5', '1E400', '-1e-400', '12345678901234567890', '0.1', '5e-324'),
);

/** A string as JSON text: plain, or with some characters escaped (\uXXXX, \", \\, \/). */
const stringText = fc
  .tuple(
    fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom(...TRICKY_STRINGS, ...NAMES)),
    fc.boolean(),
  )
  .map(([s, escape]) => {
    const plain = JSON.stringify(s);
    if (!escape) return plain;
    return plain.replace(/[a-z/]/g, (ch) =>
      ch === '/' ? '\\/' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  });

const ws = fc.constantFrom('', '', '', ' ', '\n', '\t', ' \r\n ');

const valueText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    stringText,
    numberText,
    fc.constantFrom('true', 'false', 'null'),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    fc
      .array(fc.tuple(fc.constantFrom(...NAMES), tie('value')), { maxLength: 3 })
      .map((members) => `{${members.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).value;

/** An object text: members in any order, names possibly repeated (JSON.parse keeps the last), whitespace anywhere JSON allows. */
const objectText = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.oneof(valueText, stringText, numberText), fc.boolean()), {
      maxLength: 14,
    }),
    fc.array(ws, { minLength: 60, maxLength: 60 }),
  )
  .map(([members, spaces]) => {
    let w = 0;
    const sp = (): string => spaces[w++ % spaces.length];
    const key = (k: string, escape: boolean): string =>
      escape
        ? JSON.stringify(k).replace(/[a-z]/, (ch) => `\\u00${ch.charCodeAt(0).toString(16)}`)
        : JSON.stringify(k);
    return `${sp()}{${members.map(([k, v, esc]) => `${sp()}${key(k, esc)}${sp()}:${sp()}${v}${sp()}`).join(',')}}${sp()}`;
  });

describe('JsonProjection', () => {
  const projections = [
    new JsonProjection(['type', 'amount', 'cardId', 'ts']),
    new JsonProjection(WANTED),
    new JsonProjection(['amount']),
    new JsonProjection(['', 'type']),
  ];

  it('keeps exactly what JSON.parse gives the wanted fields, for any object text', () => {
    fc.assert(
      fc.property(objectText, (text) => {
        for (const p of projections) expectSame(p.decode(text), reference(text, p.fields));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives any other JSON value whole', () => {
    fc.assert(
      fc.property(fc.oneof(valueText, fc.json()), (text) => {
        for (const p of projections) expectSame(p.decode(text), reference(text, p.fields));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the cases by name: duplicates, escapes, unicode, exponents, missing fields, values that look like names', () => {
    const p = new JsonProjection(['type', 'amount', 'ts', '__proto__']);
    const cases: [string, unknown][] = [
      ['{"type":"a","amount":1,"type":"b"}', { type: 'b', amount: 1 }],
      ['{"type":"a","amount":1,"type":"b","amount":2e3}', { type: 'b', amount: 2000 }],
      ['{"note":"type","type" : "x" , "amount":-1.5E-2 }', { type: 'x', amount: -0.015 }],
      ['{"a":"type","b":"amount"}', {}],
      ['{"\\u0074ype":"esc\\"aped","amount":1}', { type: 'esc"aped', amount: 1 }],
      [
        '{"type":"é€😀","amount":0,"ts":"2026-03-02T09:00:00.000Z"}',
        { type: 'é€😀', amount: 0, ts: '2026-03-02T09:00:00.000Z' },
      ],
      ['{"type":{"amount":5},"amount":[1,{"type":2}]}', { type: { amount: 5 }, amount: [1, { type: 2 }] }],
      ['{"amount":-0,"type":null,"ts":true}', { amount: -0, type: null, ts: true }],
      ['{"amount":1E400}', { amount: Infinity }],
      ['{}', {}],
      ['  {"type":"t"}\n', { type: 't' }],
    ];
    for (const [text, expected] of cases) {
      expectSame(p.decode(text), expected);
      expectSame(p.decode(text), reference(text, p.fields));
    }
    const proto = p.decode('{"__proto__":{"x":1},"type":"t"}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.hasOwn(proto, '__proto__')).toBe(true);
    expectSame(proto, reference('{"__proto__":{"x":1},"type":"t"}', p.fields));
  });

  // Stored payloads are JSON the import wrote; the in-place path checks the braces, the first
  // member and the values it keeps (damage inside a member it skips is not looked for).
  it('fails as JSON.parse fails on a text that is cut, unbraced or whose kept value is broken', () => {
    const p = new JsonProjection(['type']);
    for (const text of [
      '{"type":"a"',
      '"type":"a"}',
      '',
      '{"type":}',
      '{type:1}',
      'nope',
      '{"type":tru}',
      '{"type":-}',
    ])
      expect(() => p.decode(text)).toThrow(SyntaxError);
  });
});
