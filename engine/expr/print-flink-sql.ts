/**
 * Prints a condition as a Flink SQL MATCH_RECOGNIZE DEFINE predicate. Fields of the candidate row
 * are qualified with the variable being defined (`A.price`); aggregates become SQL aggregates over
 * the pattern variable. In DEFINE, an aggregate over the variable being defined includes the
 * current row, whereas ours exclude the candidate, so those are corrected (SUM(B.x) - B.x, …).
 */
import { pathOf, type CallExpr, type Expr } from './ast';
import type { AggregateCall } from './bind';
import { findFunction } from './functions';
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

export interface FlinkSqlPrintOptions {
  /** The pattern variable whose DEFINE this is (its fields are the candidate's). */
  currentVar?: string;
  /** Same as currentVar (either may be given). */
  variable?: string;
  /** Stage name of the condition, when it differs from its variable name. */
  currentStage?: string;
  /** SQL variable of a stage; default: the stage name itself. */
  varOf?: (stage: string) => string;
  /** Quotes a column name as needed; default: back-quotes names that are not plain words or are common SQL keywords. */
  quoteIdent?: (name: string) => string;
  /**
   * A column that is never NULL (the time attribute), counted to count a variable's rows: Flink 2.2
   * rejects `COUNT(A.*)` ("Unknown field '*'"). Without it, `COUNT(A.*)` is written.
   */
  rowColumn?: string;
}

// Enough of Calcite's reserved words to keep typical event field names (user, value, type…) safe.
const RESERVED = new Set(
  'ALL AND AS BY CASE CAST COUNT CURRENT DATE DAY DEFINE DESC END FALSE FIRST FROM HOUR IN INTERVAL IS LAST LIKE MATCH MAX MEASURES MIN MINUTE MONTH NEXT NOT NULL OR ORDER PATTERN PREV RANGE ROW ROWS SECOND SELECT START SUM TIME TIMESTAMP TRUE USER VALUE VALUES WHEN WHERE WITHIN YEAR'.split(
    ' ',
  ),
);

function defaultQuote(name: string): string {
  return SQL_IDENT.test(name) && !RESERVED.has(name.toUpperCase()) ? name : `\`${name.replace(/`/g, '``')}\``;
}

const SQL_IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A comparison, logic or boolean call: its value is true or false (or UNKNOWN in SQL). */
function isTruthValued(e: Expr): boolean {
  if (e.kind === 'unary') return e.op === '!';
  if (e.kind === 'binary') return !['+', '-', '*', '/', '%'].includes(e.op);
  if (e.kind === 'call') return findFunction(e.callee)?.returns === 'boolean';
  return false;
}

/** Whether the printed SQL of a truth value can be UNKNOWN (NULL) where Cepheus has false. */
function canBeUnknown(e: Expr): boolean {
  if (e.kind === 'literal') return e.value === null;
  if (e.kind === 'unary' && e.op === '!') return false; // printed NOT COALESCE(…, FALSE)
  if (e.kind === 'binary') {
    if (e.op === '&&' || e.op === '||') return canBeUnknown(e.left) || canBeUnknown(e.right);
    const isNull = (x: Expr): boolean => x.kind === 'literal' && x.value === null;
    if ((e.op === '==' || e.op === '!=') && (isNull(e.left) || isNull(e.right))) return false; // IS NULL
  }
  return true;
}

const SQL_OPS: Record<string, string> = { '&&': 'AND', '||': 'OR', '==': '=', '!=': '<>' };

class SqlPrinter {
  private readonly current: string;
  private readonly currentStage: string;

  constructor(private readonly opts: FlinkSqlPrintOptions) {
    this.current =
      opts.currentVar ?? opts.variable ?? refuse('the SQL printer needs the pattern variable (currentVar)');
    this.currentStage = opts.currentStage ?? this.current;
  }

  /** `A.price`; nested fields read ROW members: `A.user.id`. */
  private column(qualifier: string, keys: readonly string[]): string {
    if (keys.length === 0) return refuse('a whole row cannot be used as a value in SQL');
    const quote = this.opts.quoteIdent ?? defaultQuote;
    return [qualifier, ...keys.map(quote)].join('.');
  }

  private varOf(stage: string): string {
    return this.opts.varOf ? this.opts.varOf(stage) : stage;
  }

