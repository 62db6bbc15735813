/**
 * Runs conformance vectors through the engine: the `nfa` harness (Flink's NFATestHarness) and the
 * `operator` harness (CepOperator with watermarks and keys), and compares the outputs.
 */
import { compilePattern } from '../nfa/compile';
import { createMatcher } from '../nfa/matcher';
import { advanceTime, processEvent } from '../nfa/runtime';
import { createNfaState } from '../nfa/runtime-state';
import type { CompiledNfa, Match, NfaRuntimeError } from '../nfa/types';
import { expectationOf, multisetDiff, sameErrorGist, sameMultiset, sameOrdered, showMatch } from './compare';
import { eventRecordOf, javaLong, patternOf } from './translate';
import type { ConformanceVector } from './vector-schema';

export interface VectorOutcome {
  id: string;
  passed: boolean;
  /** Short human-readable differences; empty when passed. */
  problems: string[];
}

interface Observed {
  matches: { match: Match; timestamp: number }[];
  timeouts: { match: Match; timestamp: number }[];
  late: number[];
  error?: NfaRuntimeError;
}

function runNfaHarness(v: ConformanceVector, nfa: CompiledNfa): Observed {
  const st = createNfaState(nfa, { maxPartialMatches: Number.POSITIVE_INFINITY });
  const obs: Observed = { matches: [], timeouts: [], late: [] };
  const collect = (r: ReturnType<typeof processEvent>, ts: number): boolean => {
    for (const m of r.matches) obs.matches.push({ match: m, timestamp: ts });
    for (const t of r.timeouts) obs.timeouts.push(t);
    if (r.error) obs.error = r.error;
    return r.error !== undefined;
  };
  for (let i = 0; i < v.events.length; i++) {
    const e = v.events[i];
    if (collect(advanceTime(nfa, st, e.ts), e.ts)) return obs;
    if (collect(processEvent(nfa, st, eventRecordOf(e), e.ts, i), e.ts)) return obs;
  }
  for (const t of v.advanceTo ?? []) if (collect(advanceTime(nfa, st, t), t)) return obs;
  return obs;
}

