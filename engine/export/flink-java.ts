/**
 * PatternSpec → a self-contained Java class using Flink's current Pattern API (1.19+ and 2.x:
 * java.time.Duration overloads), with a keyed CEP pipeline and a PatternProcessFunction skeleton.
 */
import type { PatternSpec, Quantifier, SkipStrategy, StageSpec } from '../pattern/spec';
import { conditionSources, javaCondition } from './conditions';
import { javaDuration } from './durations';
import { javaString } from '../expr/print-java';
import { indent, isQualifiedJavaName, javaClassName } from './java-text';
import { Verdicts, type ExportContext, type ExportOptions, type TargetReport } from './types';

export interface FlinkJavaExport {
  report: TargetReport;
  text?: string;
  className: string;
}

interface ClassCondition {
  type?: unknown;
  className?: unknown;
  nestedConditions?: unknown;
  subClassName?: unknown;
  args?: unknown;
}

class JavaWriter {
  readonly verdicts = new Verdicts();
  usesIterative = false;
  usesSimple = false;
  usesWithinType = false;

  constructor(
    private readonly ctx: ExportContext,
    private readonly eventClass: string,
  ) {}

  private refuse(stage: StageSpec, reason: string): void {
    this.verdicts.refuse(`Java: ${reason}`, { stage: stage.name, nodeId: stage.nodeId });
  }

  /** `SimpleCondition.of(event -> …)` / `new IterativeCondition<E>() {…}` / a kept class condition. */
  private condition(stage: StageSpec, src: string): string | null {
    const printed = javaCondition(src, this.ctx.booleanFields);
    if (!printed.ok) {
      this.refuse(stage, printed.reason);
      return null;
    }
    const E = this.eventClass;
    if (printed.iterative) {
      this.usesIterative = true;
      // Each stage's bound events are fetched once, however many aggregates read them.
      const locals = printed.locals.map(
        (l) => `        Iterable<${E}> ${l.name} = ctx.getEventsForPattern(${javaString(l.stage)});\n`,
      );
      return `new IterativeCondition<${E}>() {\n    @Override\n    public boolean filter(${E} event, Context<${E}> ctx) throws Exception {\n${locals.join('')}        return ${printed.text};\n    }\n}`;
    }
    this.usesSimple = true;
    return `SimpleCondition.of(event -> ${printed.text})`;
  }

  private external(stage: StageSpec, json: unknown): string | null {
    const c = json as ClassCondition;
    const simpleClass =
      c.type === 'CLASS' &&
      typeof c.className === 'string' &&
      isQualifiedJavaName(c.className) &&
      c.nestedConditions === undefined &&
      c.subClassName === undefined &&
      c.args === undefined;
    if (simpleClass) return `new ${c.className as string}()`;
    this.refuse(
      stage,
      `the imported Flink condition ${JSON.stringify(json)} has no Java form Cepheus can write`,
    );
    return null;
  }

  private conditions(stage: StageSpec): string[] {
    const ext = this.ctx.external.get(stage.name)?.where;
    if (ext !== undefined) {
      const c = this.external(stage, ext);
      return c ? [`.where(${c})`] : [];
    }
    return conditionSources(stage).flatMap((src, i) => {
      const c = this.condition(stage, src);
      return c ? [`.${i === 0 ? 'where' : 'or'}(${c})`] : [];
    });
  }

  private quantifier(stage: StageSpec, q: Quantifier, isGroup: boolean): string[] {
    const calls: string[] = [];
    const w = q.window === undefined ? '' : `, ${javaDuration(q.window)}`;
    if (q.kind === 'times') {
      const from = q.from ?? 1;
      const to = q.to ?? from;
      calls.push(from === to ? `.times(${from}${w})` : `.times(${from}, ${to}${w})`);
    } else if (q.kind === 'timesOrMore') calls.push(`.timesOrMore(${q.from ?? 1}${w})`);
    else if (q.kind === 'oneOrMore') calls.push(w ? `.oneOrMore(${w.slice(2)})` : '.oneOrMore()');
    if (q.optional) calls.push('.optional()');
    if (q.greedy && q.kind !== 'one') {
      if (isGroup) this.refuse(stage, 'greedy() is not applicable to a group pattern');
      calls.push('.greedy()');
    }
    if (q.kind !== 'one' && q.inner === 'consecutive') calls.push('.consecutive()');
    if (q.kind !== 'one' && q.inner === 'allowCombinations') calls.push('.allowCombinations()');
    return calls;
  }

