/** Per-key runtime state of the NFA (Flink's NFAState + its shared buffer). */
import { CountStore } from './count-store';
import { countingFits } from './counting';
import { chainFits, chainLive, NO_CHAIN, type ChainRuns } from './strict-chain';
import type { BufferNode, BufferStats } from './shared-buffer';
import type { CompiledNfa } from './types';

/** Flink's ComputationState: one run of the automaton. */
export interface PartialRun {
  /** Unique within its NfaState; lets traces follow a run. */
  readonly id: number;
  readonly state: number;
  readonly node: BufferNode | null;
  readonly startTs: number;
  /** Flink EventId counter of the start event; -1 while the run has not started. */
  readonly startFid: number;
}

export interface NfaState extends BufferStats {
  /** Live runs as a java.util.PriorityQueue heap array (start runs sort last). */
  partial: PartialRun[];
  /** Finished runs waiting for the skip strategy to release them, same ordering. */
  completed: PartialRun[];
  /**
   * Next EventId counter per timestamp (Flink's SharedBuffer eventsCount) as flat [ts, count, …]
   * pairs: a key rarely holds more than one timestamp, and a Map costs ~100 heap bytes per key.
   */
  counters: number[];
  nextRunId: number;
  /** Set when the start state spawned a run in the last step (the operator arms a window timer). */
  newStartPartialMatch: boolean;
  /** Scratch array reused as the next step's run queue (not part of the state's meaning). */
  spare?: PartialRun[];
  /** Cap on live partial matches (the start state not counted); runs beyond it are dropped with a warning. */
  maxPartialMatches: number;
  /**
   * The counting representation (counting.ts): `countLen` accepted events of the live runs, in the
   * block of `countStore` starting at `countAt` (-1: no block). `partial` then holds only the start
   * run. `countLen` is -1 in the general representation; `countStore` stays set once the state was
   * made for the pattern's counting shape (the matcher's keys share one store), undefined otherwise.
   */
  countStore: CountStore | undefined;
  countAt: number;
  countLen: number;
  /**
   * The strict-chain representation (strict-chain.ts), when this state uses it: `partial` then holds
   * only the start run. Undefined in the general representation.
   */
  chain: ChainRuns | undefined;
}

export interface NfaStateOptions {
  maxPartialMatches?: number;
  /**
   * Use a compact representation when the pattern allows it (counting.ts, strict-chain.ts). Default
   * false.
   */
  counting?: boolean;
  /** Where counting entries go (the matcher's, shared by its keys); default: a store of the state's own. */
  store?: CountStore;
}

export const DEFAULT_MAX_PARTIAL_MATCHES = 100_000;

/** Shared by every state without counters; replaced (never written) on the first EventId. */
export const NO_COUNTERS: number[] = Object.freeze([]) as unknown as number[];

/** The EventId counter the next event taken at `ts` gets (Flink's SharedBuffer eventsCount). */
export function peekFid(st: NfaState, ts: number): number {
  const c = st.counters;
  for (let i = 0; i < c.length; i += 2) if (c[i] === ts) return c[i + 1];
  return 0;
}

/** Assigns the next EventId counter at `ts`. */
export function nextFid(st: NfaState, ts: number): number {
  const c = st.counters;
  let i = 0;
  while (i < c.length && c[i] !== ts) i += 2;
  if (i < c.length) return c[i + 1]++;
  st.counters = c.length === 0 ? [ts, 1] : [...c, ts, 1];
  return 0;
}

export function compareRuns(a: PartialRun, b: PartialRun): number {
  if (a.startFid < 0) return b.startFid < 0 ? 0 : 1;
  if (b.startFid < 0) return -1;
  if (a.startTs !== b.startTs) return a.startTs < b.startTs ? -1 : 1;
  return a.startFid - b.startFid;
}

export function startRun(nfa: CompiledNfa, id: number): PartialRun {
  return { id, state: nfa.startState, node: null, startTs: -1, startFid: -1 };
}

/**
 * Timestamp of the run's last taken event (Flink's previousTimestamp): its last node's, since
 * every take adds a node and nothing else moves it; -1 before the first take. Not stored on
 * the run: a second boxed double per run costs ~24 heap bytes.
 */
