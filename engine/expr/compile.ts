/**
 * Compiles a bound AST into closures specialised by node shape, so the hot path (one condition per
 * event per partial match) does no tree walking, no lookups by name and no allocation. Common
 * shapes — a field compared with a constant, a string test on a field — become a single closure.
 * With a tracer, every node is compiled unfused and reports its value (for explainCondition).
 */
import type { EventRecord } from '../pattern/spec';
import { pathOf, type BinaryExpr, type CallExpr, type Expr } from './ast';
import { aggregate, type FoldFn } from './aggregate';
import type { Binding } from './bind';
import { BUILTINS } from './builtins';
import {
  add,
  arith,
  equals,
  inList,
  isNull,
  notEquals,
  pathGetter,
  readDynamic,
  relational,
  truthy,
  type Getter,
} from './values';

export interface ConditionContext {
  /** Events already bound to a stage in the current partial match, oldest first, candidate excluded. */
  eventsOf(stage: string): readonly EventRecord[];
  /** Incremental fold over those events (the runtime provides it; aggregates use it when present). */
  fold?: FoldFn;
}

export type ValueFn = (event: EventRecord, ctx: ConditionContext) => unknown;
export type PredicateFn = (event: EventRecord, ctx: ConditionContext) => boolean;

export interface Tracer {
  record(node: Expr, value: unknown): void;
}

export class ConditionCompiler {
  constructor(
    private readonly binding: Binding,
    private readonly tracer?: Tracer,
  ) {}

  predicate(node: Expr): PredicateFn {
    if (!this.tracer) {
      const fused = this.fusedPredicate(node);
      if (fused) return fused;
    }
    const v = this.value(node);
    return (e, c) => v(e, c) === true;
  }

  value(node: Expr): ValueFn {
    const raw = this.rawValue(node);
    const tracer = this.tracer;
    if (!tracer) return raw;
    return (e, c) => {
      const v = raw(e, c);
      tracer.record(node, v);
      return v;
    };
  }

  /** A field path read from the candidate event, when the node is one. */
  private eventPath(node: Expr): Getter | null {
    const p = pathOf(node);
    return p ? pathGetter([p.root, ...p.keys]) : null;
  }

  private rawValue(node: Expr): ValueFn {
    switch (node.kind) {
      case 'literal': {
        const v = node.value;
        return () => v;
      }
      case 'list': {
        const items = node.items.map((i) => this.value(i));
        if (node.items.every((i) => i.kind === 'literal')) {
          const constant = node.items.map((i) => (i.kind === 'literal' ? i.value : null));
          if (!this.tracer) return () => constant;
        }
        return (e, c) => items.map((f) => f(e, c));
      }
      case 'ident':
        return pathGetter([node.name]);
      case 'member': {
        const get = this.tracer ? null : this.eventPath(node);
        if (get) return get;
        const obj = this.value(node.object);
        if (node.key === null || node.key.kind === 'literal') {
          if (node.property === null) return () => null;
          const get1 = pathGetter([node.property ?? '']);
          return (e, c) => get1(obj(e, c));
        }
        const key = this.value(node.key);
        return (e, c) => readDynamic(obj(e, c), key(e, c));
      }
      case 'unary': {
        const operand = this.value(node.operand);
        if (node.op === '!') return (e, c) => !truthy(operand(e, c));
        if (node.op === '-') {
          return (e, c) => {
            const v = operand(e, c);
            return typeof v === 'number' ? -v : null;
          };
        }
        return (e, c) => {
          const v = operand(e, c);
          return typeof v === 'number' ? v : null;
        };
      }
      case 'conditional': {
        const test = this.predicate(node.test);
        const a = this.value(node.consequent);
        const b = this.value(node.alternate);
        return (e, c) => (test(e, c) ? a(e, c) : b(e, c));
      }
      case 'binary':
        return this.binary(node);
      case 'call':
        return this.call(node);
    }
  }

  private binary(node: BinaryExpr): ValueFn {
    const op = node.op;
    if (
      op === '&&' ||
      op === '||' ||
      op === '==' ||
      op === '!=' ||
      op === 'in' ||
      op === 'not in' ||
      op === '<' ||
      op === '<=' ||
      op === '>' ||
      op === '>='
    ) {
      const p = this.comparison(node);
      return p;
    }
    const l = this.value(node.left);
    const r = this.value(node.right);
    if (op === '+') return (e, c) => add(l(e, c), r(e, c));
    return (e, c) => arith(op, l(e, c), r(e, c));
  }