function runOperatorHarness(v: ConformanceVector, nfa: CompiledNfa): Observed {
  const index = new Map(v.events.map((e, i) => [e.id, i]));
  const byId = new Map(v.events.map((e) => [e.id, e]));
  const keyBy = v.keyBy;
  const comparatorField = v.comparator;
  const seqToIndex = new Map<number, number>();
  const matcher = createMatcher(nfa, {
    time: v.time ?? 'event',
    watermarks: 'explicit',
    maxPartialMatchesPerKey: Number.POSITIVE_INFINITY,
    timeouts: true,
    keyOf: keyBy ? (e) => String(e[keyBy]) : undefined,
    timestampOf: (e) => (byId.get(e.__id as string) as { ts: number }).ts,
    comparator: comparatorField ? (a, b) => compareValues(a[comparatorField], b[comparatorField]) : undefined,
  });
  const obs: Observed = { matches: [], timeouts: [], late: [] };
  for (const op of v.ops ?? []) {
    let outputs;
    if ('event' in op) {
      const e = byId.get(op.event) as ConformanceVector['events'][number];
      seqToIndex.set(matcher.nextSeq, index.get(op.event) as number);
      outputs = matcher.push({ ...eventRecordOf(e), __id: e.id });
    } else outputs = matcher.advanceWatermark(javaLong(op.watermark));
    for (const o of outputs) {
      if (o.kind === 'match') obs.matches.push({ match: o.match, timestamp: o.timestamp });
      else if (o.kind === 'timeout') obs.timeouts.push({ match: o.match, timestamp: o.timestamp });
      else if (o.kind === 'late') obs.late.push(seqToIndex.get(o.event.seq) as number);
      else if (o.kind === 'error') obs.error = { flinkError: o.flinkError, message: o.message };
    }
  }
  // Matches carry matcher seqs; map them back to vector event indexes.
  const remap = (m: Match): Match => ({
    stages: m.stages.map((s) => ({
      stage: s.stage,
      events: s.events.map((e) => ({ ...e, seq: seqToIndex.get(e.seq) as number })),
    })),
  });
  obs.matches = obs.matches.map((x) => ({ ...x, match: remap(x.match) }));
  obs.timeouts = obs.timeouts.map((x) => ({ ...x, match: remap(x.match) }));
  return obs;
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function checkOutputs(v: ConformanceVector, obs: Observed, problems: string[]): void {
  const idOf = (seq: number): string => v.events[seq]?.id ?? `#${seq}`;
  if (obs.error) problems.push(`unexpected runtime error ${obs.error.flinkError}: ${obs.error.message}`);
  const expected = v.expected.map(showMatch);
  const actual = obs.matches.map((m) => showMatch(expectationOf(m.match, idOf)));
  const okMatches = v.compare === 'ordered' ? sameOrdered(expected, actual) : sameMultiset(expected, actual);
  if (!okMatches) {
    const { missing, unexpected } = multisetDiff(expected, actual);
    problems.push(`matches differ (${v.compare}): expected ${expected.length}, got ${actual.length}`);
    for (const m of missing) problems.push(`  - missing    ${m}`);
    for (const m of unexpected) problems.push(`  + unexpected ${m}`);
    if (missing.length === 0 && unexpected.length === 0)
      problems.push(`  order: expected ${expected.join(' ')} | got ${actual.join(' ')}`);
  }
  if (v.timeouts) {
    const ts = v.timeoutTimestamps ?? [];
    const exp = v.timeouts.map((m, i) => `${showMatch(m)}@${ts[i] ?? '?'}`);
    const act = obs.timeouts.map((t) => `${showMatch(expectationOf(t.match, idOf))}@${t.timestamp}`);
    if (!sameMultiset(exp, act)) {
      const { missing, unexpected } = multisetDiff(exp, act);
      problems.push('timeouts differ:');
      for (const m of missing) problems.push(`  - missing    ${m}`);
      for (const m of unexpected) problems.push(`  + unexpected ${m}`);
    }
  }
  if (v.expectedEmitTimestamps && okMatches) {
    // Pair each expected match with its timestamp; compare as a multiset of pairs.
    const exp = v.expected.map((m, i) => `${showMatch(m)}@${v.expectedEmitTimestamps?.[i] ?? '?'}`);
    const act = obs.matches.map((m) => `${showMatch(expectationOf(m.match, idOf))}@${m.timestamp}`);
    const expNorm = exp.map((s) => s.replace(/@(-?\d+)$/, (_, n: string) => `@${javaLong(Number(n))}`));
    if (!sameMultiset(expNorm, act))
      problems.push(`emit timestamps differ: expected ${expNorm.join(' ')} | got ${act.join(' ')}`);
  }
  if (v.expectedLate) {
    const exp = [...v.expectedLate].sort();
    const act = obs.late.map(idOf).sort();
    if (!sameOrdered(exp, act))
      problems.push(`late events differ: expected [${exp.join(',')}], got [${act.join(',')}]`);
  }
}

export function runVector(v: ConformanceVector): VectorOutcome {
  const problems: string[] = [];
  const spec = patternOf(v);
  if (typeof spec === 'string') return { id: v.id, passed: false, problems: [spec] };
  const compiled = compilePattern(spec);
  if (!compiled.ok) {
    const errors = compiled.diagnostics.filter((d) => d.severity === 'error');
    if (v.compare === 'error' && v.error) {
      const expected = v.error;
      const hit = errors.some(
        (d) => d.flinkError === expected.type && sameErrorGist(expected.message, d.flinkMessage ?? d.message),
      );
      if (!hit)
        problems.push(
          `expected ${expected.type}: ${expected.message}`,
          ...errors.map((d) => `  got ${d.flinkError ?? d.code}: ${d.flinkMessage ?? d.message}`),
        );
    } else {
      problems.push('the pattern did not compile:', ...errors.map((d) => `  ${d.code}: ${d.message}`));
    }
    return { id: v.id, passed: problems.length === 0, problems };
  }
  let obs: Observed;
  try {
    obs = v.harness === 'operator' ? runOperatorHarness(v, compiled.nfa) : runNfaHarness(v, compiled.nfa);
  } catch (e) {
    return {
      id: v.id,
      passed: false,
      problems: [`the engine threw: ${e instanceof Error ? e.message : String(e)}`],
    };
  }
  if (v.compare === 'error' && v.error) {
    const expected = v.error;
    if (!obs.error)
      problems.push(
        `expected ${expected.type}: ${expected.message}`,
        `  got no error and ${obs.matches.length} match(es)`,
      );
    else if (obs.error.flinkError !== expected.type || !sameErrorGist(expected.message, obs.error.message))
      problems.push(
        `expected ${expected.type}: ${expected.message}`,
        `  got ${obs.error.flinkError}: ${obs.error.message}`,
      );
    return { id: v.id, passed: problems.length === 0, problems };
  }
  checkOutputs(v, obs, problems);
  return { id: v.id, passed: problems.length === 0, problems };
}

export function runVectors(vectors: readonly ConformanceVector[]): VectorOutcome[] {
  return vectors.map(runVector);
}
