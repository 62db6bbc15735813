/**
 * Every partial match a run can hold: each prefix of a candidate assignment that ends right after
 * a take. Used only to decide which partial matches are alive (skip strategies hold matches back).
 */
import { greedyViolated, nextCandidates, type Problem } from './enumerate';
import { bindingsBefore, type Binding, type Bindings } from './model';

export interface Prefix {
  assignment: readonly Binding[];
  /** Stage of the last take and how many events that stage holds. */
  stage: number;
  count: number;
  start: number;
  last: number;
  bound: Bindings;
}

export function candidatePrefixes(p: Problem): Prefix[] {
  const out: Prefix[] = [];
  const n = p.rules.length;
  const record = (a: Binding[], stage: number, count: number): void => {
    if (greedyViolated(p, a)) return;
    out.push({
      assignment: a,
      stage,
      count,
      start: a[0].event,
      last: a[a.length - 1].event,
      bound: bindingsBefore(a, Infinity, p.rules),
    });
  };
  const walk = (i: number, bound: Binding[]): void => {
    if (i === n) return;
    const rule = p.rules[i];
    if (rule.kind !== 'positive') return walk(i + 1, bound);
    if (rule.optional) walk(i + 1, bound);
    const reps = (b: Binding[], count: number): void => {
      if (count > 0) record(b, i, count);
      if (count >= rule.min && count > 0) walk(i + 1, b);
      if (count === rule.max) return;
      const prev = b.length > 0 ? b[b.length - 1].event : -1;
      const how = count === 0 ? (prev < 0 ? 'start' : rule.entry) : rule.inner;
      for (const y of nextCandidates(p, i, how, prev, b)) reps([...b, { stage: i, event: y }], count + 1);
    };
    reps(bound, 0);
  };
  walk(0, []);
  return out;
}
