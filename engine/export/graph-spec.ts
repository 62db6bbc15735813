/**
 * The dynamic Flink CEP rule format ("GraphSpec" JSON, Alibaba/Ververica VVR `CEP.dynamicPatterns`),
 * field for field as its deserializer reads it. See shared research export-formats.md §1.
 * Shared by the exporter (engine/export/flink-json.ts) and the importer (engine/import).
 */

export type EdgeType = 'STRICT' | 'SKIP_TILL_NEXT' | 'SKIP_TILL_ANY' | 'NOT_NEXT' | 'NOT_FOLLOW';
export type ConsumingStrategy = 'STRICT' | 'SKIP_TILL_NEXT' | 'SKIP_TILL_ANY';
/** Flink's Quantifier.QuantifierProperty, in its enum order (the loader applies them in this order). */
export const QUANTIFIER_PROPERTIES = ['SINGLE', 'LOOPING', 'TIMES', 'OPTIONAL', 'GREEDY'] as const;
export type QuantifierProperty = (typeof QUANTIFIER_PROPERTIES)[number];
export type SkipType = 'NO_SKIP' | 'SKIP_TO_NEXT' | 'SKIP_PAST_LAST_EVENT' | 'SKIP_TO_FIRST' | 'SKIP_TO_LAST';

export interface TimeJson {
  unit: string;
  size: number;
}

export interface TimesJson {
  from: number;
  to: number;
  windowTime: TimeJson | null;
}

export type ConditionJson =
  | { type: 'AVIATOR'; expression: string }
  | {
      type: 'CLASS';
      className: string;
      nestedConditions?: ConditionJson[];
      subClassName?: string;
      args?: unknown;
    }
  | { type: string; [key: string]: unknown };

export interface QuantifierJson {
  consumingStrategy: ConsumingStrategy;
  properties: QuantifierProperty[];
  times: TimesJson | null;
  untilCondition: ConditionJson | null;
}

export interface AtomicNodeJson {
  name: string;
  type: 'ATOMIC';
  quantifier: QuantifierJson;
  condition: ConditionJson | null;
}

export interface GraphJson {
  name: string;
  type: 'COMPOSITE';
  version: 1;
  quantifier: QuantifierJson;
  condition: null;
  nodes: NodeJson[];
  edges: EdgeJson[];
  window: { type: 'FIRST_AND_LAST' | 'PREVIOUS_AND_CURRENT'; time: TimeJson } | null;
  afterMatchStrategy: { type: SkipType; patternName: string | null };
}

export type NodeJson = AtomicNodeJson | GraphJson;

export interface EdgeJson {
  source: string;
  target: string;
  type: EdgeType;
}

/** Class names of Flink's composite conditions, which the deserializer dispatches on by suffix. */
export const RICH_AND = 'org.apache.flink.cep.pattern.conditions.RichAndCondition';
export const RICH_OR = 'org.apache.flink.cep.pattern.conditions.RichOrCondition';
export const RICH_NOT = 'org.apache.flink.cep.pattern.conditions.RichNotCondition';