  print(node: Expr): Printed {
    switch (node.kind) {
      case 'literal':
        if (node.value === null) return atom('NULL');
        if (typeof node.value === 'string') return atom(sqlString(node.value));
        if (typeof node.value === 'number')
          return { text: numberText(node.value), prec: node.value < 0 ? Prec.Unary : Prec.Atom };
        return atom(node.value ? 'TRUE' : 'FALSE');
      case 'list':
        return atom(`(${node.items.map((i) => this.print(i).text).join(', ')})`);
      case 'ident':
      case 'member': {
        const path = pathOf(node);
        if (path) return atom(this.column(this.current, [path.root, ...path.keys]));
        if (node.kind === 'member' && node.object.kind === 'call' && node.property !== null) {
          const info = callInfo(node.object);
          if (
            info.aggregate &&
            (info.aggregate.fn === 'first' || info.aggregate.fn === 'last') &&
            info.aggregate.keys.length === 0
          ) {
            return this.aggregate({ ...info.aggregate, keys: [node.property] });
          }
        }
        return refuse('only row columns and FIRST/LAST(stage).column can be read in SQL');
      }
      case 'unary':
        if (node.op === '!')
          return { text: `NOT ${wrap(this.definite(node.operand), Prec.Unary)}`, prec: Prec.Not };
        if (node.op === '+') return this.print(node.operand);
        return { text: `-${wrap(this.print(node.operand), Prec.Unary)}`, prec: Prec.Unary };
      case 'conditional':
        return atom(
          `CASE WHEN ${this.print(node.test).text} THEN ${this.print(node.consequent).text} ELSE ${this.print(node.alternate).text} END`,
        );
      case 'binary':
        return this.binary(node);
      case 'call':
        return this.call(node);
    }
  }

  /**
   * A true/false value as Cepheus has it. A comparison on a missing field (NULL) is UNKNOWN in SQL
   * where Cepheus says false; DEFINE treats UNKNOWN as false too, but NOT keeps it UNKNOWN (Cepheus:
   * true) and `=` of two truth values gives UNKNOWN (Cepheus: a definite answer). So a truth value
   * that can be UNKNOWN is read through COALESCE(…, FALSE) where NOT or `=` would see it.
   */
  private definite(node: Expr): Printed {
    const printed = this.print(node);
    return canBeUnknown(node) ? atom(`COALESCE(${printed.text}, FALSE)`) : printed;
  }

  private binary(node: Extract<Expr, { kind: 'binary' }>): Printed {
    const { op, left, right } = node;
    const isNull = (e: Expr): boolean => e.kind === 'literal' && e.value === null;
    if ((op === '==' || op === '!=') && (isNull(left) || isNull(right))) {
      const other = this.print(isNull(left) ? right : left);
      return {
        text: `${wrap(other, Prec.Relational)} IS ${op === '!=' ? 'NOT ' : ''}NULL`,
        prec: Prec.Equality,
      };
    }
    if (op === 'in' || op === 'not in') {
      if (right.kind !== 'list') return refuse(`'${op}' needs a literal list to be exported`);
      // `x NOT IN (1, NULL)` is never TRUE in SQL; in Cepheus a null item just matches nothing.
      if (op === 'not in' && right.items.some(isNull))
        return this.binary({ ...node, right: { ...right, items: right.items.filter((i) => !isNull(i)) } });
      if (right.items.length === 0) return this.print(expandIn(node));
      return {
        text: `${wrap(this.print(left), Prec.Relational + 1)} ${op === 'in' ? 'IN' : 'NOT IN'} ${this.print(right).text}`,
        prec: Prec.Relational,
      };
    }
    const prec = binaryPrec(op);
    const isString = (e: Expr): boolean =>
      (e.kind === 'literal' && typeof e.value === 'string') ||
      (e.kind === 'binary' && e.op === '+' && (isString(e.left) || isString(e.right)));
    const sqlOp = op === '+' && (isString(left) || isString(right)) ? '||' : (SQL_OPS[op] ?? op);
    // Cepheus divides by zero to null (the comparison is false); Flink's DOUBLE division gives
    // Infinity or NaN, so the divisor goes through NULLIF(…, 0).
    const divisor = (e: Expr): Printed =>
      e.kind === 'literal' && typeof e.value === 'number' && e.value !== 0
        ? this.print(e)
        : atom(`NULLIF(${this.print(e).text}, 0)`);
    if (op === '%') return atom(`MOD(${this.print(left).text}, ${divisor(right).text})`);
    if (op === '/')
      return { text: `${wrap(this.print(left), prec)} / ${wrap(divisor(right), prec + 1)}`, prec };
    // Truth values compared with each other: UNKNOWN = x is UNKNOWN, Cepheus compares false.
    const truth = (e: Expr): Printed => (isTruthValued(e) ? this.definite(e) : this.print(e));
    if (op === '==' || op === '!=')
      return { text: `${wrap(truth(left), prec)} ${sqlOp} ${wrap(truth(right), prec + 1)}`, prec };
    return { text: `${wrap(this.print(left), prec)} ${sqlOp} ${wrap(this.print(right), prec + 1)}`, prec };
  }

