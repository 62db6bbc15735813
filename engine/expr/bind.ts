/**
 * Name resolution: decides what every call means (a string/math function or an aggregate over a
 * stage), compiles regex literals once, and reports unknown functions, unknown stages, wrong
 * argument counts and bad regexes. The type checker and the compiler both build on its result.
 */
import type { Diagnostic } from '../pattern/diagnostic';
import { pathOf, walk, type CallExpr, type Expr } from './ast';
import { FUNCTION_NAMES, findFunction, type AggregateName, type FunctionDoc } from './functions';
import { didYouMean, exprError, exprWarning, withSuggestion } from './source';
import { compileRegex, type MatchRegex } from './regex';
import { stageIndex } from './stage-index';

export interface AggregateCall {
  fn: AggregateName;
  stage: string;
  /** Field path inside each bound event; empty for count(stage) / first(stage). */
  keys: string[];
}

export interface Binding {
  functions: Map<CallExpr, FunctionDoc>;
  aggregates: Map<CallExpr, AggregateCall>;
  regexes: Map<CallExpr, MatchRegex>;
  /** Aggregate calls whose stage argument could not be bound (already reported: their argument is no field). */
  unbound: Set<CallExpr>;
  referencedStages: string[];
  diagnostics: Diagnostic[];
}

const AGGREGATES = new Set<string>(['count', 'sum', 'avg', 'min', 'max', 'first', 'last']);

export function bindCondition(ast: Expr, stages: readonly string[], currentStage?: string): Binding {
  const binding: Binding = {
    functions: new Map(),
    aggregates: new Map(),
    regexes: new Map(),
    unbound: new Set(),
    referencedStages: [],
    diagnostics: [],
  };
  const stageSet = stageIndex(stages);
  walk(ast, (node) => {
    if (node.kind === 'call') bindCall(node, stageSet, stages, binding);
  });
  warnLaterStages(binding, stages, currentStage);
  return binding;
}

function bindCall(
  call: CallExpr,
  stageSet: ReadonlyMap<string, number>,
  stages: readonly string[],
  b: Binding,
): void {
  const err = (code: string, message: string, range = call.range): void => {
    b.diagnostics.push(exprError(code, message, range));
  };
  const doc = findFunction(call.callee);
  if (!doc) {
    b.diagnostics.push(
      withSuggestion(
        exprError(
          'expr.unknown-function',
          `unknown function '${call.callee}'${didYouMean(call.callee, FUNCTION_NAMES)}`,
          call.calleeRange,
        ),
        call.callee,
        FUNCTION_NAMES,
        call.calleeRange,
      ),
    );
    return;
  }
  b.functions.set(call, doc);
  if (call.method && !doc.method) {
    err('expr.syntax', `${doc.name}() is not a method: write ${doc.name}(…) instead`, call.calleeRange);
    return;
  }
  const n = call.args.length;
  const isAggregate = AGGREGATES.has(doc.name) && !(n === 2 && (doc.name === 'min' || doc.name === 'max'));
  if (n < doc.minArgs || n > doc.maxArgs) {
    const want = doc.minArgs === doc.maxArgs ? `${doc.minArgs}` : `${doc.minArgs} to ${doc.maxArgs}`;
    err(
      'expr.arity',
      `${doc.name}() takes ${want} argument${doc.maxArgs === 1 ? '' : 's'}, got ${n}: ${doc.signature}`,
    );
    return;
  }
  if (isAggregate) {
    bindAggregate(call, doc.name as AggregateName, stageSet, stages, b);
    return;
  }
  if (doc.name === 'matches') {
    const pattern = call.args[1];
    if (!pattern || pattern.kind !== 'literal' || typeof pattern.value !== 'string') {
      err(
        'expr.bad-regex',
        "matches() needs the regex as a string literal, e.g. matches(name, 'a.*')",
        pattern?.range ?? call.range,
      );
      return;
    }
    // Whole-text match, as Java's String.matches; RE2 syntax, linear time (regex.ts).
    const compiled = compileRegex(pattern.value);
    if (compiled.ok) b.regexes.set(call, compiled.regex);
    else err('expr.bad-regex', `invalid regular expression: ${compiled.reason}`, pattern.range);
  }
}

/** Stages are listed in pattern order: a later stage never has bound events yet. */
function warnLaterStages(b: Binding, stages: readonly string[], currentStage: string | undefined): void {
  const index = stageIndex(stages);
  const current = currentStage === undefined ? -1 : (index.get(currentStage) ?? -1);
  if (current < 0) return;
  for (const [call, agg] of b.aggregates) {
    if ((index.get(agg.stage) ?? -1) > current) {
      b.diagnostics.push(
        exprWarning(
          'expr.later-stage',
          `stage '${agg.stage}' comes after '${currentStage ?? ''}', so no events are bound to it yet when this condition runs: ${agg.fn}() always sees none`,
          call.args[0]?.range ?? call.range,
        ),
      );
    }
  }
}

function bindAggregate(
  call: CallExpr,
  fn: AggregateName,
  stageSet: ReadonlyMap<string, number>,
  stages: readonly string[],
  b: Binding,
): void {
  const arg = call.args[0];
  const path = pathOf(arg);
  const needsField = fn === 'sum' || fn === 'avg' || fn === 'min' || fn === 'max';
  const example = needsField ? `${fn}(${stages[0] ?? 'stage'}.price)` : `${fn}(${stages[0] ?? 'stage'})`;
  if (!path) {
    b.unbound.add(call);
    b.diagnostics.push(
      exprError(
        'expr.type-mismatch',
        `${fn}() works over the events of a stage: write ${example}`,
        arg.range,
      ),
    );
    return;
  }
  if (!stageSet.has(path.root)) {
    const known = stages.length
      ? didYouMean(path.root, stages)
      : ' — this pattern has no stages to aggregate over';
    const hint = known || ` (stages: ${stages.join(', ')})`;
    b.unbound.add(call);
    b.diagnostics.push(
      withSuggestion(
        exprError('expr.unknown-stage', `unknown stage '${path.root}' in ${fn}()${hint}`, path.rootRange),
        path.root,
        stages,
        path.rootRange,
      ),
    );
    return;
  }
  if (needsField && path.keys.length === 0) {
    b.unbound.add(call);
    b.diagnostics.push(
      exprError(
        'expr.type-mismatch',
        `${fn}() needs a field of stage '${path.root}', e.g. ${fn}(${path.root}.price)`,
        arg.range,
      ),
    );
    return;
  }
  b.aggregates.set(call, { fn, stage: path.root, keys: path.keys });
  if (!b.referencedStages.includes(path.root)) b.referencedStages.push(path.root);
}
