/**
 * PatternSpec: the linear, Flink-shaped form of a pattern (what Flink's Pattern API builds).
 *
 * It is the meeting point of the engine: the document format (a graph on a canvas) lowers to it,
 * the conformance vectors are written in it, the NFA compiler consumes it, and the exporters print it.
 * Conditions stay as source text in Cepheus' condition language; the compiler compiles them.
 */

/** How a stage attaches to the one before it (Flink's next / followedBy / …). */
export type Contiguity = 'next' | 'followedBy' | 'followedByAny' | 'notNext' | 'notFollowedBy';

/** Contiguity between repetitions inside a looping stage. */
export type InnerContiguity = 'relaxed' | 'consecutive' | 'allowCombinations';

export type QuantifierKind = 'one' | 'times' | 'timesOrMore' | 'oneOrMore';

export interface Quantifier {
  kind: QuantifierKind;
  /** times: lower bound (0 allowed, Flink's times(0, to)); timesOrMore: the minimum. */
  from?: number;
  /** times: upper bound (inclusive). */
  to?: number;
  optional: boolean;
  greedy: boolean;
  inner: InnerContiguity;
  /** Flink's times(n, windowTime) / timesOrMore(n, windowTime): ms allowed between repetitions. */
  window?: number;
}

export type WithinType = 'FIRST_AND_LAST' | 'PREVIOUS_AND_CURRENT';

export interface Within {
  ms: number;
  type: WithinType;
}

export interface StageSpec {
  name: string;
  contiguity: 'begin' | Contiguity;
  /** Condition source in the Cepheus condition language; missing means true. */
  where?: string;
  /** Conditions OR-ed onto `where`, left to right (Flink's .or()). */
  or?: string[];
  /** Stop condition of a looping stage. */
  until?: string;
  quantifier: Quantifier;
  /** Flink's per-stage within(ms, PREVIOUS_AND_CURRENT). */
  withinPreviousAndCurrent?: number;
  /** A GroupPattern: the quantifier applies to the whole group. */
  group?: { stages: StageSpec[] };
  /** Id of the document node this stage came from, so errors and traces can point at the canvas. */
  nodeId?: string;
  /** Id of the document edge that attaches this stage to the previous one. */
  edgeId?: string;
}

export type SkipStrategy =
  | { kind: 'NO_SKIP' }
  | { kind: 'SKIP_TO_NEXT' }
  | { kind: 'SKIP_PAST_LAST_EVENT' }
  | { kind: 'SKIP_TO_FIRST'; stage: string; throwExceptionOnMiss?: boolean }
  | { kind: 'SKIP_TO_LAST'; stage: string; throwExceptionOnMiss?: boolean };

export interface PatternSpec {
  stages: StageSpec[];
  /** Flink's chained .within() on the last stage. The window end is exclusive. */
  within?: Within;
  skip: SkipStrategy;
}

/** An event as the engine sees it: plain data. Its timestamp is given separately. */
export type EventRecord = Readonly<Record<string, unknown>>;

/** Field types the condition language checks against. */
export type FieldType = 'string' | 'number' | 'boolean' | 'timestamp' | 'object' | 'array' | 'any';

/** Optional description of the events a pattern reads. Nested fields use dotted names ("user.id"). */
export interface EventSchema {
  fields: { name: string; type: FieldType; description?: string }[];
}