  private until(stage: StageSpec): string[] {
    const ext = this.ctx.external.get(stage.name)?.until;
    if (ext !== undefined) {
      const c = this.external(stage, ext);
      return c ? [`.until(${c})`] : [];
    }
    if (!stage.until?.trim()) return [];
    const c = this.condition(stage, stage.until);
    return c ? [`.until(${c})`] : [];
  }

  /** The chain of calls for a list of stages; `skip` is given only at the top level. */
  chain(stages: StageSpec[], skip: string | null): string {
    const parts: string[] = [];
    const E = this.eventClass;
    stages.forEach((stage, i) => {
      const before = this.verdicts.items.length;
      const name = javaString(stage.name);
      const method = i === 0 ? 'begin' : stage.contiguity === 'begin' ? 'next' : stage.contiguity;
      if (stage.group) {
        if (method === 'notNext' || method === 'notFollowedBy')
          this.refuse(stage, `${method}() cannot take a group pattern`);
        const inner = indent(this.chain(stage.group.stages, null), 4).trimStart();
        if (i === 0) parts.push(`Pattern.begin(\n    ${inner}${skip ? `,\n    ${skip}` : ''})`);
        else parts.push(`.${method}(\n    ${inner})`);
        parts.push(...this.quantifier(stage, stage.quantifier, true));
      } else {
        if (i === 0) parts.push(`Pattern.<${E}>begin(${name}${skip ? `, ${skip}` : ''})`);
        else parts.push(`.${method}(${name})`);
        parts.push(
          ...this.conditions(stage),
          ...this.quantifier(stage, stage.quantifier, false),
          ...this.until(stage),
        );
      }
      if (stage.withinPreviousAndCurrent !== undefined) {
        this.usesWithinType = true;
        parts.push(
          `.within(${javaDuration(stage.withinPreviousAndCurrent)}, WithinType.PREVIOUS_AND_CURRENT)`,
        );
      }
      if (this.verdicts.items.length === before)
        this.verdicts.accept({ stage: stage.name, nodeId: stage.nodeId });
    });
    return (
      parts[0] +
      parts
        .slice(1)
        .map((p) => '\n' + indent(p, 8))
        .join('')
    );
  }
}

function skipExpression(skip: SkipStrategy): string | null {
  switch (skip.kind) {
    case 'NO_SKIP':
      return null; // Flink's default
    case 'SKIP_TO_NEXT':
      return 'AfterMatchSkipStrategy.skipToNext()';
    case 'SKIP_PAST_LAST_EVENT':
      return 'AfterMatchSkipStrategy.skipPastLastEvent()';
    case 'SKIP_TO_FIRST':
    case 'SKIP_TO_LAST': {
      const fn = skip.kind === 'SKIP_TO_FIRST' ? 'skipToFirst' : 'skipToLast';
      return `AfterMatchSkipStrategy.${fn}(${javaString(skip.stage)})${skip.throwExceptionOnMiss ? '.throwExceptionOnMiss()' : ''}`;
    }
  }
}

/** `event.getAccount()` for a field name, printed by the same printer as conditions. */
export function fieldAccess(field: string): string | null {
  const printed = javaCondition(field, new Set(), true);
  return printed.ok ? printed.text : null;
}

/** The event-time timestamp of `event` in epoch ms as a Java expression; null in processing time or for a bad field. */
export function timestampAccess(ctx: ExportContext): string | null {
  if (ctx.time.mode !== 'event') return null;
  const access = fieldAccess(ctx.time.field);
  if (access === null) return null;
  if (ctx.time.format === 'epochMillis') return access;
  if (ctx.time.format === 'epochSeconds') return `${access} * 1000L`;
  return `Instant.parse(${access}).toEpochMilli()`;
}

