/**
 * Prints a condition as an Aviator expression for Flink dynamic CEP's AviatorCondition. Aviator
 * conditions see only the current event, so aggregates over stages are refused; so are functions
 * Aviator lacks. Field names must be plain identifiers (Aviator binds them to declared fields).
 *
 * Missing fields: AviatorCondition.filter puts only non-null field values into the environment, so a
 * missing field reads as nil, and Aviator 5 (runtime/type/AviatorNil.innerCompare: "Any object is
 * greater than nil except nil") orders nil below every value: `amount < 1` holds and `amount != 1`
 * holds for a missing amount, where Cepheus says false. Arithmetic on nil, string functions on nil
 * and `!`/`&&` on a nil operand throw (AviatorObject.not, AviatorNil.add → super.add), which fails
 * the Flink job. So each comparison is printed behind explicit guards (null-guards.ts): `amount != nil
 * && amount < 1`; `field == literal` and `field > literal` need none (nil equals no literal and is
 * below every value). A boolean field used as a
 * condition is printed `flag == true` (AviatorCondition casts the result to Boolean, so a bare nil
 * would throw).
 */
import { pathOf, type Expr } from './ast';
import { comparisonGuards, isFieldEqualsLiteral, valueGuards, type Guard } from './null-guards';
import {
  Prec,
  anchoredRegex,
  atom,
  attempt,
  binaryPrec,
  callInfo,
  expandIn,
  numberText,
  refuse,
  wrap,
  type PrintResult,
  type Printed,
} from './print-common';

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

const FUNCTIONS: Record<string, string> = {
  contains: 'string.contains',
  startsWith: 'string.startsWith',
  endsWith: 'string.endsWith',
  length: 'string.length',
  substring: 'string.substring',
  abs: 'math.abs',
  round: 'math.round',
  sqrt: 'math.sqrt',
  pow: 'math.pow',
};

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}'`;
}

const AND: number = Prec.And;

/** Field reads written by the current printAviator call (an expression without any is never evaluated). */
let printedReads = 0;
/**
 * Presence tests (`a != nil`) already true where the node being printed is evaluated: the left side
 * of an `&&` tested them (`amount != null && amount < 1`, as an imported Aviator guard reads back).
 */
let knownPresent = new Set<string>();

/** The presence tests `e` makes true when it holds: `x != null` conjuncts of an `&&` chain. */
function presenceTestsOf(e: Expr): string[] {
  if (e.kind === 'binary' && e.op === '&&') return [...presenceTestsOf(e.left), ...presenceTestsOf(e.right)];
  if (e.kind !== 'binary' || e.op !== '!=') return [];
  const isNull = (x: Expr): boolean => x.kind === 'literal' && x.value === null;
  const other = isNull(e.right) ? e.left : isNull(e.left) ? e.right : null;
  return other && pathOf(other) ? presentTest(other) : [];
}

/** `a != nil && a.b != nil`: every prefix of a nested read, since a nil parent has no fields. */
function presentTest(e: Expr): string[] {
  const path = pathOf(e);
  if (path) {
    const parts = [path.root, ...path.keys];
    return parts.map((_, i) => `${parts.slice(0, i + 1).join('.')} != nil`);
  }
  return [`${wrap(print(e), Prec.Equality + 1)} != nil`];
}

/** `guards && printed`, the guards first so Aviator never evaluates the comparison on nil. */
function guarded(guards: Guard[], printed: Printed): Printed {
  const tests = [
    ...new Set(
      guards.flatMap((g) =>
        g.kind === 'nonZero' ? [`${wrap(print(g.expr), Prec.Equality + 1)} != 0`] : presentTest(g.expr),
      ),
    ),
  ].filter((t) => !knownPresent.has(t));
  // Behind `a != nil && a.b != nil` the nil-safe read `(a == nil ? nil : a.b)` is plain `a.b`.
  let text = printed.text;
  for (const g of guards) {
    const path = g.kind === 'present' ? pathOf(g.expr) : null;
    if (path && path.keys.length > 0)
      text = text.split(nilSafeRead([path.root, ...path.keys])).join([path.root, ...path.keys].join('.'));
  }
  if (tests.length === 0) return { text, prec: printed.prec };
  return { text: [...tests, wrap({ text, prec: printed.prec }, Prec.And + 1)].join(' && '), prec: Prec.And };
}

/** A nested read that gives nil, as Cepheus gives null, when a parent is missing. */
function nilSafeRead(parts: string[]): string {
  const parents = parts.slice(0, -1).map((_, i) => `${parts.slice(0, i + 1).join('.')} == nil`);
  return `(${parents.join(' || ')} ? nil : ${parts.join('.')})`;
}

/** A direct read of a top-level field: nil equals no literal, so `field == literal` is safe as it is. */
function isTopLevelRead(e: Expr): boolean {
  return e.kind === 'ident';
}