  private call(node: CallExpr): Printed {
    const { doc, aggregate } = callInfo(node);
    if (aggregate) return this.aggregate(aggregate);
    const a = (i: number): string => this.print(node.args[i]).text;
    const lit = (i: number): string | null => {
      const e = node.args[i];
      return e && e.kind === 'literal' && typeof e.value === 'string' ? e.value : null;
    };
    switch (doc.name) {
      case 'startsWith':
      case 'endsWith':
      case 'contains': {
        const s = lit(1);
        const subject = wrap(this.print(node.args[0]), Prec.Relational + 1);
        if (s !== null) {
          const pattern =
            doc.name === 'startsWith'
              ? `${likeEscape(s)}%`
              : doc.name === 'endsWith'
                ? `%${likeEscape(s)}`
                : `%${likeEscape(s)}%`;
          return {
            text: `${subject} LIKE ${sqlString(pattern)}${/[\\%_]/.test(s) ? " ESCAPE '\\'" : ''}`,
            prec: Prec.Relational,
          };
        }
        if (doc.name === 'contains')
          return { text: `POSITION(${a(1)} IN ${a(0)}) > 0`, prec: Prec.Relational };
        return refuse(`${doc.name}() with a non-literal argument has no portable SQL form`);
      }
      case 'matches':
        return atom(`REGEXP(${a(0)}, ${sqlString(anchoredRegex(node))})`);
      case 'lower':
      case 'upper':
      case 'trim':
      case 'abs':
      case 'floor':
      case 'ceil':
      case 'sqrt':
        return atom(`${doc.name.toUpperCase()}(${a(0)})`);
      case 'length':
        return atom(`CHAR_LENGTH(${a(0)})`);
      case 'round':
        return atom(`ROUND(${a(0)})`);
      case 'pow':
        return atom(`POWER(${a(0)}, ${a(1)})`);
      case 'min':
        return atom(`LEAST(${a(0)}, ${a(1)})`);
      case 'max':
        return atom(`GREATEST(${a(0)}, ${a(1)})`);
      case 'substring': {
        // SQL strings are 1-based and take a length; ours are 0-based with an exclusive end.
        const start = `${wrap(this.print(node.args[1]), Prec.Additive)} + 1`;
        if (node.args.length < 3) return atom(`SUBSTRING(${a(0)} FROM ${start})`);
        return atom(
          `SUBSTRING(${a(0)} FROM ${start} FOR ${wrap(this.print(node.args[2]), Prec.Additive)} - ${wrap(this.print(node.args[1]), Prec.Additive + 1)})`,
        );
      }
    }
    return refuse(`${doc.name}() has no Flink SQL form`);
  }

  private aggregate(agg: AggregateCall): Printed {
    const v = this.varOf(agg.stage);
    if (!SQL_IDENT.test(v) && !/^`[^`]+`$/.test(v))
      return refuse(`stage '${agg.stage}' is not a valid SQL pattern variable name`);
    const self = agg.stage === this.currentStage;
    const col = (): string => this.column(v, agg.keys);
    const rows = this.opts.rowColumn ? this.column(v, [this.opts.rowColumn]) : `${v}.*`;
    switch (agg.fn) {
      case 'count':
        if (agg.keys.length === 0)
          return self ? { text: `COUNT(${rows}) - 1`, prec: Prec.Additive } : atom(`COUNT(${rows})`);
        return self
          ? { text: `COUNT(${col()}) - CASE WHEN ${col()} IS NULL THEN 0 ELSE 1 END`, prec: Prec.Additive }
          : atom(`COUNT(${col()})`);
      case 'sum':
        // SQL's SUM of no rows is NULL; ours is 0.
        return self
          ? { text: `COALESCE(SUM(${col()}), 0) - COALESCE(${col()}, 0)`, prec: Prec.Additive }
          : atom(`COALESCE(SUM(${col()}), 0)`);
      case 'avg':
        if (self)
          return {
            text: `(COALESCE(SUM(${col()}), 0) - COALESCE(${col()}, 0)) / NULLIF(COUNT(${col()}) - CASE WHEN ${col()} IS NULL THEN 0 ELSE 1 END, 0)`,
            prec: Prec.Multiplicative,
          };
        return atom(`AVG(${col()})`);
      case 'min':
      case 'max':
        if (self)
          return refuse(
            `${agg.fn}() over the stage being defined has no SQL form (SQL would include the current row)`,
          );
        return atom(`${agg.fn.toUpperCase()}(${col()})`);
      case 'first':
      case 'last': {
        if (agg.keys.length === 0)
          return refuse(
            `${agg.fn}(${agg.stage}) must be followed by a field in SQL, e.g. ${agg.fn}(${agg.stage}).price`,
          );
        if (!self) return atom(`${agg.fn.toUpperCase()}(${col()})`);
        // In its own DEFINE, LAST(B.x, 1) is the row before the candidate; FIRST needs one earlier row.
        return agg.fn === 'last'
          ? atom(`LAST(${col()}, 1)`)
          : atom(`CASE WHEN COUNT(${rows}) > 1 THEN FIRST(${col()}) END`);
      }
    }
  }
}

export function printFlinkSql(ast: Expr, opts: FlinkSqlPrintOptions): PrintResult {
  return attempt(() => ({ text: new SqlPrinter(opts).print(ast).text }));
}
