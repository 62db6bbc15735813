/** What a workload provides to the runner: its stream, the engine, and peers that must agree with it. */
import type { EventRecord } from '../engine/pattern/spec';
import type { EngineRun } from './harness';

export interface Peer {
  name: string;
  /** The reference for `ratio` (a hand-written matcher for exactly this pattern). */
  handwritten?: boolean;
  /** Processes the whole stream and returns its match count (timed as a whole). */
  run(events: readonly EventRecord[]): number;
}

export interface PreparedWorkload {
  events: readonly EventRecord[];
  engine: () => EngineRun<EventRecord>;
  /** The same pattern through the low-level NFA (advanceTime + processEvent, no operator), when it applies. */
  nfa?: () => EngineRun<EventRecord>;
  peers: Peer[];
  /** Facts to print with the result (pattern text, parameters). */
  info: Record<string, string | number>;
}

export interface Workload {
  slug: string;
  title: string;
  /** Events (or rows) at full size; --quick runs a tenth. */
  fullSize: number;
  prepare(events: number): PreparedWorkload;
  /** Workloads that are not a matcher over a stream (import, replay) measure themselves. */
  custom?(size: number, quick: boolean): Promise<Record<string, unknown>>;
}