/**
 * A top-level field against a literal where nil makes the comparison false as in Cepheus: nil equals
 * no literal and is below every value, so `field == 1`, `field > 1`, `field >= 1` (and `1 < field`,
 * `1 <= field`) need no guard; `field < 1`, `field != 1` do.
 */
function falseOnNil(node: Expr): boolean {
  if (node.kind !== 'binary') return false;
  const literal = (e: Expr): boolean => e.kind === 'literal' && e.value !== null;
  if (isFieldEqualsLiteral(node)) return isTopLevelRead(node.left) || isTopLevelRead(node.right);
  if (isTopLevelRead(node.left) && literal(node.right)) return node.op === '>' || node.op === '>=';
  if (literal(node.left) && isTopLevelRead(node.right)) return node.op === '<' || node.op === '<=';
  return false;
}

/** A comparison (or boolean function call) with the guards it needs. */
function comparison(node: Expr, printed: Printed): Printed {
  return falseOnNil(node) ? printed : guarded(comparisonGuards(node) ?? [], printed);
}

/** Prints a node whose value is used as true/false: a bare read becomes `read == true`. */
function condition(node: Expr): Printed {
  if (node.kind === 'conditional')
    return {
      text: `${wrap(condition(node.test), Prec.Or)} ? ${wrap(condition(node.consequent), Prec.Or)} : ${wrap(condition(node.alternate), Prec.Ternary)}`,
      prec: Prec.Ternary,
    };
  if (pathOf(node) !== null)
    return guarded(node.kind === 'ident' ? [] : [{ kind: 'present', expr: node }], {
      text: `${wrap(print(node), Prec.Equality + 1)} == true`,
      prec: Prec.Equality,
    });
  return print(node);
}

function print(node: Expr, divisor = false): Printed {
  switch (node.kind) {
    case 'literal':
      // nil is printed only in null tests (printBinary): as a value Aviator throws on it.
      if (node.value === null)
        return refuse('null can be exported to Aviator only in a null test (x == null)');
      if (typeof node.value === 'string') return atom(quote(node.value));
      if (typeof node.value === 'number')
        return { text: numberText(node.value, divisor), prec: node.value < 0 ? Prec.Unary : Prec.Atom };
      return atom(String(node.value));
    case 'ident':
    case 'member': {
      const path = pathOf(node);
      if (!path)
        return refuse(
          'Aviator conditions can read only plain event fields (no computed keys or fields of call results)',
        );
      for (const k of [path.root, ...path.keys])
        if (!IDENT.test(k)) refuse(`the field name '${k}' is not a valid Aviator identifier`);
      printedReads++;
      const parts = [path.root, ...path.keys];
      if (parts.length === 1) return atom(path.root);
      // Aviator throws "Could not find variable a.b" when a is nil; Cepheus reads null.
      return atom(nilSafeRead(parts));
    }
    case 'list':
      return refuse("lists are exported only on the right of 'in'");
    case 'unary': {
      if (node.op === '!') return { text: `!${wrap(condition(node.operand), Prec.Unary)}`, prec: Prec.Unary };
      if (node.op === '+') return print(node.operand);
      return { text: `${node.op}${wrap(print(node.operand), Prec.Unary)}`, prec: Prec.Unary };
    }
    case 'conditional':
      // Its value is tested for nil before use, which evaluates the chosen branch: a branch computed
      // from a missing field would throw there instead of giving nil.
      if ([node.consequent, node.alternate].some((b) => pathOf(b) === null && valueGuards(b).length > 0))
        return refuse(
          'a value chosen with ?: and computed from fields that may be missing has no safe Aviator form (Aviator fails on the missing field)',
        );
      return {
        text: `${wrap(condition(node.test), Prec.Or)} ? ${wrap(print(node.consequent), Prec.Or)} : ${wrap(print(node.alternate), Prec.Ternary)}`,
        prec: Prec.Ternary,
      };
    case 'binary': {
      if (node.op === 'in' || node.op === 'not in') {
        // Spelled out: `x == a || x == b` is safe on a top-level field; `x != a && …` needs x present.
        const joinOp = node.op === 'in' ? '||' : '&&';
        const parts: Expr[] = [];
        const collect = (e: Expr): void => {
          if (e.kind === 'binary' && e.op === joinOp) {
            collect(e.left);
            collect(e.right);
          } else parts.push(e);
        };
        // A null item never matches here (Cepheus' `in` is false for a missing value); nil == nil in Aviator.
        const items = node.right.kind === 'list' ? node.right.items : [];
        const list =
          node.op === 'in' && node.right.kind === 'list'
            ? {
                ...node,
                right: {
                  ...node.right,
                  items: items.filter((i) => !(i.kind === 'literal' && i.value === null)),
                },
              }
            : node;
        collect(expandIn(list));
        const texts = parts.map((p) => (p.kind === 'binary' ? printBinary(p) : print(p)));
        const prec = binaryPrec(joinOp);
        const expanded =
          texts.length === 1
            ? texts[0]
            : { text: texts.map((t) => wrap(t, prec + 1)).join(` ${joinOp} `), prec };
        const nullTest = parts.length === 1 && comparisonGuards(parts[0])?.length === 0;
        const safe = (node.op === 'in' && isTopLevelRead(node.left)) || nullTest;
        return safe ? expanded : guarded(valueGuards(node.left), expanded);
      }
      if (node.op === '&&' || node.op === '||') {
        const prec = binaryPrec(node.op);
        // A guarded comparison under || is parenthesised for the reader (&& binds tighter anyway).
        const side = (p: Printed, min: number): string =>
          node.op === '||' && p.prec === AND ? `(${p.text})` : wrap(p, min);
        const left = side(condition(node.left), prec);
        const outer = knownPresent;
        if (node.op === '&&') knownPresent = new Set([...outer, ...presenceTestsOf(node.left)]);
        try {
          return { text: `${left} ${node.op} ${side(condition(node.right), prec + 1)}`, prec };
        } finally {
          knownPresent = outer;
        }
      }
      const nested = nestedNullTest(node);
      if (nested) return nested;
      return comparisonGuards(node) === null ? printBinary(node) : comparison(node, printBinary(node));
    }
    case 'call': {
      const { doc, aggregate } = callInfo(node);
      if (aggregate)
        return refuse(
          `${doc.name}() reads earlier events of a stage, which an AviatorCondition cannot do (it sees only the current event) — export as Java or SQL instead`,
        );
      if (doc.name === 'matches') {
        const subject = wrap(print(node.args[0]), Prec.Equality + 1);
        return comparison(node, {
          text: `${subject} =~ /${anchoredRegex(node).replace(/\//g, '\\/')}/`,
          prec: Prec.Equality,
        });
      }
      const name = FUNCTIONS[doc.name];
      if (!name) return refuse(`${doc.name}() has no AviatorScript equivalent`);
      const call = atom(`${name}(${node.args.map((a) => print(a).text).join(', ')})`);
      return comparisonGuards(node) === null ? call : comparison(node, call);
    }
  }
}