export function buildFlinkJava(
  spec: PatternSpec,
  ctx: ExportContext,
  options: ExportOptions,
): FlinkJavaExport {
  const E = options.eventClass ?? 'Event';
  const className = options.className ?? javaClassName(ctx.name);
  const w = new JavaWriter(ctx, E);
  if (!isQualifiedJavaName(E))
    w.verdicts.refuse(`Java: "${E}" is not a valid Java class name for the event type`, { cause: 'option' });
  if (!isQualifiedJavaName(className) || className.includes('.'))
    w.verdicts.refuse(`Java: "${className}" is not a valid Java class name`, { cause: 'option' });
  if (options.javaPackage && !isQualifiedJavaName(options.javaPackage))
    w.verdicts.refuse(`Java: "${options.javaPackage}" is not a valid Java package name`, { cause: 'option' });

  let chain = w.chain(spec.stages, skipExpression(spec.skip));
  // Partial matches time out only through a time limit: the pattern's window, a stage's
  // previous-and-current window or a loop's gap limit (NFA.advanceTime). A trailing notFollowedBy
  // whose window passes is a match, not a timeout.
  const timeLimited = (stages: StageSpec[]): boolean =>
    stages.some(
      (s) =>
        s.withinPreviousAndCurrent !== undefined ||
        s.quantifier.window !== undefined ||
        (s.group !== undefined && timeLimited(s.group.stages)),
    );
  const needsTimeoutHandler = spec.within !== undefined || timeLimited(spec.stages);
  if (spec.within) {
    const type = spec.within.type === 'PREVIOUS_AND_CURRENT' ? ', WithinType.PREVIOUS_AND_CURRENT' : '';
    if (type) w.usesWithinType = true;
    chain += `\n        .within(${javaDuration(spec.within.ms)}${type})`;
  }

  const key = ctx.partitionKey;
  const keyAccess = key === null ? null : fieldAccess(key);
  if (key !== null && keyAccess === null)
    w.verdicts.refuse(`Java: the partition key "${key}" is not a field name`, { cause: 'option' });
  const timeAccess = timestampAccess(ctx);
  if (ctx.time.mode === 'event' && timeAccess === null)
    w.verdicts.refuse(`Java: the time field "${ctx.time.field}" is not a field name`, { cause: 'option' });
  if (!w.verdicts.ok) return { report: w.verdicts.report(), className };

  const text = javaFile({
    E,
    className,
    pkg: options.javaPackage,
    name: ctx.name,
    chain,
    keyAccess,
    timeAccess,
    ctx,
    needsTimeoutHandler,
    w,
  });
  return { report: w.verdicts.report(), text, className };
}

interface FileParts {
  E: string;
  className: string;
  pkg: string | undefined;
  name: string;
  chain: string;
  keyAccess: string | null;
  timeAccess: string | null;
  ctx: ExportContext;
  needsTimeoutHandler: boolean;
  w: JavaWriter;
}

