/**
 * The run budget: how much state one matcher may hold across all its keys (live partial matches
 * and their estimated bytes), and how many matches one event may complete. A pattern that goes
 * over it (an explosive pattern, see engine/lint/explosive.ts) stops the run with one message
 * naming the limit, the stage, the key and the event, instead of exhausting memory or running for
 * hours. Kept apart from the runtime: the runtime only compares two counts with `StepLimits` and
 * throws `BudgetBreach`; the matcher keeps the totals (enter/leave around each key's step).
 */
import type { MatcherOutput } from './matcher-types';
import type { NfaState } from './runtime-state';
import type { CompiledNfa } from './types';

export interface RunBudgetLimits {
  /** Live partial matches over all keys (a key's idle start state not counted). */
  maxPartialMatches: number;
  /** Estimated bytes of the partial matches' state (runs and bound events) over all keys. */
  maxBytes: number;
  /** Matches one event may complete. */
  maxMatchesPerEvent: number;
}

/**
 * Safe on a laptop: 1M runs take a few hundred MB of heap (8× the largest legitimate benchmark,
 * risk-control on 1M events). One event completing over 1,000 matches is an explosion in practice:
 * the output alone grows by MBs per event.
 */
export const DEFAULT_RUN_BUDGET: RunBudgetLimits = {
  maxPartialMatches: 1_000_000,
  maxBytes: 512 * 1024 * 1024,
  maxMatchesPerEvent: 1_000,
};

/** Rough heap cost of one run and of one shared-buffer node (with its share of the bound event). */
export const RUN_BYTES = 64;
export const NODE_BYTES = 160;

export type BudgetLimit = 'partial-matches' | 'bytes' | 'matches-per-event';

/** What the runtime checks within one key's step (one object per matcher, reset before each step). */
export interface StepLimits {
  /** Runs (partial and completed, the start run included) the key may hold during this step. */
  runs: number;
  /** Completed runs (matches) this step may produce. */
  matches: number;
}

/** Thrown by processEvent when a step goes over its StepLimits; the matcher adds key and totals. */
export class BudgetBreach extends Error {
  constructor(
    readonly limit: BudgetLimit,
    /** The stage holding most of the runs (or completing the matches). */
    readonly stage: string,
  ) {
    super(`run budget exceeded (${limit}) at stage "${stage}"`);
    this.name = 'BudgetBreach';
  }
}

/** The stage most of `runs` are in: what grew. */
export function busiestStage(nfa: CompiledNfa, runs: readonly { state: number }[], n = runs.length): string {
  const counts = new Map<number, number>();
  let best = -1;
  let bestCount = 0;
  for (let i = 0; i < n; i++) {
    const s = runs[i].state;
    const c = (counts.get(s) ?? 0) + 1;
    counts.set(s, c);
    if (c > bestCount && (nfa.states[s] as { kind: string }).kind !== 'start') {
      best = s;
      bestCount = c;
    }
  }
  return best < 0 ? '' : (nfa.states[best] as { stage: string }).stage;
}

/** Runs of a key that count against the budget: all but its start run (counting runs included). */
function runsOf(st: NfaState): number {
  return (
    st.partial.length -
    1 +
    st.completed.length +
    (st.countLen > 0 ? st.countLen : 0) +
    (st.chain?.size ?? 1) -
    1
  );
}

/** Totals of one matcher; `enter` before and `leave` after every step that may change a key. */
export class RunBudget {
  /** Live partial matches over all keys. */
  live = 0;
  /** Live shared-buffer nodes over all keys. */
  nodes = 0;
  readonly step: StepLimits = { runs: Number.POSITIVE_INFINITY, matches: Number.POSITIVE_INFINITY };
  private keyRuns = 0;
  private keyNodes = 0;

  constructor(readonly limits: RunBudgetLimits) {
    this.step.matches = limits.maxMatchesPerEvent;
  }

  enter(st: NfaState): void {
    this.keyRuns = runsOf(st);
    this.keyNodes = st.liveNodes;
    // What the other keys leave for this one, plus its start run.
    this.step.runs = this.limits.maxPartialMatches - (this.live - this.keyRuns) + 1;
  }

  leave(st: NfaState): void {
    this.live += runsOf(st) - this.keyRuns;
    this.nodes += st.liveNodes - this.keyNodes;
  }

  /** Counts a key's state that appeared without a step (a restored snapshot). */
  add(st: NfaState): void {
    this.live += runsOf(st);
    this.nodes += st.liveNodes;
  }

  get bytes(): number {
    return this.live * RUN_BYTES + this.nodes * NODE_BYTES;
  }

  overBytes(): boolean {
    return this.bytes > this.limits.maxBytes;
  }
}

export function createRunBudget(limits: Partial<RunBudgetLimits> | false | undefined): RunBudget | null {
  if (limits === false) return null;
  return new RunBudget({ ...DEFAULT_RUN_BUDGET, ...limits });
}

const LIMIT_WORDS: Record<BudgetLimit, (l: RunBudgetLimits) => string> = {
  'partial-matches': (l) =>
    `the run held more than ${l.maxPartialMatches.toLocaleString('en-US')} partial matches across all keys (its budget)`,
  bytes: (l) =>
    `the run's partial matches took more than ${Math.round(l.maxBytes / 1024 / 1024).toLocaleString('en-US')} MiB (estimated; its budget)`,
  'matches-per-event': (l) =>
    `one event completed more than ${l.maxMatchesPerEvent.toLocaleString('en-US')} matches (the budget per event)`,
};

/**
 * The run stopped: thrown by CepMatcher.push / advanceWatermark / flush when the budget is
 * exceeded, and again by every later call (the matcher's state is no longer meaningful).
 * `outputs` holds what the call produced before it stopped, in order.
 */
export class RunBudgetExceeded extends Error {
  constructor(
    readonly limit: BudgetLimit,
    readonly limits: RunBudgetLimits,
    readonly stage: string,
    readonly key: string,
    /** The event being processed (the matcher's sequence number, 0-based) and its timestamp. */
    readonly seq: number,
    readonly timestamp: number,
    readonly outputs: readonly MatcherOutput[],
  ) {
    // Events are numbered from 1 in words, like the count (engine/debug/event-label.ts).
    const at = `at event #${seq + 1} (timestamp ${timestamp}${key === '' ? '' : `, key "${key}"`})`;
    const where = stage === '' ? '' : `, most of them in stage "${stage}"`;
    super(
      `${LIMIT_WORDS[limit](limits)} ${at}${where}. The pattern can produce too many partial matches: add a window over the whole match, use followedBy or consecutive instead of followedByAny or allowCombinations, or choose an after-match skip strategy`,
    );
    this.name = 'RunBudgetExceeded';
  }
}
