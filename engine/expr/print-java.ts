/**
 * Prints a condition as a Java boolean expression for the body of a Flink SimpleCondition /
 * IterativeCondition. Fields read through bean getters (`event.getPrice()`) or a Map
 * (`event.get("price")`, cast where the context needs a type). Aggregates over stages become
 * streams over `ctx.getEventsForPattern("stage")`; avg/min/max/first/last of no events give NaN
 * (numbers) or null, which — like our null — make comparisons false.
 */
import { pathOf, type CallExpr, type Expr } from './ast';
import type { AggregateCall } from './bind';
import { comparisonGuards, uniqueGuards, valueGuards, type Guard } from './null-guards';
import {
  Prec,
  atom,
  attempt,
  binaryPrec,
  callInfo,
  expandIn,
  javaMatchesRegex,
  numberText,
  refuse,
  wrap,
  type Printed,
} from './print-common';

export interface JavaPrintOptions {
  /** Name of the event parameter, e.g. `event`. */
  eventVar: string;
  /** Name of the IterativeCondition.Context parameter; default `ctx`. */
  contextVar?: string;
  /** `bean`: event.getPrice() (default); `map`: event.get("price"). */
  getters?: 'bean' | 'map';
  /** Print a value (e.g. a key field), not a condition. */
  asValue?: boolean;
  /** Dotted field paths of boolean type: read with bean `isX()` getters. */
  booleanFields?: ReadonlySet<string>;
}

/** A local the condition body declares first: `Iterable<E> name = ctx.getEventsForPattern(stage)`. */
export interface StageLocal {
  name: string;
  stage: string;
}

export type JavaPrintResult =
  { ok: true; text: string; iterative: boolean; locals: StageLocal[] } | { ok: false; reason: string };

type Want = 'number' | 'string' | 'boolean' | 'any';

const JAVA_IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function javaString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || (code >= 0x7f && code <= 0xffff && code < 0xa0))
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** The static type an expression obviously has, from its shape alone. */
function shapeType(node: Expr): Want {
  switch (node.kind) {
    case 'literal':
      return node.value === null ? 'any' : (typeof node.value as Want);
    case 'unary':
      return node.op === '!' ? 'boolean' : 'number';
    case 'binary':
      if (node.op === '+')
        return shapeType(node.left) === 'string' || shapeType(node.right) === 'string' ? 'string' : 'number';
      return binaryPrec(node.op) <= Prec.Relational ? 'boolean' : 'number';
    case 'call': {
      const { doc, aggregate } = callInfo(node);
      if (aggregate) return aggregate.fn === 'first' || aggregate.fn === 'last' ? 'any' : 'number';
      return doc.returns === 'number' || doc.returns === 'string' || doc.returns === 'boolean'
        ? doc.returns
        : 'any';
    }
    default:
      return 'any';
  }
}

class JavaPrinter {
  iterative = false;
  /** Stages read by aggregates, each fetched once into a local (by stage name). */
  readonly locals = new Map<string, string>();
  /** Set while printing an expanded `in`, whose parts share the guards put before it. */
  private unguarded = false;
  private readonly ctx: string;
  private readonly lambdaVar: string;

  constructor(private readonly opts: JavaPrintOptions) {
    this.ctx = opts.contextVar ?? 'ctx';
    this.lambdaVar = opts.eventVar === 'x' ? 'y' : 'x';
  }