/** `a.b == nil` as `(a == nil || a.b == nil)` (and `!=` as `a != nil && a.b != nil`): a nil parent has no fields. */
function nestedNullTest(node: Extract<Expr, { kind: 'binary' }>): Printed | null {
  if (node.op !== '==' && node.op !== '!=') return null;
  const isNull = (e: Expr): boolean => e.kind === 'literal' && e.value === null;
  const other = isNull(node.right) ? node.left : isNull(node.left) ? node.right : null;
  const path = other ? pathOf(other) : null;
  if (!path || path.keys.length === 0) return null;
  const parts = [path.root, ...path.keys];
  printedReads++;
  const tests = parts.map((_, i) => `${parts.slice(0, i + 1).join('.')} ${node.op} nil`);
  return node.op === '=='
    ? { text: `(${tests.join(' || ')})`, prec: Prec.Atom }
    : { text: tests.join(' && '), prec: Prec.And };
}

/** A binary arithmetic or comparison operator, without guards. */
function printBinary(node: Extract<Expr, { kind: 'binary' }>): Printed {
  if (node.op === '&&' || node.op === '||' || node.op === 'in' || node.op === 'not in') return print(node);
  const isNull = (e: Expr): boolean => e.kind === 'literal' && e.value === null;
  if ((node.op === '==' || node.op === '!=') && (isNull(node.left) || isNull(node.right))) {
    const other = isNull(node.left) ? node.right : node.left;
    if (isNull(other)) return atom(node.op === '==' ? 'true' : 'false');
    // Computing a value to test it for null would throw on the missing field it is null for.
    if (pathOf(other) === null)
      refuse(
        'a null test of a computed value has no Aviator form (Aviator fails on the missing field instead of giving null); test the fields themselves',
      );
    return { text: `${print(other).text} ${node.op} nil`, prec: Prec.Equality };
  }
  const prec = binaryPrec(node.op);
  const left = wrap(print(node.left, node.op === '/'), prec);
  const right = wrap(print(node.right, node.op === '/'), prec + 1);
  return { text: `${left} ${node.op} ${right}`, prec };
}

export function printAviator(ast: Expr): PrintResult {
  return attempt(() => {
    printedReads = 0;
    knownPresent = new Set();
    const text = condition(ast).text;
    // AviatorCondition.filter returns true without evaluating when the expression has no variables.
    if (printedReads === 0 && text !== 'true')
      refuse(
        'its Aviator form reads no event field, and AviatorCondition.filter returns true without evaluating an expression without variables',
      );
    return { text };
  });
}
