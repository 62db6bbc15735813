/**
 * Type checker: infers a static type for every node from literals, the optional event schema and
 * the function table, and reports mismatches a user can act on. Without a schema, fields are 'any'
 * and unknown fields are not errors.
 */
import type { Diagnostic } from '../pattern/diagnostic';
import type { EventSchema, FieldType } from '../pattern/spec';
import { pathOf, type Expr } from './ast';
import type { Binding } from './bind';
import type { ExprType } from './functions';
import { didYouMean, exprError, exprWarning, withSuggestion } from './source';
import { stageIndex } from './stage-index';

export interface CheckOptions {
  stages: readonly string[];
  currentStage?: string;
  schema?: EventSchema;
}

export function fieldTypeToExprType(t: FieldType): ExprType {
  switch (t) {
    case 'timestamp':
      return 'number';
    case 'array':
      return 'list';
    default:
      return t;
  }
}

/** Looks up a dotted field path in the schema: its type, 'any' below an object/any field, or undefined. */
export function schemaFieldType(schema: EventSchema, keys: readonly string[]): ExprType | undefined {
  const name = keys.join('.');
  const exact = schema.fields.find((f) => f.name === name);
  if (exact) return fieldTypeToExprType(exact.type);
  for (let n = keys.length - 1; n >= 1; n--) {
    const prefix = schema.fields.find((f) => f.name === keys.slice(0, n).join('.'));
    if (prefix) return prefix.type === 'object' || prefix.type === 'any' ? 'any' : undefined;
  }
  // A declared nested field ("user.id") implies its parent object exists.
  if (schema.fields.some((f) => f.name.startsWith(name + '.'))) return 'object';
  return undefined;
}

const describeType = (t: ExprType): string =>
  t === 'list'
    ? 'a list'
    : t === 'event'
      ? 'an event'
      : t === 'object'
        ? 'an object'
        : t === 'null'
          ? 'null'
          : `a ${t}`;

