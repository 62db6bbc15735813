/**
 * Pratt parser for the condition language. It stops at the first error and reports it with the
 * exact range; it never throws to its caller (deep nesting is capped so fuzzed input cannot
 * overflow the stack).
 */
import type { Diagnostic, SourceRange } from '../pattern/diagnostic';
import { childrenOf, type BinaryOp, type Expr } from './ast';
import { tokenize, type Token } from './lexer';
import { SourceText, exprError, spanRanges } from './source';

export const KEYWORDS = ['true', 'false', 'null', 'and', 'or', 'not', 'in'] as const;
const MAX_DEPTH = 150;
/**
 * Limits on what a condition may be, checked before any work that grows with them: the longest
 * source (a 70 MB line took minutes to lex) and the deepest tree (each operator of a chain such as
 * `x == 1 && x == 2 && …` nests one level; the checker, compiler, exporters and the evaluation
 * recurse over it, and 2,000 levels overflowed the stack).
 */
export const MAX_CONDITION_LENGTH = 100_000;
export const MAX_CONDITION_DEPTH = 500;

class ParseFailure extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** Binding powers: higher binds tighter. */
const enum Bp {
  Ternary = 1,
  Or = 2,
  And = 3,
  Not = 4,
  Equality = 5,
  Relational = 6,
  Additive = 7,
  Multiplicative = 8,
  Prefix = 9,
}

function infixOf(tok: Token, next: Token): { op: BinaryOp; bp: number; width: number } | null {
  if (tok.kind === 'punct') {
    switch (tok.text) {
      case '||':
        return { op: '||', bp: Bp.Or, width: 1 };
      case '&&':
        return { op: '&&', bp: Bp.And, width: 1 };
      case '==':
      case '!=':
        return { op: tok.text, bp: Bp.Equality, width: 1 };
      case '<':
      case '<=':
      case '>':
      case '>=':
        return { op: tok.text, bp: Bp.Relational, width: 1 };
      case '+':
      case '-':
        return { op: tok.text, bp: Bp.Additive, width: 1 };
      case '*':
      case '/':
      case '%':
        return { op: tok.text, bp: Bp.Multiplicative, width: 1 };
    }
    return null;
  }
  if (tok.kind === 'ident' && !tok.quoted) {
    if (tok.text === 'or') return { op: '||', bp: Bp.Or, width: 1 };
    if (tok.text === 'and') return { op: '&&', bp: Bp.And, width: 1 };
    if (tok.text === 'in') return { op: 'in', bp: Bp.Relational, width: 1 };
    if (tok.text === 'not' && next.kind === 'ident' && next.text === 'in')
      return { op: 'not in', bp: Bp.Relational, width: 2 };
  }
  return null;
}

export interface ParseResult {
  ast: Expr | null;
  diagnostics: Diagnostic[];
}

export function parseCondition(source: string): ParseResult {
  const text = new SourceText(typeof source === 'string' ? source : '');
  if (text.text.length > MAX_CONDITION_LENGTH)
    return {
      ast: null,
      diagnostics: [
        exprError(
          'expr.too-long',
          `this condition is ${text.text.length.toLocaleString('en-US')} characters long; a condition may have at most ${MAX_CONDITION_LENGTH.toLocaleString('en-US')}: split it over several stages, or test a list of values with \`field in [a, b, …]\``,
          text.range(MAX_CONDITION_LENGTH, text.text.length),
        ),
      ],
    };
  try {
    const parser = new Parser(text);
    const ast = parser.parseAll();
    if (deeperThan(ast, MAX_CONDITION_DEPTH))
      return {
        ast: null,
        diagnostics: [
          exprError(
            'expr.too-deep',
            `this condition nests or chains more than ${MAX_CONDITION_DEPTH} operators (such as a long run of && or ||); split it over several stages, or test a list of values with \`field in [a, b, …]\``,
            ast.range,
          ),
        ],
      };
    return { ast, diagnostics: [] };
  } catch (e) {
    if (e instanceof ParseFailure) return { ast: null, diagnostics: [e.diagnostic] };
    // Anything else is a bug in this file; still report it instead of crashing the caller.
    return {
      ast: null,
      diagnostics: [
        exprError(
          'expr.syntax',
          `cannot parse this condition (${String(e)})`,
          text.range(0, text.text.length),
        ),
      ],
    };
  }
}

