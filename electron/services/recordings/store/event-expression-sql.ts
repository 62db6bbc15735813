/**
 * An event filter written in the condition language (`amount > 10000`, `type == 'transfer' &&
 * amount < 1`) as SQL where the two agree exactly, so SQLite narrows the rows (by the key table for
 * the key field, by the time index for an epoch time field) and the engine's own condition decides
 * the rest. Values and JSON paths are bound as parameters, never spliced into SQL.
 *
 * Exact here means: the same answer as the engine's semantics (engine/expr/values.ts) — strict
 * equality, comparisons only between two numbers or two strings, null comparisons false except
 * `== null` / `!= null`. What cannot be said exactly (`!`, arithmetic, functions, string ordering,
 * field against field) is left to the condition, evaluated on the rows SQL kept.
 */
import { constantOf as literalOf, pathOf, type Expr, type LiteralValue } from '../../../../engine/expr/ast';
import { KEY_SEQS_SQL } from './event-filter-sql';

export interface ExpressionContext {
  /** The recording filtered: its key rows are looked up in the key table. */
  recordingId: number;
  keyField: string | null;
  timestampField: string | null;
  timestampFormat: 'epochMillis' | 'epochSeconds' | 'iso8601';
}

export interface ExpressionSql {
  /** Conditions that hold for every row the expression keeps (null: none could be said). */
  where: string | null;
  params: (string | number)[];
  /** The SQL alone decides: the condition need not be evaluated. */
  exact: boolean;
}

interface Part {
  sql: string;
  params: (string | number)[];
  exact: boolean;
}

function jsonPath(segments: string[]): string {
  return '$' + segments.map((s) => `."${s.replace(/"/g, '\\"')}"`).join('');
}

/** A field path (`amount`, `user.id`, `user['id']`) or null for anything else. */
function fieldPath(e: Expr): string[] | null {
  const path = pathOf(e);
  return path ? [path.root, ...path.keys] : null;
}

const FLIP = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' } as const;
type Cmp = keyof typeof FLIP;

/** `field op literal` as SQL with the engine's meaning, or null. */
function comparison(path: string[], op: Cmp, value: LiteralValue, ctx: ExpressionContext): Part | null {
  const p = jsonPath(path);
  const type = `json_type(payload, ?)`;
  const val = `json_extract(payload, ?)`;
  const dotted = path.join('.');
  if (value === null) {
    if (op === '==') return { sql: `COALESCE(${type}, 'null') = 'null'`, params: [p], exact: true };
    if (op === '!=') return { sql: `COALESCE(${type}, 'null') <> 'null'`, params: [p], exact: true };
    return { sql: '0', params: [], exact: true };
  }
  if (typeof value === 'boolean') {
    const want = value ? 'true' : 'false';
    if (op === '==') return { sql: `${type} = ?`, params: [p, want], exact: true };
    if (op === '!=')
      return { sql: `COALESCE(${type}, 'null') NOT IN ('null', ?)`, params: [p, want], exact: true };
    return { sql: '0', params: [], exact: true };
  }
  if (typeof value === 'number') {
    // The time field, stored as epoch ms in an indexed column: only when the file holds numbers.
    if (dotted === ctx.timestampField && ctx.timestampFormat !== 'iso8601' && op !== '!=') {
      const ms = ctx.timestampFormat === 'epochSeconds' ? value * 1000 : value;
      const sqlOp = op === '==' ? '=' : op;
      return {
        sql: `ts ${sqlOp} ? AND ${type} IN ('integer', 'real')`,
        params: [ms, p],
        exact: true,
      };
    }
    const numeric = `${type} IN ('integer', 'real')`;
    if (op === '!=')
      return {
        sql: `COALESCE(${type}, 'null') <> 'null' AND NOT (${numeric} AND ${val} = ?)`,
        params: [p, p, p, value],
        exact: true,
      };
    return { sql: `${numeric} AND ${val} ${op === '==' ? '=' : op} ?`, params: [p, p, value], exact: true };
  }
  // A string.
  if (dotted === ctx.keyField && op === '==')
    // The key column holds the key field's text: the key table finds the rows, the type check keeps strings.
    return { sql: `${KEY_SEQS_SQL} AND ${type} = 'text'`, params: [ctx.recordingId, value, p], exact: true };
  if (op === '==') return { sql: `${type} = 'text' AND ${val} = ?`, params: [p, p, value], exact: true };
  if (op === '!=')
    return {
      sql: `COALESCE(${type}, 'null') <> 'null' AND NOT (${type} = 'text' AND ${val} = ?)`,
      params: [p, p, p, value],
      exact: true,
    };
  // SQLite orders text by UTF-8 bytes, JavaScript by UTF-16 units: narrow here, decide in the condition.
  return { sql: `${type} = 'text' AND ${val} ${op} ?`, params: [p, p, value], exact: false };
}

function translate(e: Expr, ctx: ExpressionContext): Part | null {
  if (e.kind === 'binary') {
    if (e.op === '&&' || e.op === '||') {
      const l = translate(e.left, ctx);
      const r = translate(e.right, ctx);
      if (e.op === '||')
        return l && r
          ? {
              sql: `((${l.sql}) OR (${r.sql}))`,
              params: [...l.params, ...r.params],
              exact: l.exact && r.exact,
            }
          : null;
      // AND: either side alone still narrows (then the condition decides).
      if (l && r)
        return {
          sql: `(${l.sql}) AND (${r.sql})`,
          params: [...l.params, ...r.params],
          exact: l.exact && r.exact,
        };
      const one = l ?? r;
      return one ? { ...one, exact: false } : null;
    }
    if (e.op in FLIP) {
      const op = e.op as Cmp;
      const lp = fieldPath(e.left);
      const rl = literalOf(e.right);
      if (lp && rl) return comparison(lp, op, rl.value, ctx);
      const rp = fieldPath(e.right);
      const ll = literalOf(e.left);
      if (rp && ll) return comparison(rp, FLIP[op], ll.value, ctx);
      return null;
    }
    if (e.op === 'in') {
      const path = fieldPath(e.left);
      if (!path || e.right.kind !== 'list') return null;
      const parts: Part[] = [];
      for (const item of e.right.items) {
        const lit = literalOf(item);
        // `in` compares like `==` between values: null is never in a list (only `x == null` tests null).
        if (lit && lit.value === null) continue;
        const part = lit ? comparison(path, '==', lit.value, ctx) : null;
        if (!part) return null;
        parts.push(part);
      }
      if (parts.length === 0) return { sql: '0', params: [], exact: true };
      return {
        sql: parts.map((x) => `(${x.sql})`).join(' OR '),
        params: parts.flatMap((x) => x.params),
        exact: parts.every((x) => x.exact),
      };
    }
  }
  if (e.kind === 'literal' && typeof e.value === 'boolean')
    return { sql: e.value ? '1' : '0', params: [], exact: true };
  return null;
}

export function expressionSql(ast: Expr, ctx: ExpressionContext): ExpressionSql {
  const part = translate(ast, ctx);
  return part
    ? { where: part.sql, params: part.params, exact: part.exact }
    : { where: null, params: [], exact: false };
}