export class TypeChecker {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    private readonly binding: Binding,
    private readonly options: CheckOptions,
  ) {}

  checkRoot(ast: Expr): void {
    const t = this.typeOf(ast);
    if (t !== 'boolean' && t !== 'any' && t !== 'null') {
      this.error(
        'expr.type-mismatch',
        `a condition must be true or false, but this is ${describeType(t)} — compare it, e.g. … > 0`,
        ast,
      );
    }
  }

  private error(code: string, message: string, node: Expr): void {
    this.diagnostics.push(exprError(code, message, node.range));
  }

  private expect(node: Expr, want: ExprType, what: string): ExprType {
    const t = this.typeOf(node);
    if (!compatible(t, want))
      this.error(
        'expr.type-mismatch',
        `${what} needs ${describeType(want)}, but ${shortText(node)} is ${describeType(t)}`,
        node,
      );
    return t;
  }

  private fieldType(node: Expr, keys: string[]): ExprType {
    const schema = this.options.schema;
    if (!schema) return 'any';
    const t = schemaFieldType(schema, keys);
    if (t !== undefined) return t;
    const names = schema.fields.map((f) => f.name);
    const shown = keys.join('.');
    const d = exprError(
      'expr.unknown-field',
      `unknown field '${shown}'${didYouMean(shown, names)}`,
      node.range,
    );
    // The quick fix rewrites exactly the name that is wrong: the whole path, or the property after an event.
    const path = pathOf(node);
    const fixRange =
      path && [path.root, ...path.keys].join('.') === shown
        ? node.range
        : node.kind === 'member' && node.key === null && keys.length === 1
          ? node.propertyRange
          : null;
    const candidates = names.filter((n) => /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/.test(n));
    this.diagnostics.push(fixRange ? withSuggestion(d, shown, candidates, fixRange) : d);
    return 'any';
  }

  typeOf(node: Expr): ExprType {
    switch (node.kind) {
      case 'literal':
        return node.value === null ? 'null' : (typeof node.value as 'number' | 'string' | 'boolean');
      case 'list':
        for (const item of node.items) this.typeOf(item);
        return 'list';
      case 'ident':
        this.warnStageAsField(node.name, node);
        return this.fieldType(node, [node.name]);
      case 'member': {
        const path = pathOf(node);
        if (path) {
          this.warnStageAsField(path.root, node);
          return this.fieldType(node, [path.root, ...path.keys]);
        }
        const objType = this.typeOf(node.object);
        if (node.key) this.typeOf(node.key);
        if (objType === 'event' && node.property !== null) return this.fieldType(node, [node.property]);
        if (
          objType !== 'any' &&
          objType !== 'object' &&
          objType !== 'list' &&
          objType !== 'event' &&
          objType !== 'null'
        ) {
          this.error('expr.type-mismatch', `cannot read a field of ${describeType(objType)}`, node);
        }
        return 'any';
      }
      case 'unary':
        if (node.op === '!') {
          this.expect(node.operand, 'boolean', 'negation');
          return 'boolean';
        }
        this.expect(node.operand, 'number', `unary '${node.op}'`);
        return 'number';
      case 'conditional': {
        this.expect(node.test, 'boolean', "the test of '? :'");
        const a = this.typeOf(node.consequent);
        const b = this.typeOf(node.alternate);
        return a === b ? a : a === 'null' ? b : b === 'null' ? a : 'any';
      }
      case 'binary':
        return this.binary(node);
      case 'call':
        return this.call(node);
    }
  }

  private warnStageAsField(name: string, node: Expr): void {
    if (!stageIndex(this.options.stages).has(name)) return;
    if (this.options.schema?.fields.some((f) => f.name === name || f.name.startsWith(name + '.'))) return;
    this.diagnostics.push(
      exprWarning(
        'expr.stage-as-field',
        `'${name}' is a stage, but outside an aggregate it reads the event field '${name}'; to use the stage's events write e.g. last(${name}).price`,
        node.range,
      ),
    );
  }

  private binary(node: Extract<Expr, { kind: 'binary' }>): ExprType {
    const { op, left, right } = node;
    switch (op) {
      case '&&':
      case '||':
        this.expect(left, 'boolean', `'${op}'`);
        this.expect(right, 'boolean', `'${op}'`);
        return 'boolean';
      case '+': {
        const l = this.typeOf(left);
        const r = this.typeOf(right);
        if (l === 'string' || r === 'string') return 'string';
        if (!compatible(l, 'number'))
          this.error(
            'expr.type-mismatch',
            `'+' adds numbers or joins strings, but ${shortText(left)} is ${describeType(l)}`,
            left,
          );
        else if (!compatible(r, 'number'))
          this.error(
            'expr.type-mismatch',
            `'+' adds numbers or joins strings, but ${shortText(right)} is ${describeType(r)}`,
            right,
          );
        return l === 'any' || r === 'any' ? 'any' : 'number';
      }
      case '-':
      case '*':
      case '/':
      case '%':
        this.expect(left, 'number', `'${op}'`);
        this.expect(right, 'number', `'${op}'`);
        return 'number';
      case '==':
      case '!=': {
        const l = this.typeOf(left);
        const r = this.typeOf(right);
        if (!comparable(l, r))
          this.error(
            'expr.type-mismatch',
            `comparing ${describeType(l)} with ${describeType(r)} is never true`,
            node,
          );
        return 'boolean';
      }
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const l = this.typeOf(left);
        const r = this.typeOf(right);
        const ordered = (t: ExprType): boolean =>
          t === 'number' || t === 'string' || t === 'any' || t === 'null';
        if (!ordered(l))
          this.error(
            'expr.type-mismatch',
            `'${op}' compares numbers or strings, but ${shortText(left)} is ${describeType(l)}`,
            left,
          );
        else if (!ordered(r))
          this.error(
            'expr.type-mismatch',
            `'${op}' compares numbers or strings, but ${shortText(right)} is ${describeType(r)}`,
            right,
          );
        else if (!comparable(l, r))
          this.error(
            'expr.type-mismatch',
            `comparing ${describeType(l)} with ${describeType(r)} is never true`,
            node,
          );
        return 'boolean';
      }
      case 'in':
      case 'not in': {
        const l = this.typeOf(left);
        const r = this.typeOf(right);
        if (r !== 'list' && r !== 'any')
          this.error('expr.type-mismatch', `'${op}' needs a list on its right, e.g. [1, 2, 3]`, right);
        if (right.kind === 'list') {
          for (const item of right.items) {
            const t =
              item.kind === 'literal'
                ? item.value === null
                  ? 'null'
                  : (typeof item.value as ExprType)
                : 'any';
            if (!comparable(l, t)) {
              this.error(
                'expr.type-mismatch',
                `${shortText(left)} is ${describeType(l)}, so it can never equal ${shortText(item)}`,
                item,
              );
              break;
            }
          }
        }
        return 'boolean';
      }
    }
  }

  private call(node: Extract<Expr, { kind: 'call' }>): ExprType {
    const agg = this.binding.aggregates.get(node);
    if (agg) {
      if (agg.keys.length === 0) return agg.fn === 'count' ? 'number' : 'event';
      const arg = node.args[0];
      const t = this.fieldType(arg, agg.keys);
      if (
        (agg.fn === 'sum' || agg.fn === 'avg' || agg.fn === 'min' || agg.fn === 'max') &&
        !compatible(t, 'number')
      ) {
        this.error(
          'expr.type-mismatch',
          `${agg.fn}() needs a number field, but '${agg.keys.join('.')}' is ${describeType(t)}`,
          arg,
        );
      }
      return agg.fn === 'first' || agg.fn === 'last' ? t : 'number';
    }
    const doc = this.binding.functions.get(node);
    // An aggregate whose stage is unknown was reported by the binder; its argument is a stage, not a field.
    if (this.binding.unbound.has(node)) return 'any';
    if (!doc) {
      for (const a of node.args) this.typeOf(a);
      return 'any';
    }
    node.args.forEach((arg, i) => {
      const want = doc.params[Math.min(i, doc.params.length - 1)] ?? 'any';
      this.expect(arg, want, `argument ${i + 1} of ${doc.name}()`);
    });
    return doc.returns;
  }
}

function compatible(t: ExprType, want: ExprType): boolean {
  if (t === 'any' || want === 'any' || t === 'null' || t === want) return true;
  return (t === 'event' && want === 'object') || (t === 'object' && want === 'event');
}

function comparable(a: ExprType, b: ExprType): boolean {
  if (a === 'any' || b === 'any' || a === 'null' || b === 'null') return true;
  if ((a === 'object' || a === 'event') && (b === 'object' || b === 'event')) return true;
  return a === b;
}

function shortText(node: Expr): string {
  const p = pathOf(node);
  if (p) return `'${[p.root, ...p.keys].join('.')}'`;
  if (node.kind === 'literal') return typeof node.value === 'string' ? `'${node.value}'` : String(node.value);
  return 'this';
}