/** Whether the tree is more than `limit` levels deep; iterative, so it never overflows itself. */
function deeperThan(root: Expr, limit: number): boolean {
  const stack: [Expr, number][] = [[root, 1]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [node, depth] = item;
    if (depth > limit) return true;
    for (const child of childrenOf(node)) stack.push([child, depth + 1]);
  }
  return false;
}

class Parser {
  private readonly tokens: Token[];
  private pos = 0;
  private depth = 0;
  /** `(f)(x)` is not a call of f: parenthesised names are values. */
  private readonly parenthesized = new WeakSet<Expr>();

  constructor(private readonly src: SourceText) {
    this.tokens = tokenize(src.text);
  }

  parseAll(): Expr {
    const first = this.peek();
    if (first.kind === 'eof')
      this.fail('empty condition: write an expression such as price > 10, or true', first);
    const expr = this.expression(0);
    const rest = this.peek();
    if (rest.kind !== 'eof')
      this.fail(
        `unexpected ${describe(rest)} after a complete expression — missing an operator such as && or ||?`,
        rest,
      );
    return expr;
  }

  private peek(offset = 0): Token {
    const t = this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
    // tokenize always ends with eof, so t is defined.
    return t;
  }

  private next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  private range(t: Token): SourceRange {
    return this.src.range(t.start, t.end);
  }

  private fail(message: string, at: Token | SourceRange): never {
    const range = 'kind' in at ? this.range(at) : at;
    throw new ParseFailure(exprError('expr.syntax', message, range));
  }

  private check(tok: Token): void {
    if (tok.kind === 'error') this.fail(tok.text, tok);
  }

  private expect(punct: string, context: string): Token {
    const t = this.peek();
    this.check(t);
    if (t.kind !== 'punct' || t.text !== punct)
      this.fail(`expected '${punct}' ${context}, found ${describe(t)}`, t);
    return this.next();
  }

  private expression(minBp: number): Expr {
    if (++this.depth > MAX_DEPTH) this.fail('expression nested too deeply', this.peek());
    let left = this.prefix();
    for (;;) {
      const tok = this.peek();
      this.check(tok);
      if (tok.kind === 'punct' && tok.text === '?' && minBp < Bp.Ternary + 1) {
        this.next();
        const consequent = this.expression(0);
        this.expect(':', "between the two branches of '? :'");
        const alternate = this.expression(Bp.Ternary); // right-associative
        left = {
          kind: 'conditional',
          test: left,
          consequent,
          alternate,
          range: spanRanges(left.range, alternate.range),
        };
        continue;
      }
      const infix = infixOf(tok, this.peek(1));
      if (!infix || infix.bp <= minBp) break;
      const opStart = tok.start;
      for (let k = 0; k < infix.width; k++) this.next();
      const opEnd = this.tokens[this.pos - 1]?.end ?? tok.end;
      const right = this.expression(infix.bp);
      left = {
        kind: 'binary',
        op: infix.op,
        left,
        right,
        opRange: this.src.range(opStart, opEnd),
        range: spanRanges(left.range, right.range),
      };
    }
    this.depth--;
    return left;
  }

  private prefix(): Expr {
    const tok = this.next();
    this.check(tok);
    if (tok.kind === 'punct' && (tok.text === '!' || tok.text === '-' || tok.text === '+')) {
      const operand = this.expression(Bp.Prefix);
      return this.postfixNumberFold(tok, operand);
    }
    if (tok.kind === 'ident' && !tok.quoted && tok.text === 'not') {
      const operand = this.expression(Bp.Not);
      return { kind: 'unary', op: '!', operand, range: spanRanges(this.range(tok), operand.range) };
    }
    return this.postfix(this.primary(tok));
  }

  /** `-5` becomes the literal -5 so printers and the checker see a plain number. */
  private postfixNumberFold(tok: Token, operand: Expr): Expr {
    const range = spanRanges(this.range(tok), operand.range);
    if (tok.text === '-' && operand.kind === 'literal' && typeof operand.value === 'number') {
      return { kind: 'literal', value: -operand.value, range };
    }
    return { kind: 'unary', op: tok.text as '!' | '-' | '+', operand, range };
  }

