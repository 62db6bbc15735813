/**
 * The behavioural diff: what a change of a pattern changes in what it catches. Both versions run
 * over the same events in one pass (each event is read once and pushed into both matchers), then
 * their matches and timeouts are compared: gained (only the new version has it), lost (only the
 * old one), changed (same key and same first event, different events bound). Identical outcomes
 * cancel out, counted as a multiset. Pure: events in, plain JSON out.
 */
import type { ReplayPattern } from '../debug/replay-pattern';
import type { ReplayEvent } from '../debug/types';
import { CepMatcher } from '../nfa/matcher';
import type { MatcherOutput } from '../nfa/matcher-types';
import type { EventRecord } from '../pattern/spec';
import { outcomeOf } from './test-run';
import type { Outcome } from './types';

/** An outcome with its events' payloads (kept only when asked: the CLI prints them). */
export interface DiffOutcome extends Outcome {
  events?: { stage: string; events: EventRecord[] }[];
}

export type DiffChange = 'gained' | 'lost' | 'changed';

export interface DiffItem {
  change: DiffChange;
  kind: 'match' | 'timeout';
  key: string;
  /** The old version's outcome (lost, changed) and the new one's (gained, changed). */
  before?: DiffOutcome;
  after?: DiffOutcome;
  /** Replay step to show: the new version's (gained, changed), else the old one's. */
  position: number;
}

export interface DiffCounts {
  gained: number;
  lost: number;
  changed: number;
}

export interface DiffSummary {
  events: number;
  matches: DiffCounts;
  timeouts: DiffCounts;
  /** Totals of each version. */
  before: { matches: number; timeouts: number };
  after: { matches: number; timeouts: number };
  /** "+3 matches, −1 match, 2 changed" (timeouts too when any differ); "no change" otherwise. */
  text: string;
}

export interface DiffResult {
  summary: DiffSummary;
  /** In the order of the recording (by step); at most `maxItems`. */
  items: DiffItem[];
  /** Items before the cap. */
  totalItems: number;
}

export interface BehaviourDiffOptions {
  /** Keep each outcome's event payloads (for printing); default false (positions only). */
  keepEvents?: boolean;
}

/** Outcome identity: key and the events bound to each stage. */
function signature(o: Outcome): string {
  return `${o.key}\u0001${o.bound.map((b) => `${b.stage}:${b.seqs.join(',')}`).join('|')}`;
}

function startOf(o: Outcome): string {
  return `${o.key}\u0001${o.bound[0]?.seqs[0] ?? -1}`;
}

function countsText(n: number, what: string, sign: string): string {
  return `${sign}${n} ${what}${n === 1 ? '' : what === 'match' ? 'es' : 's'}`;
}

export function diffSummaryText(m: DiffCounts, t: DiffCounts): string {
  const parts: string[] = [];
  if (m.gained > 0) parts.push(countsText(m.gained, 'match', '+'));
  if (m.lost > 0) parts.push(countsText(m.lost, 'match', '−'));
  if (m.changed > 0) parts.push(`${m.changed} changed`);
  if (t.gained > 0) parts.push(countsText(t.gained, 'timeout', '+'));
  if (t.lost > 0) parts.push(countsText(t.lost, 'timeout', '−'));
  if (t.changed > 0) parts.push(`${t.changed} timeout${t.changed === 1 ? '' : 's'} changed`);
  return parts.length === 0 ? 'no change' : parts.join(', ');
}

/** One version: its matcher and what it produced. */
class Side {
  readonly matcher: CepMatcher;
  readonly outcomes: DiffOutcome[] = [];

  constructor(
    pattern: ReplayPattern,
    clock: () => number,
    private readonly keep: boolean,
  ) {
    this.matcher = new CepMatcher(pattern.nfa, pattern.matcherOptions(clock));
  }

