import { describe, expect, it } from 'vitest';
import { parseCondition, type Expr } from '../../../engine/expr';

/** Fully parenthesised rendering of the tree, to check precedence and associativity. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'literal':
      return typeof e.value === 'string' ? `'${e.value}'` : String(e.value);
    case 'list':
      return `[${e.items.map(show).join(', ')}]`;
    case 'ident':
      return e.name;
    case 'member':
      return e.key ? `${show(e.object)}[${show(e.key)}]` : `${show(e.object)}.${e.property ?? ''}`;
    case 'call':
      return `${e.callee}${e.method ? '@' : ''}(${e.args.map(show).join(', ')})`;
    case 'unary':
      return `(${e.op}${show(e.operand)})`;
    case 'binary':
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case 'conditional':
      return `(${show(e.test)} ? ${show(e.consequent)} : ${show(e.alternate)})`;
  }
}

function parsed(src: string): string {
  const r = parseCondition(src);
  expect(r.diagnostics).toEqual([]);
  return r.ast ? show(r.ast) : '<none>';
}

describe('parser: constructs and precedence', () => {
  it.each([
    ['a + b * c', '(a + (b * c))'],
    ['a - b - c', '((a - b) - c)'],
    ['a * b % c / d', '(((a * b) % c) / d)'],
    ['a < b == c > d', '((a < b) == (c > d))'],
    ['a || b && c', '(a || (b && c))'],
    ['a or b and not c', '(a || (b && (!c)))'],
    ['not a == b', '(!(a == b))'],
    ['!a == b', '((!a) == b)'],
    ['-a.b', '(-a.b)'],
    ['-3 * x', '(-3 * x)'],
    ['+x', '(+x)'],
    ['a ? b : c ? d : e', '(a ? b : (c ? d : e))'],
    ['a || b ? c : d', '((a || b) ? c : d)'],
    ["x in [1, 'a', null, true]", "(x in [1, 'a', null, true])"],
    ['x not in []', '(x not in [])'],
    ['a + 1 in [2]', '((a + 1) in [2])'],
    ["name.startsWith('x')", "startsWith@(name, 'x')"],
    ["startsWith(name, 'x')", "startsWith(name, 'x')"],
    ['first(start).price', 'first(start).price'],
    ["payload['odd key'].x[0]", "payload['odd key'].x[0]"],
    ['sum(middle.price) + price < 5.0', '((sum(middle.price) + price) < 5)'],
    ['f()', 'f()'],
    ['a === b && c !== d', '((a == b) && (c != d))'],
    ['\'it\\\'s\' == "q\\"\\n"', "('it's' == 'q\"\n')"],
    ['1.5e3 == 1500 && 2E-1 == .2 && 5. == 5', '(((1500 == 1500) && (0.2 == 0.2)) && (5 == 5))'],
    ["'\\u0041' == 'A'", "('A' == 'A')"],
    ['((a))', 'a'],
    ['`odd key` > 1 && `in` == 2', '((odd key > 1) && (in == 2))'],
    ['prix_é > 1', '(prix_é > 1)'],
  ])('%s', (src, want) => {
    expect(parsed(src)).toBe(want);
  });

  it('records exact ranges, including across lines', () => {
    const src = "name == 'a'\n  && price >\n 5";
    const r = parseCondition(src);
    expect(r.ast?.kind).toBe('binary');
    if (r.ast?.kind !== 'binary') return;
    expect(r.ast.opRange).toMatchObject({ start: 14, end: 16, line: 2, column: 3, endLine: 2, endColumn: 5 });
    const right = r.ast.right;
    expect(src.slice(right.range.start, right.range.end)).toBe('price >\n 5');
    expect(right.range).toMatchObject({ line: 2, column: 6, endLine: 3, endColumn: 3 });
  });

  it('parenthesised nodes cover their parentheses', () => {
    const r = parseCondition('(a + b) * 2');
    if (r.ast?.kind !== 'binary') throw new Error('expected binary');
    expect(r.ast.left.range).toMatchObject({ start: 0, end: 7 });
  });
});

describe('parser: errors point at the problem', () => {
  it.each([
    ['', 0, 0, 'empty condition'],
    ['   ', 3, 3, 'empty condition'],
    ['price >', 7, 7, 'ends too early'],
    ['price = 5', 6, 7, "use '=='"],
    ['a & b', 2, 3, "'&&'"],
    ["name == 'abc", 8, 12, 'unterminated string'],
    ['a b', 2, 3, 'missing an operator'],
    ['(a + b', 6, 6, "expected ')'"],
    ['f(a, b', 6, 6, "expected ')'"],
    ['[1, 2', 5, 5, "expected ']'"],
    ['a ? b', 5, 5, "expected ':'"],
    ['a.', 2, 2, 'after'],
    ['a.5', 1, 3, ''],
    ['price > 5 #', 10, 11, "unexpected character '#'"],
    ['12abc', 0, 5, "invalid number '12abc'"],
    ['1e', 0, 2, 'exponent'],
    ['and x', 0, 3, "'and' needs an expression"],
    ['(a)(b)', 3, 4, 'only functions'],
    ["'\\u12'", 0, 3, 'escape'],
    ['`odd key > 1', 0, 12, 'unterminated `quoted name`'],
    ['`` > 1', 0, 2, 'empty'],
    ['`f`(x)', 3, 4, 'only functions'],
  ])('%j', (src, start, end, message) => {
    const r = parseCondition(src);
    expect(r.ast).toBeNull();
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0];
    expect(d?.code).toBe('expr.syntax');
    expect(d?.severity).toBe('error');
    expect(d?.range).toMatchObject({ start, end });
    expect(d?.message).toContain(message);
  });

  it('reports line and column on later lines', () => {
    const r = parseCondition("name == 'a' &&\n\n   price >> 3");
    expect(r.diagnostics[0]?.range).toMatchObject({ line: 3, column: 11, endLine: 3, endColumn: 12 });
  });

  it('caps nesting instead of overflowing the stack', () => {
    const r = parseCondition('('.repeat(5000) + 'a' + ')'.repeat(5000));
    expect(r.ast).toBeNull();
    expect(r.diagnostics[0]?.message).toContain('nested too deeply');
  });
});