  private primary(tok: Token): Expr {
    const range = this.range(tok);
    switch (tok.kind) {
      case 'number':
        return { kind: 'literal', value: tok.value, range };
      case 'string':
        return { kind: 'literal', value: tok.text, range };
      case 'ident':
        if (tok.quoted) return { kind: 'ident', name: tok.text, range };
        switch (tok.text) {
          case 'true':
            return { kind: 'literal', value: true, range };
          case 'false':
            return { kind: 'literal', value: false, range };
          case 'null':
            return { kind: 'literal', value: null, range };
          case 'and':
          case 'or':
          case 'in':
            return this.fail(`'${tok.text}' needs an expression on its left`, tok);
        }
        return { kind: 'ident', name: tok.text, range };
      case 'punct':
        if (tok.text === '(') {
          const inner = this.expression(0);
          const close = this.expect(')', 'to close the parenthesis');
          // Widen the range to include the parentheses; the node itself is unchanged.
          const wrapped = { ...inner, range: this.src.range(tok.start, close.end) };
          this.parenthesized.add(wrapped);
          return wrapped;
        }
        if (tok.text === '[') return this.list(tok);
        return this.fail(`expected a value, found ${describe(tok)}`, tok);
      case 'eof':
        return this.fail('the condition ends too early: a value is missing', tok);
      case 'error':
        return this.fail(tok.text, tok);
    }
  }

  private list(open: Token): Expr {
    const items: Expr[] = [];
    if (this.peek().kind === 'punct' && this.peek().text === ']') {
      const close = this.next();
      return { kind: 'list', items, range: this.src.range(open.start, close.end) };
    }
    for (;;) {
      items.push(this.expression(0));
      const t = this.peek();
      this.check(t);
      if (t.kind === 'punct' && t.text === ',') {
        this.next();
        continue;
      }
      const close = this.expect(']', 'to close the list');
      return { kind: 'list', items, range: this.src.range(open.start, close.end) };
    }
  }

  private postfix(expr: Expr): Expr {
    for (;;) {
      const t = this.peek();
      this.check(t);
      if (t.kind !== 'punct') return expr;
      if (t.text === '.') {
        this.next();
        const name = this.next();
        this.check(name);
        if (name.kind !== 'ident')
          this.fail(`expected a field or method name after '.', found ${describe(name)}`, name);
        const nameRange = this.range(name);
        const after = this.peek();
        if (after.kind === 'punct' && after.text === '(') {
          this.next();
          const args = this.args();
          const close = this.tokens[this.pos - 1];
          expr = {
            kind: 'call',
            callee: name.text,
            calleeRange: nameRange,
            args: [expr, ...args],
            method: true,
            range: this.src.range(expr.range.start, close.end),
          };
        } else {
          expr = {
            kind: 'member',
            object: expr,
            property: name.text,
            key: null,
            propertyRange: nameRange,
            range: spanRanges(expr.range, nameRange),
          };
        }
        continue;
      }
      if (t.text === '[') {
        this.next();
        const key = this.expression(0);
        const close = this.expect(']', 'to close the index');
        const literal =
          key.kind === 'literal' && (typeof key.value === 'string' || typeof key.value === 'number')
            ? String(key.value)
            : null;
        expr = {
          kind: 'member',
          object: expr,
          property: literal,
          key,
          propertyRange: this.src.range(t.start, close.end),
          range: this.src.range(expr.range.start, close.end),
        };
        continue;
      }
      if (t.text === '(') {
        if (expr.kind !== 'ident' || this.parenthesized.has(expr) || this.tokens[this.pos - 1]?.quoted)
          this.fail("only functions can be called, e.g. lower(name) or name.startsWith('a')", t);
        this.next();
        const args = this.args();
        const close = this.tokens[this.pos - 1];
        expr = {
          kind: 'call',
          callee: expr.name,
          calleeRange: expr.range,
          args,
          method: false,
          range: this.src.range(expr.range.start, close.end),
        };
        continue;
      }
      return expr;
    }
  }

  /** Arguments after '(' up to and including ')'. */
  private args(): Expr[] {
    const args: Expr[] = [];
    const first = this.peek();
    if (first.kind === 'punct' && first.text === ')') {
      this.next();
      return args;
    }
    for (;;) {
      args.push(this.expression(0));
      const t = this.peek();
      this.check(t);
      if (t.kind === 'punct' && t.text === ',') {
        this.next();
        continue;
      }
      this.expect(')', 'to close the argument list');
      return args;
    }
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'the end of the condition';
    case 'string':
      return 'a string';
    case 'number':
      return `the number ${t.text}`;
    case 'ident':
      return `'${t.text}'`;
    default:
      return `'${t.text}'`;
  }
}