  /** Boolean-valued binary operators. */
  private comparison(node: BinaryExpr): PredicateFn {
    const op = node.op;
    if (op === '&&' || op === '||') {
      const l = this.predicate(node.left);
      const r = this.predicate(node.right);
      return op === '&&' ? (e, c) => l(e, c) && r(e, c) : (e, c) => l(e, c) || r(e, c);
    }
    const nullLiteral = (x: Expr): boolean => x.kind === 'literal' && x.value === null;
    if ((op === '==' || op === '!=') && (nullLiteral(node.left) || nullLiteral(node.right))) {
      const other = this.value(nullLiteral(node.left) ? node.right : node.left);
      return op === '==' ? (e, c) => isNull(other(e, c)) : (e, c) => !isNull(other(e, c));
    }
    const l = this.value(node.left);
    const r = this.value(node.right);
    switch (op) {
      case '==':
        return (e, c) => equals(l(e, c), r(e, c));
      case '!=':
        return (e, c) => notEquals(l(e, c), r(e, c));
      case 'in':
        return (e, c) => inList(l(e, c), r(e, c));
      case 'not in':
        return (e, c) => {
          const v = l(e, c);
          const list = r(e, c);
          return !isNull(v) && Array.isArray(list) && !inList(v, list);
        };
      default: {
        const rel = op as '<' | '<=' | '>' | '>=';
        return (e, c) => relational(rel, l(e, c), r(e, c));
      }
    }
  }

  /** Single-closure forms of the most common predicate shapes (no tracer only). */
  private fusedPredicate(node: Expr): PredicateFn | null {
    if (node.kind === 'binary') {
      const { op } = node;
      const isRel = op === '<' || op === '<=' || op === '>' || op === '>=';
      if (isRel || op === '==' || op === '!=') {
        let get = this.eventPath(node.left);
        let lit = node.right;
        let flipped = false;
        if (!get || lit.kind !== 'literal') {
          get = this.eventPath(node.right);
          lit = node.left;
          flipped = true;
        }
        if (get && lit.kind === 'literal') return fieldVsConstant(get, flipped ? flip(op) : op, lit.value);
      }
      if (op === '&&' || op === '||' || op === '==' || op === '!=' || op === 'in' || op === 'not in' || isRel)
        return this.comparison(node);
    }
    if (node.kind === 'unary' && node.op === '!') {
      const p = this.predicate(node.operand);
      return (e, c) => !p(e, c);
    }
    if (node.kind === 'literal') {
      const v = node.value === true;
      return () => v;
    }
    if (node.kind === 'call') {
      const doc = this.binding.functions.get(node);
      const subject = node.args[0];
      const arg = node.args[1];
      const get = subject ? this.eventPath(subject) : null;
      if (
        doc &&
        get &&
        arg &&
        arg.kind === 'literal' &&
        typeof arg.value === 'string' &&
        node.args.length === 2
      ) {
        const s = arg.value;
        if (doc.name === 'startsWith')
          return (e) => {
            const v = get(e);
            return typeof v === 'string' && v.startsWith(s);
          };
        if (doc.name === 'contains')
          return (e) => {
            const v = get(e);
            return typeof v === 'string' && v.includes(s);
          };
        if (doc.name === 'endsWith')
          return (e) => {
            const v = get(e);
            return typeof v === 'string' && v.endsWith(s);
          };
      }
    }
    return null;
  }

  private call(node: CallExpr): ValueFn {
    const agg = this.binding.aggregates.get(node);
    if (agg) return aggregate(agg);
    const doc = this.binding.functions.get(node);
    const args = node.args.map((a) => this.value(a));
    if (!doc) return () => null; // unreachable after a clean bind; stay total anyway
    const regex = this.binding.regexes.get(node);
    if (doc.name === 'matches') {
      const subject = args[0] ?? (() => null);
      if (!regex) return () => null;
      return (e, c) => {
        const v = subject(e, c);
        return typeof v === 'string' ? regex.test(v) : null;
      };
    }
    const impl = BUILTINS[doc.name];
    if (!impl) return () => null;
    const [a, b, c3] = args;
    if (!a) return () => impl(undefined, undefined, undefined);
    if (!b) return (e, c) => impl(a(e, c), undefined, undefined);
    if (!c3) return (e, c) => impl(a(e, c), b(e, c), undefined);
    return (e, c) => impl(a(e, c), b(e, c), c3(e, c));
  }
}

function flip(op: string): string {
  return op === '<' ? '>' : op === '>' ? '<' : op === '<=' ? '>=' : op === '>=' ? '<=' : op;
}

function fieldVsConstant(get: Getter, op: string, k: unknown): PredicateFn {
  if (k === null)
    return op === '==' ? (e) => get(e) === null : op === '!=' ? (e) => get(e) !== null : () => false;
  switch (op) {
    case '==':
      return (e) => get(e) === k;
    case '!=':
      return (e) => {
        const v = get(e);
        return v !== null && v !== k;
      };
  }
  if (typeof k === 'number') {
    switch (op) {
      case '<':
        return (e) => {
          const v = get(e);
          return typeof v === 'number' && v < k;
        };
      case '<=':
        return (e) => {
          const v = get(e);
          return typeof v === 'number' && v <= k;
        };
      case '>':
        return (e) => {
          const v = get(e);
          return typeof v === 'number' && v > k;
        };
      default:
        return (e) => {
          const v = get(e);
          return typeof v === 'number' && v >= k;
        };
    }
  }
  const rel = op as '<' | '<=' | '>' | '>=';
  return (e) => relational(rel, get(e), k);
}