  /** Reads a field path from `target`, typed for the context where bean getters are not. */
  field(target: string, keys: readonly string[], want: Want): Printed {
    if (this.opts.getters === 'map') {
      let text = target;
      keys.forEach((k, i) => {
        text =
          i === 0 ? `${text}.get(${javaString(k)})` : `((java.util.Map<?, ?>) ${text}).get(${javaString(k)})`;
      });
      if (want === 'number') return atom(`((Number) ${text}).doubleValue()`);
      if (want === 'string') return atom(`((String) ${text})`);
      if (want === 'boolean') return atom(`Boolean.TRUE.equals(${text})`);
      return atom(text);
    }
    let text = target;
    keys.forEach((k, i) => {
      if (!JAVA_IDENT.test(k))
        refuse(`the field name '${k}' has no Java getter; export with map getters instead`);
      // JavaBeans (and Flink's POJO rules) read a boolean property with isX().
      const isBoolean = this.opts.booleanFields?.has(keys.slice(0, i + 1).join('.')) ?? false;
      text += `.${isBoolean ? 'is' : 'get'}${k.charAt(0).toUpperCase()}${k.slice(1)}()`;
    });
    // A boolean field is true only when present and true, as here (a Boolean may be null).
    if (want === 'boolean') return atom(`Boolean.TRUE.equals(${text})`);
    return atom(text);
  }

  /** `x != null && y != 0 && <atom>`: the comparison holds only for present values (null-guards.ts). */
  private guarded(guards: Guard[], printed: Printed): Printed {
    if (this.unguarded || guards.length === 0) return printed;
    const tests = uniqueGuards(guards, (g) => {
      if (g.kind === 'nonZero') return `${wrap(this.print(g.expr, 'number'), Prec.Equality + 1)} != 0`;
      // avg/min/max of no numbers is NaN in the printed stream (null here).
      if (g.expr.kind === 'call' && ['avg', 'min', 'max'].includes(callInfo(g.expr).aggregate?.fn ?? ''))
        return `!Double.isNaN(${this.print(g.expr, 'number').text})`;
      return `${wrap(this.print(g.expr), Prec.Equality + 1)} != null`;
    });
    return { text: [...tests, wrap(printed, Prec.And + 1)].join(' && '), prec: Prec.And };
  }

  print(node: Expr, want: Want = 'any'): Printed {
    switch (node.kind) {
      case 'literal':
        if (node.value === null) return atom('null');
        if (typeof node.value === 'string') return atom(javaString(node.value));
        if (typeof node.value === 'number')
          return {
            text: numberText(node.value, want === 'number' || !Number.isInteger(node.value)),
            prec: node.value < 0 ? Prec.Unary : Prec.Atom,
          };
        return atom(String(node.value));
      case 'list':
        return refuse("lists are exported only on the right of 'in'");
      case 'ident':
      case 'member': {
        const path = pathOf(node);
        if (path) return this.field(this.opts.eventVar, [path.root, ...path.keys], want);
        if (node.kind === 'member' && node.object.kind === 'call' && node.property !== null) {
          const info = callInfo(node.object);
          if (
            info.aggregate &&
            (info.aggregate.fn === 'first' || info.aggregate.fn === 'last') &&
            info.aggregate.keys.length === 0
          ) {
            return this.aggregate({ ...info.aggregate, keys: [node.property] }, want);
          }
        }
        return refuse('only event fields and first(stage)/last(stage) fields can be read in Java exports');
      }
      case 'unary':
        if (node.op === '!')
          return { text: `!${wrap(this.print(node.operand, 'boolean'), Prec.Unary)}`, prec: Prec.Unary };
        if (node.op === '+') return this.print(node.operand, 'number');
        return { text: `-${wrap(this.print(node.operand, 'number'), Prec.Unary)}`, prec: Prec.Unary };
      case 'conditional':
        return {
          text: `${wrap(this.print(node.test, 'boolean'), Prec.Or)} ? ${wrap(this.print(node.consequent, want), Prec.Or)} : ${wrap(this.print(node.alternate, want), Prec.Ternary)}`,
          prec: Prec.Ternary,
        };
      case 'binary':
        return this.binary(node);
      case 'call':
        return this.call(node, want);
    }
  }

