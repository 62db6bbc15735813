/**
 * Prints a condition as an Aviator expression for Flink dynamic CEP's AviatorCondition. Aviator
 * conditions see only the current event, so aggregates over stages are refused; so are functions
 * Aviator lacks. Field names must be plain identifiers (Aviator binds them to declared fields).
 */
import { pathOf, type Expr } from './ast';
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

function print(node: Expr, divisor = false): Printed {
  switch (node.kind) {
    case 'literal':
      if (node.value === null) return atom('nil');
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
      return atom([path.root, ...path.keys].join('.'));
    }
    case 'list':
      return refuse("lists are exported only on the right of 'in'");
    case 'unary': {
      const op = node.op === '!' ? '!' : node.op;
      if (node.op === '+') return print(node.operand);
      return { text: `${op}${wrap(print(node.operand), Prec.Unary)}`, prec: Prec.Unary };
    }
    case 'conditional':
      return {
        text: `${wrap(print(node.test), Prec.Or)} ? ${wrap(print(node.consequent), Prec.Or)} : ${wrap(print(node.alternate), Prec.Ternary)}`,
        prec: Prec.Ternary,
      };
    case 'binary': {
      if (node.op === 'in' || node.op === 'not in') return print(expandIn(node));
      const prec = binaryPrec(node.op);
      const left = wrap(print(node.left, node.op === '/'), prec);
      const right = wrap(print(node.right, node.op === '/'), prec + 1);
      return { text: `${left} ${node.op} ${right}`, prec };
    }
    case 'call': {
      const { doc, aggregate } = callInfo(node);
      if (aggregate)
        return refuse(
          `${doc.name}() reads earlier events of a stage, which an AviatorCondition cannot do (it sees only the current event) — export as Java or SQL instead`,
        );
      if (doc.name === 'matches') {
        const subject = wrap(print(node.args[0]), Prec.Equality + 1);
        return { text: `${subject} =~ /${anchoredRegex(node).replace(/\//g, '\\/')}/`, prec: Prec.Equality };
      }
      const name = FUNCTIONS[doc.name];
      if (!name) return refuse(`${doc.name}() has no AviatorScript equivalent`);
      return atom(`${name}(${node.args.map((a) => print(a).text).join(', ')})`);
    }
  }
}

export function printAviator(ast: Expr): PrintResult {
  return attempt(() => ({ text: print(ast).text }));
}
