/**
 * PatternSpec → Flink SQL MATCH_RECOGNIZE. Flink translates SQL to the CEP Pattern API in a fixed way
 * (research export-formats.md §3.2): concatenation is always next(), loops are always consecutive(),
 * a plain quantifier is greedy and a reluctant one (`?` suffix) is not. A stage is written only when
 * that translation gives back exactly the same pattern; otherwise the export is refused with a reason.
 */
import type { PatternSpec, StageSpec } from '../pattern/spec';
import { conditionSources, sqlCondition } from './conditions';
import { sqlInterval } from './durations';
import { sqlColumn, sqlIdent, sqlQualifiedName } from './sql-text';
import { Verdicts, type ExportContext, type ExportOptions, type TargetReport } from './types';

export interface FlinkSqlExport {
  report: TargetReport;
  text?: string;
  /** The MEASURES columns in order: a time measure (first/last time of a stage) or a count. */
  measures?: { name: string; kind: 'time' | 'count' }[];
}

const CONTIGUITY_REASON: Partial<Record<StageSpec['contiguity'], string>> = {
  followedBy:
    'followedBy (relaxed contiguity) has no MATCH_RECOGNIZE form: concatenation in PATTERN is strict, like next()',
  followedByAny: 'followedByAny has no MATCH_RECOGNIZE form',
  notNext: 'notNext has no MATCH_RECOGNIZE form (Flink SQL has no negated pattern variables)',
  notFollowedBy: 'notFollowedBy has no MATCH_RECOGNIZE form (Flink SQL has no negated pattern variables)',
};

/** Can this stage bind zero events? */
function isOptional(s: StageSpec): boolean {
  return s.quantifier.optional || (s.quantifier.kind === 'times' && s.quantifier.from === 0);
}

/** The PATTERN quantifier text of a stage, or a refusal reason. */
function quantifierText(
  s: StageSpec,
  isLast: boolean,
): { ok: true; text: string } | { ok: false; reason: string } {
  const q = s.quantifier;
  // `A?` (= `A{0,1}`) is translated to plain optional() without greedy() (CommonExecMatch
  // .applyQuantifier: `greedy && isOptional` returns the pattern as it is), so Flink's "greedy last
  // element" check does not fire and it may end the pattern; times(0, 1) means the same in CEP.
  if (q.kind === 'one') return { ok: true, text: q.optional ? '?' : '' };
  if (q.kind === 'times' && isOptional(s) && (q.to ?? 1) === 1 && q.window === undefined)
    return { ok: true, text: '?' };
  const from = q.kind === 'oneOrMore' ? 1 : (q.from ?? 1);
  const to = q.kind === 'times' ? (q.to ?? from) : Infinity;
  if (to > 1 && q.inner === 'relaxed')
    return {
      ok: false,
      reason:
        'MATCH_RECOGNIZE loops are always strictly contiguous (consecutive()); this stage lets other events come between its repetitions',
    };
  if (to > 1 && q.inner === 'allowCombinations')
    return { ok: false, reason: 'allowCombinations() has no MATCH_RECOGNIZE form' };
  if (q.window !== undefined)
    return { ok: false, reason: 'a per-repetition time limit has no MATCH_RECOGNIZE form' };
  // times(0, m) and an optional times(1, m) both mean "0, or 1 to m"; an optional times(n>1, m) needs a group.
  const min = q.optional || from === 0 ? 0 : from;
  if (min === 0 && from > 1)
    return {
      ok: false,
      reason: `an optional ${q.kind}(${from}…) has no MATCH_RECOGNIZE quantifier (it would need a group, which Flink does not support)`,
    };
  let text: string;
  if (to === Infinity) text = min === 0 ? '*' : min === 1 ? '+' : `{${min},}`;
  else text = `{${min},${to}}`; // {n,n} rather than {n}: same in Flink, and parseable by more tools
  // Flink adds greedy() only for variable-length quantifiers. Greedy has no effect on the last stage in
  // CEP, while Flink SQL rejects a greedy last variable, so the last stage is always written reluctant.
  const reluctant = min !== to && !(q.greedy && !isLast);
  if (reluctant && min === 0 && to === 1)
    return { ok: false, reason: 'a reluctant optional quantifier ({0,1}?) is not supported by Flink' };
  return { ok: true, text: reluctant ? `${text}?` : text };
}