  private binary(node: Extract<Expr, { kind: 'binary' }>): Printed {
    const { op, left, right } = node;
    if (op === 'in' || op === 'not in') {
      // "a".equals(x) is false for a null x, as here; a numeric or negated test needs the guard.
      const safe = op === 'in' && right.kind === 'list' && right.items.every(isStringLiteral);
      const outer = this.unguarded;
      this.unguarded = true;
      const expanded = this.print(expandIn(node), 'boolean');
      this.unguarded = outer;
      return safe ? expanded : this.guarded(valueGuards(left), expanded);
    }
    const guards = comparisonGuards(node);
    if (guards === null) return this.binaryRaw(node);
    // "a".equals(x) is already false for a null x.
    const safeEquals =
      op === '==' &&
      ((isStringLiteral(left) && valueGuards(right).length === 1 && valueGuards(right)[0].expr === right) ||
        (isStringLiteral(right) && valueGuards(left).length === 1 && valueGuards(left)[0].expr === left));
    return safeEquals ? this.binaryRaw(node) : this.guarded(guards, this.binaryRaw(node));
  }

  private binaryRaw(node: Extract<Expr, { kind: 'binary' }>): Printed {
    const { op, left, right } = node;
    const prec = binaryPrec(op);
    if (op === '&&' || op === '||') {
      return {
        text: `${wrap(this.print(left, 'boolean'), prec)} ${op} ${wrap(this.print(right, 'boolean'), prec + 1)}`,
        prec,
      };
    }
    const lt = shapeType(left);
    const rt = shapeType(right);
    if (op === '==' || op === '!=') {
      const isNull = (e: Expr): boolean => e.kind === 'literal' && e.value === null;
      if (isNull(left) || isNull(right)) {
        const other = this.print(isNull(left) ? right : left);
        return { text: `${wrap(other, Prec.Equality + 1)} ${op} null`, prec: Prec.Equality };
      }
      const neg = op === '!=' ? '!' : '';
      if (lt === 'number' || rt === 'number') {
        // Two boxed numbers (Double, Long) compare by reference with ==: compare their values.
        const both = left.kind !== 'literal' && right.kind !== 'literal';
        const num = (e: Expr, p: number): string =>
          both ? `(double) ${wrap(this.print(e, 'number'), Prec.Unary)}` : wrap(this.print(e, 'number'), p);
        return { text: `${num(left, prec)} ${op} ${num(right, prec + 1)}`, prec };
      }
      if (left.kind === 'literal' && typeof left.value === 'string')
        return {
          text: `${neg}${javaString(left.value)}.equals(${this.print(right, 'string').text})`,
          prec: neg ? Prec.Unary : Prec.Atom,
        };
      if (right.kind === 'literal' && typeof right.value === 'string')
        return {
          text: `${neg}${javaString(right.value)}.equals(${this.print(left, 'string').text})`,
          prec: neg ? Prec.Unary : Prec.Atom,
        };
      return {
        text: `${neg}java.util.Objects.equals(${this.print(left).text}, ${this.print(right).text})`,
        prec: neg ? Prec.Unary : Prec.Atom,
      };
    }
    if (prec === Prec.Relational) {
      if (lt === 'string' || rt === 'string') {
        return {
          text: `${wrap(this.print(left, 'string'), Prec.Atom)}.compareTo(${this.print(right, 'string').text}) ${op} 0`,
          prec,
        };
      }
      return {
        text: `${wrap(this.print(left, 'number'), prec)} ${op} ${wrap(this.print(right, 'number'), prec + 1)}`,
        prec,
      };
    }
    const stringConcat = op === '+' && (lt === 'string' || rt === 'string');
    const want: Want = stringConcat ? 'any' : 'number';
    return {
      text: `${wrap(this.print(left, want), prec)} ${op} ${wrap(this.print(right, want), prec + 1)}`,
      prec,
    };
  }

  private call(node: CallExpr, want: Want): Printed {
    const guards = comparisonGuards(node);
    const printed = this.callRaw(node, want);
    return guards === null ? printed : this.guarded(guards, printed);
  }