  collect(outputs: readonly MatcherOutput[], position: number): void {
    for (const o of outputs) {
      if (o.kind !== 'match' && o.kind !== 'timeout') continue;
      const out: DiffOutcome = outcomeOf(o.kind, o.key, o.timestamp, o.match, position);
      if (this.keep)
        out.events = o.match.stages.map((s) => ({ stage: s.stage, events: s.events.map((e) => e.event) }));
      this.outcomes.push(out);
    }
  }
}

export class BehaviourDiff {
  private readonly before: Side;
  private readonly after: Side;
  private now = 0;
  private pushed = 0;
  private finished = false;

  constructor(before: ReplayPattern, after: ReplayPattern, options: BehaviourDiffOptions = {}) {
    const clock = (): number => this.now;
    this.before = new Side(before, clock, options.keepEvents ?? false);
    this.after = new Side(after, clock, options.keepEvents ?? false);
  }

  /** Events pushed so far. */
  get events(): number {
    return this.pushed;
  }

  /** The next event of the recording (in recording order), into both versions. */
  push(e: ReplayEvent): void {
    this.now = e.ts;
    this.pushed++;
    // Step i + 1 pushes event #i, as in the replay, so items jump to the same step there.
    this.before.collect(this.before.matcher.push(e.payload), this.pushed);
    this.after.collect(this.after.matcher.push(e.payload), this.pushed);
  }

  /** End of input (closes every window), then the comparison. */
  finish(maxItems = Number.POSITIVE_INFINITY): DiffResult {
    if (!this.finished) {
      this.finished = true;
      this.before.collect(this.before.matcher.flush(), this.pushed + 1);
      this.after.collect(this.after.matcher.flush(), this.pushed + 1);
    }
    return compareOutcomes(this.before.outcomes, this.after.outcomes, this.pushed, maxItems);
  }
}

function addTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function byPosition(a: DiffItem, b: DiffItem): number {
  return a.position - b.position || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Compares two versions' outcomes over the same events. */
export function compareOutcomes(
  before: readonly DiffOutcome[],
  after: readonly DiffOutcome[],
  events: number,
  maxItems = Number.POSITIVE_INFINITY,
): DiffResult {
  const items: DiffItem[] = [];
  const counts = {
    match: { gained: 0, lost: 0, changed: 0 },
    timeout: { gained: 0, lost: 0, changed: 0 },
  };
  for (const kind of ['match', 'timeout'] as const) {
    // Identical outcomes cancel out, as many times as both versions have them.
    const left = new Map<string, DiffOutcome[]>();
    for (const o of before) if (o.kind === kind) addTo(left, signature(o), o);
    const gained: DiffOutcome[] = [];
    for (const o of after) {
      if (o.kind !== kind) continue;
      const same = left.get(signature(o));
      if (same !== undefined && same.length > 0) same.shift();
      else gained.push(o);
    }
    const lostByStart = new Map<string, DiffOutcome[]>();
    for (const list of left.values()) for (const o of list) addTo(lostByStart, startOf(o), o);
    const c = counts[kind];
    for (const o of gained) {
      const was = lostByStart.get(startOf(o))?.shift();
      if (was !== undefined) {
        c.changed++;
        items.push({ change: 'changed', kind, key: o.key, before: was, after: o, position: o.position });
      } else {
        c.gained++;
        items.push({ change: 'gained', kind, key: o.key, after: o, position: o.position });
      }
    }
    for (const list of lostByStart.values())
      for (const o of list) {
        c.lost++;
        items.push({ change: 'lost', kind, key: o.key, before: o, position: o.position });
      }
  }
  items.sort(byPosition);
  const total = (list: readonly DiffOutcome[], kind: 'match' | 'timeout'): number =>
    list.filter((o) => o.kind === kind).length;
  return {
    summary: {
      events,
      matches: counts.match,
      timeouts: counts.timeout,
      before: { matches: total(before, 'match'), timeouts: total(before, 'timeout') },
      after: { matches: total(after, 'match'), timeouts: total(after, 'timeout') },
      text: diffSummaryText(counts.match, counts.timeout),
    },
    items: items.length > maxItems ? items.slice(0, maxItems) : items,
    totalItems: items.length,
  };
}