export function buildFlinkSql(spec: PatternSpec, ctx: ExportContext, options: ExportOptions): FlinkSqlExport {
  const v = new Verdicts();
  const refuse = (reason: string, s?: StageSpec): void =>
    v.refuse(`SQL: ${reason}`, s ? { stage: s.name, nodeId: s.nodeId } : undefined);
  const patternParts: string[] = [];
  const defines: string[] = [];
  const measures: string[] = [];
  const measureColumns: { name: string; kind: 'time' | 'count' }[] = [];
  const timeField = options.timeField ?? (ctx.time.mode === 'event' ? ctx.time.field : undefined);
  const stages = spec.stages;

  stages.forEach((s, i) => {
    const before = v.items.length;
    const isLast = i === stages.length - 1;
    const variable = sqlIdent(s.name);
    if (s.group) refuse('group patterns are not supported by Flink MATCH_RECOGNIZE', s);
    const contiguityReason = i > 0 ? CONTIGUITY_REASON[s.contiguity] : undefined;
    if (contiguityReason)
      refuse(
        s.contiguity === 'notFollowedBy' && isLast
          ? 'notFollowedBy at the end has no MATCH_RECOGNIZE form'
          : contiguityReason,
        s,
      );
    if (s.until?.trim()) refuse('until() stop conditions have no MATCH_RECOGNIZE form', s);
    if (s.withinPreviousAndCurrent !== undefined)
      refuse('a previous-and-current window on a stage has no MATCH_RECOGNIZE form', s);
    const q = quantifierText(s, isLast);
    if (!q.ok) refuse(q.reason, s);
    else patternParts.push(variable + q.text);
    const ext = ctx.external.get(s.name);
    if (ext?.where !== undefined || ext?.until !== undefined)
      refuse(
        `the imported Flink condition ${JSON.stringify(ext.where ?? ext.until)} has no SQL form (it would need a UDF)`,
        s,
      );
    else if (!s.group) {
      const sources = conditionSources(s);
      if (sources.length > 0) {
        const printed = sqlCondition(sources, s.name, timeField);
        if (printed.ok) defines.push(`${variable} AS ${printed.text}`);
        else refuse(printed.reason, s);
      }
    }
    if (timeField) {
      const col = `${variable}.${sqlColumn(timeField)}`;
      const base = s.name.replace(/[^A-Za-z0-9_]/g, '_');
      const tf = timeField.replace(/[^A-Za-z0-9_]/g, '_');
      if (s.quantifier.kind === 'one') {
        measures.push(`FIRST(${col}) AS ${sqlIdent(`${base}_${tf}`)}`);
        measureColumns.push({ name: `${base}_${tf}`, kind: 'time' });
      } else {
        measures.push(
          `FIRST(${col}) AS ${sqlIdent(`${base}_first_${tf}`)}`,
          `LAST(${col}) AS ${sqlIdent(`${base}_last_${tf}`)}`,
          `COUNT(${col}) AS ${sqlIdent(`${base}_count`)}`,
        );
        measureColumns.push(
          { name: `${base}_first_${tf}`, kind: 'time' },
          { name: `${base}_last_${tf}`, kind: 'time' },
          { name: `${base}_count`, kind: 'count' },
        );
      }
    }
    if (v.items.length === before) v.accept({ stage: s.name, nodeId: s.nodeId });
  });

  if (stages.length === 0) refuse('the pattern has no stages');
  else if (stages.every(isOptional))
    refuse('every variable is optional, so the pattern could match no rows, which Flink rejects');
  if (!timeField)
    refuse(
      "MATCH_RECOGNIZE needs ORDER BY a time attribute: give the table's time column (--time-field), e.g. a PROCTIME() column for processing time",
    );
  if (spec.within?.type === 'PREVIOUS_AND_CURRENT')
    refuse('a previous-and-current window has no MATCH_RECOGNIZE form (WITHIN bounds first to last row)');
  const skip = skipClause(spec, refuse);
  if (!v.ok || !timeField || skip === null) return { report: v.report() };

  const table = sqlQualifiedName(options.table ?? 'events');
  const lines = [
    'SELECT *',
    `FROM ${table}`,
    '  MATCH_RECOGNIZE (',
    ...(ctx.partitionKey ? [`    PARTITION BY ${sqlColumn(ctx.partitionKey)}`] : []),
    `    ORDER BY ${sqlColumn(timeField)}`,
  ];
  lines.push('    MEASURES', measures.map((m) => `      ${m}`).join(',\n'));
  lines.push('    ONE ROW PER MATCH', `    AFTER MATCH ${skip}`);
  lines.push(
    `    PATTERN (${patternParts.join(' ')})${spec.within ? ` WITHIN ${sqlInterval(spec.within.ms)}` : ''}`,
  );
  // DEFINE is mandatory; an undefined variable matches every row, so one TRUE keeps it well-formed.
  const defs = defines.length > 0 ? defines : [`${sqlIdent(stages[0].name)} AS TRUE`];
  lines.push('    DEFINE', defs.map((d) => `      ${d}`).join(',\n'));
  lines.push('  ) AS T');
  return { report: v.report(), text: lines.join('\n') + '\n', measures: measureColumns };
}

/** AFTER MATCH SKIP …, or null after refusing. */
function skipClause(spec: PatternSpec, refuse: (reason: string, s?: StageSpec) => void): string | null {
  const skip = spec.skip;
  switch (skip.kind) {
    case 'NO_SKIP':
      refuse(
        'Flink SQL has no AFTER MATCH form for NO_SKIP (choose skip to next, skip past last event, or skip to a stage)',
      );
      return null;
    case 'SKIP_TO_NEXT':
      return 'SKIP TO NEXT ROW';
    case 'SKIP_PAST_LAST_EVENT':
      return 'SKIP PAST LAST ROW';
    case 'SKIP_TO_FIRST':
    case 'SKIP_TO_LAST': {
      // Flink SQL always adds throwExceptionOnMiss(): the same only if the spec asks for it, or if the
      // target stage is always in a match and is not where every match starts.
      const index = spec.stages.findIndex((s) => s.name === skip.stage);
      const target = spec.stages[index];
      if (!skip.throwExceptionOnMiss && target && (index === 0 || isOptional(target))) {
        refuse(
          `Flink SQL's SKIP TO ${skip.kind === 'SKIP_TO_FIRST' ? 'FIRST' : 'LAST'} ${skip.stage} fails at run time when that variable is ${index === 0 ? 'where the match starts' : 'missing from a match'}, while this pattern silently skips; enable "throw exception on miss" to export`,
        );
        return null;
      }
      return `SKIP TO ${skip.kind === 'SKIP_TO_FIRST' ? 'FIRST' : 'LAST'} ${sqlIdent(skip.stage)}`;
    }
  }
}