export function lastTimestamp(run: PartialRun): number {
  return run.node === null ? -1 : run.node.ts;
}

/** Run lists up to this length are copied out of the step's scratch list at their exact size. */
export const SMALL_RUNS = 16;

/** Shared by every state with no completed runs; replaced (never written) when one completes. */
export const NO_RUNS: PartialRun[] = Object.freeze([]) as unknown as PartialRun[];

/**
 * Start runs are never written (an ignore reuses only a started run's object), and every key's is
 * run 0 in the start state, so all fresh key states of an automaton share one: ~70 heap bytes less
 * per live key. The same holds for a run list holding only it (nothing writes a run list in place
 * but the step's own double buffer of big lists): one frozen list per automaton, ~56 heap bytes less
 * per key whose runs are counted or not started.
 */
const sharedStartRuns = new WeakMap<CompiledNfa, { run: PartialRun; list: PartialRun[] }>();

/** The last automaton asked for, so a matcher's hot path asks the WeakMap only once. */
let lastNfa: CompiledNfa | null = null;
let lastShared: { run: PartialRun; list: PartialRun[] } | null = null;

function sharedStart(nfa: CompiledNfa): { run: PartialRun; list: PartialRun[] } {
  if (nfa === lastNfa) return lastShared as { run: PartialRun; list: PartialRun[] };
  let s = sharedStartRuns.get(nfa);
  if (s === undefined) {
    const run = startRun(nfa, 0);
    s = { run, list: Object.freeze([run]) as unknown as PartialRun[] };
    sharedStartRuns.set(nfa, s);
  }
  lastNfa = nfa;
  lastShared = s;
  return s;
}

/** The run list holding only the automaton's shared start run (frozen: replaced, never written). */
export function startOnlyRuns(nfa: CompiledNfa): PartialRun[] {
  return sharedStart(nfa).list;
}

/**
 * A small run list as the state keeps it: the shared start-only list when that is all it holds,
 * else an exact-size copy (V8 grows a pushed-to array to 17 slots).
 */
export function keptRuns(nfa: CompiledNfa, runs: PartialRun[], n: number): PartialRun[] {
  if (n === 1) {
    const s = sharedStart(nfa);
    if (runs[0] === s.run) return s.list;
  }
  return runs.slice(0, n);
}

export function createNfaState(nfa: CompiledNfa, options: NfaStateOptions = {}): NfaState {
  const maxPartialMatches = options.maxPartialMatches ?? DEFAULT_MAX_PARTIAL_MATCHES;
  const counting = options.counting === true && countingFits(nfa, maxPartialMatches);
  const chain = options.counting === true && chainFits(nfa, maxPartialMatches);
  return {
    partial: startOnlyRuns(nfa),
    completed: NO_RUNS,
    counters: NO_COUNTERS,
    nextRunId: 1,
    newStartPartialMatch: false,
    maxPartialMatches,
    liveNodes: 0,
    countStore: counting ? (options.store ?? new CountStore()) : undefined,
    countAt: -1,
    countLen: counting ? 0 : -1,
    chain: chain ? NO_CHAIN : undefined,
    // Declared here so that V8 keeps them in the object, not in a separate property array (40 B).
    spare: undefined,
  };
}

/** Live partial matches of a key state: started runs (in either representation) plus held completed ones. */
export function livePartialMatches(st: NfaState): number {
  let n = st.completed.length + (st.countLen > 0 ? st.countLen : 0);
  if (st.chain !== undefined) n += chainLive(st.chain);
  for (const r of st.partial) if (r.startFid >= 0) n++;
  return n;
}

/**
 * An idle state (only its start run) takes its pattern's compact representation again, if it has
 * one (an observer or introspection turned it into the general one).
 */
export function compactAgain(nfa: CompiledNfa, st: NfaState): void {
  if (st.countLen < 0 && countingFits(nfa, st.maxPartialMatches)) {
    st.countStore ??= new CountStore();
    st.countAt = -1;
    st.countLen = 0;
  }
  if (st.chain === undefined && chainFits(nfa, st.maxPartialMatches)) st.chain = NO_CHAIN;
}