  private callRaw(node: CallExpr, want: Want): Printed {
    const { doc, aggregate } = callInfo(node);
    if (aggregate) return this.aggregate(aggregate, want);
    const args = node.args;
    const str = (i: number): string => wrap(this.print(args[i], 'string'), Prec.Atom);
    const num = (i: number): string => this.print(args[i], 'number').text;
    const int = (i: number): string => {
      const arg = args[i];
      if (arg.kind === 'literal' && typeof arg.value === 'number' && Number.isInteger(arg.value))
        return String(arg.value);
      return `(int) ${wrap(this.print(arg, 'number'), Prec.Unary)}`;
    };
    switch (doc.name) {
      case 'contains':
      case 'startsWith':
      case 'endsWith':
        return atom(`${str(0)}.${doc.name}(${this.print(args[1], 'string').text})`);
      case 'matches':
        return atom(`${str(0)}.matches(${javaString(javaMatchesRegex(node))})`);
      case 'lower':
        return atom(`${str(0)}.toLowerCase()`);
      case 'upper':
        return atom(`${str(0)}.toUpperCase()`);
      case 'trim':
        return atom(`${str(0)}.trim()`);
      case 'length':
        return atom(`${str(0)}.length()`);
      case 'substring':
        return atom(`${str(0)}.substring(${int(1)}${args.length > 2 ? `, ${int(2)}` : ''})`);
      case 'round':
        return atom(`Math.round(${num(0)})`);
      case 'abs':
      case 'floor':
      case 'ceil':
      case 'sqrt':
        return atom(`Math.${doc.name}(${num(0)})`);
      case 'pow':
      case 'min':
      case 'max':
        return atom(`Math.${doc.name}(${num(0)}, ${num(1)})`);
    }
    return refuse(`${doc.name}() has no Java form`);
  }

  /** The local holding a stage's bound events: one getEventsForPattern call per stage and condition. */
  private stageLocal(stage: string): string {
    let name = this.locals.get(stage);
    if (name === undefined) {
      const base = `${stage.replace(/[^A-Za-z0-9_$]/g, '_').replace(/^([0-9])/, '_$1')}Events`;
      const taken = new Set([...this.locals.values(), this.opts.eventVar, this.ctx, this.lambdaVar]);
      name = base;
      for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
      this.locals.set(stage, name);
    }
    return name;
  }

  private aggregate(agg: AggregateCall, want: Want): Printed {
    this.iterative = true;
    const x = this.lambdaVar;
    const stream = `java.util.stream.StreamSupport.stream(${this.stageLocal(agg.stage)}.spliterator(), false)`;
    // Only present values count, as here (a missing field is skipped, not an error).
    const numeric = (): string =>
      `.filter(${x} -> ${this.field(x, agg.keys, 'any').text} != null).mapToDouble(${x} -> ${this.field(x, agg.keys, 'number').text})`;
    switch (agg.fn) {
      case 'count':
        return atom(
          agg.keys.length === 0
            ? `${stream}.count()`
            : `${stream}.filter(${x} -> ${this.field(x, agg.keys, 'any').text} != null).count()`,
        );
      case 'sum':
        return atom(`${stream}${numeric()}.sum()`);
      case 'avg':
        return atom(`${stream}${numeric()}.average().orElse(Double.NaN)`);
      case 'min':
      case 'max':
        return atom(`${stream}${numeric()}.${agg.fn}().orElse(Double.NaN)`);
      case 'first':
      case 'last': {
        const pick = agg.fn === 'first' ? '.findFirst()' : '.reduce((a, b) -> b)';
        if (agg.keys.length === 0) return atom(`${stream}${pick}.orElse(null)`);
        // Optional.map turns a null field into an empty Optional instead of throwing.
        return atom(
          `${stream}${pick}.map(${x} -> ${this.field(x, agg.keys, want).text}).orElse(${want === 'number' ? 'Double.NaN' : 'null'})`,
        );
      }
    }
  }
}

export function printJava(ast: Expr, opts: JavaPrintOptions): JavaPrintResult {
  const printer = new JavaPrinter(opts);
  return attempt(() => {
    const text = printer.print(ast, opts.asValue ? 'any' : 'boolean').text;
    const locals = [...printer.locals].map(([stage, name]) => ({ name, stage }));
    return { text, iterative: printer.iterative, locals };
  });
}

function isStringLiteral(e: Expr): boolean {
  return e.kind === 'literal' && typeof e.value === 'string';
}