function javaFile(p: FileParts): string {
  const { E, className, chain, keyAccess, timeAccess, ctx } = p;
  const imports = [
    ...(timeAccess ? ['org.apache.flink.api.common.eventtime.WatermarkStrategy'] : []),
    'org.apache.flink.cep.CEP',
    'org.apache.flink.cep.PatternStream',
    'org.apache.flink.cep.functions.PatternProcessFunction',
    ...(p.needsTimeoutHandler ? ['org.apache.flink.cep.functions.TimedOutPartialMatchHandler'] : []),
    'org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy',
    'org.apache.flink.cep.pattern.Pattern',
    ...(p.w.usesWithinType ? ['org.apache.flink.cep.pattern.WithinType'] : []),
    ...(p.w.usesIterative ? ['org.apache.flink.cep.pattern.conditions.IterativeCondition'] : []),
    ...(p.w.usesSimple ? ['org.apache.flink.cep.pattern.conditions.SimpleCondition'] : []),
    'org.apache.flink.streaming.api.datastream.DataStream',
    'org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator',
    'org.apache.flink.util.Collector',
    ...(p.needsTimeoutHandler ? ['org.apache.flink.util.OutputTag'] : []),
    'java.time.Duration',
    ...(ctx.time.mode === 'event' && ctx.time.format === 'iso8601' ? ['java.time.Instant'] : []),
    'java.util.List',
    'java.util.Map',
  ];
  const lines: string[] = [];
  lines.push(`// Generated by Cepheus from the pattern ${javaString(p.name)}.`);
  lines.push(
    '// Flink 1.19+ / 2.x Pattern API (java.time.Duration). Events must implement equals() and hashCode().',
    '// Event getters return boxed types (String, Double, Long, Boolean; isX() for booleans), so a field',
    '// missing from an event is null; conditions test for null first and, as in Cepheus, a comparison',
    '// with a missing value is false.',
  );
  if (p.pkg) lines.push('', `package ${p.pkg};`);
  lines.push('', ...imports.map((i) => `import ${i};`), '');
  lines.push(`public final class ${className} {`);
  if (p.needsTimeoutHandler) {
    lines.push(
      '',
      '    /**',
      '     * Side output for partial matches dropped because a time limit passed before they completed',
      '     * (the pattern\'s within, a previous-and-current window or a loop\'s gap limit): "timeout " and',
      '     * the events bound so far by stage; ctx.timestamp() is when the limit passed. A trailing',
      '     * notFollowedBy whose window passes without the forbidden event is a match, not a timeout.',
      '     */',
    );
    lines.push(
      '    public static final OutputTag<String> TIMED_OUT = new OutputTag<String>("timed-out") {};',
    );
  }
  lines.push('', `    private ${className}() {}`, '');
  lines.push(`    public static Pattern<${E}, ?> pattern() {`);
  lines.push(`        return ${indent(chain, 8).trimStart()};`);
  lines.push('    }', '');
  lines.push(`    public static SingleOutputStreamOperator<String> detect(DataStream<${E}> events) {`);
  let input = 'events';
  if (timeAccess && ctx.time.mode === 'event') {
    lines.push(`        DataStream<${E}> timed = events.assignTimestampsAndWatermarks(`);
    const lateness =
      ctx.time.outOfOrdernessMs > 0 ? javaDuration(ctx.time.outOfOrdernessMs) : 'Duration.ZERO';
    lines.push(`                WatermarkStrategy.<${E}>forBoundedOutOfOrderness(${lateness})`);
    lines.push(`                        .withTimestampAssigner((event, previous) -> ${timeAccess}));`);
    lines.push(
      `        // Cepheus ran the pattern with a watermark every ${ctx.time.watermarkIntervalMs} ms (pipeline.auto-watermark-interval).`,
      `        events.getExecutionEnvironment().getConfig().setAutoWatermarkInterval(${ctx.time.watermarkIntervalMs}L);`,
    );
    input = 'timed';
  }
  const keyed = keyAccess ? `${input}.keyBy(event -> ${keyAccess})` : input;
  if (!keyAccess) lines.push('        // No partition key: the CEP operator runs with parallelism 1.');
  lines.push(
    `        PatternStream<${E}> stream = CEP.pattern(${keyed}, pattern()).${ctx.time.mode === 'event' ? 'inEventTime' : 'inProcessingTime'}();`,
  );
  lines.push('        return stream.process(new MatchFunction());');
  lines.push('    }', '');
  const handler = p.needsTimeoutHandler ? ` implements TimedOutPartialMatchHandler<${E}>` : '';
  lines.push(
    `    public static final class MatchFunction extends PatternProcessFunction<${E}, String>${handler} {`,
  );
  lines.push('        @Override');
  lines.push(
    `        public void processMatch(Map<String, List<${E}>> match, Context ctx, Collector<String> out) {`,
  );
  lines.push('            out.collect("match " + match);');
  lines.push('        }');
  if (p.needsTimeoutHandler) {
    lines.push('', '        @Override');
    lines.push(`        public void processTimedOutMatch(Map<String, List<${E}>> match, Context ctx) {`);
    lines.push('            ctx.output(TIMED_OUT, "timeout " + match);');
    lines.push('        }');
  }
  lines.push('    }', '}', '');
  return lines.join('\n');
}
