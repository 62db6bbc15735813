/**
 * The Cepheus pattern document (`*.cep.json`): what the canvas edits, the store saves and servers load.
 *
 * These zod schemas are the single source of truth: the TypeScript types are inferred from them and
 * schema/cepheus-pattern.schema.json is generated from them (scripts/generate-schema.ts).
 * Nothing here needs eval, so it also works under the renderer's CSP with `z.config({ jitless: true })`.
 *
 * The document is a graph (nodes + edges, groups nest a sub-graph); `documentToSpec` lowers it to the
 * linear PatternSpec. Layout lives in its own block so moving a node never changes the semantics;
 * so do the pattern's tests (tests-schema.ts).
 */
import { z } from 'zod';
import { TestCaseSchema } from './tests-schema';

export const FORMAT_ID = 'cepheus.pattern';
export const CURRENT_VERSION = 3;

/**
 * Flink's default periodic watermark interval (pipeline.auto-watermark-interval, 200 ms): how often
 * a WatermarkStrategy such as forBoundedOutOfOrderness emits its watermark.
 */
export const FLINK_WATERMARK_INTERVAL_MS = 200;

/** A whole number with one plain-language message for every way it can be wrong. */
function wholeNumber(min: number, unit = ''): z.ZodNumber {
  const error = `must be a whole number${unit} ≥ ${min}`;
  return z.number({ error }).int({ error }).min(min, { error });
}
const wholeMs = wholeNumber(0, ' of milliseconds');
const positiveMs = wholeNumber(1, ' of milliseconds');
const nonEmpty = z.string().min(1, { error: 'must not be empty' });

export const ContiguitySchema = z.enum(['next', 'followedBy', 'followedByAny', 'notNext', 'notFollowedBy']);
export const InnerContiguitySchema = z.enum(['relaxed', 'consecutive', 'allowCombinations']);
export const FieldTypeSchema = z.enum(['string', 'number', 'boolean', 'timestamp', 'object', 'array', 'any']);
export const WithinTypeSchema = z.enum(['FIRST_AND_LAST', 'PREVIOUS_AND_CURRENT']);

/** Same shape as PatternSpec's Quantifier, so the property panel and the compiler share one vocabulary. */
export const QuantifierSchema = z
  .strictObject({
    kind: z.enum(['one', 'times', 'timesOrMore', 'oneOrMore']),
    from: wholeNumber(0).optional(),
    to: wholeNumber(1).optional(),
    optional: z.boolean(),
    greedy: z.boolean(),
    inner: InnerContiguitySchema,
    /** Flink's times(n, windowTime): ms allowed between repetitions. */
    window: positiveMs.optional(),
  })
  .superRefine((q, ctx) => {
    // Only look at fields that are valid on their own: zod may run this refinement even when a field
    // already failed (it does in jitless mode), and one message per problem is enough.
    const whole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
    if (q.kind === 'times') {
      if (q.from === undefined)
        ctx.addIssue({ code: 'custom', path: ['from'], message: 'is required when kind is "times"' });
      if (q.to === undefined)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'is required when kind is "times"' });
      if (whole(q.from) && whole(q.to) && q.to >= 1 && q.to < q.from)
        ctx.addIssue({
          code: 'custom',
          path: ['to'],
          message: `must be greater than or equal to from (${q.from})`,
        });
    }
    if (q.kind === 'timesOrMore' && (q.from === undefined || q.from === 0))
      ctx.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'must be a whole number ≥ 1 when kind is "timesOrMore"',
      });
    if ((q.kind === 'one' || q.kind === 'oneOrMore') && whole(q.to))
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'is only used when kind is "times"' });
    if (q.kind === 'one' && whole(q.from))
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'is not used when kind is "one"' });
  })
  .meta({ id: 'Quantifier', description: 'How many events a stage (or a whole group) binds.' });

export const StageNodeSchema = z
  .strictObject({
    id: nonEmpty,
    kind: z.literal('stage'),
    /** The stage name: the key of the match map, unique in the pattern. */
    name: nonEmpty,
    /** Condition in the Cepheus condition language; empty means "every event". */
    where: z.string(),
    /** Conditions OR-ed onto `where`, left to right (Flink's .or()). */
    or: z.array(z.string()),
    /** Stop condition of a looping stage (Flink's .until()). */
    until: z.string().nullable(),
    quantifier: QuantifierSchema,
    /** Flink's per-stage within(ms, PREVIOUS_AND_CURRENT). */
    withinPreviousAndCurrentMs: positiveMs.nullable(),
    /** Free text for humans; not part of the semantics. */
    note: z.string(),
  })
  .meta({ id: 'StageNode', description: 'One stage: a condition and a quantifier.' });

export const EdgeSchema = z
  .strictObject({
    id: nonEmpty,
    from: nonEmpty,
    to: nonEmpty,
    /** How the target attaches to the source (notNext / notFollowedBy make the target a NOT stage). */
    contiguity: ContiguitySchema,
  })
  .meta({ id: 'PatternEdge' });

export const GroupNodeSchema = z
  .strictObject({
    id: nonEmpty,
    kind: z.literal('group'),
    name: nonEmpty,
    /** Applies to the whole sub-chain (Flink's GroupPattern). */
    quantifier: QuantifierSchema,
    get nodes(): z.ZodArray<typeof PatternNodeSchema> {
      return z.array(PatternNodeSchema);
    },
    edges: z.array(EdgeSchema),
    note: z.string(),
  })
  .meta({ id: 'GroupNode', description: 'A group: a nested chain repeated as one unit.' });

export const PatternNodeSchema: z.ZodDiscriminatedUnion<[typeof StageNodeSchema, typeof GroupNodeSchema]> = z
  .discriminatedUnion('kind', [StageNodeSchema, GroupNodeSchema])
  .meta({ id: 'PatternNode' });

export const SkipSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('NO_SKIP') }),
    z.strictObject({ kind: z.literal('SKIP_TO_NEXT') }),
    z.strictObject({ kind: z.literal('SKIP_PAST_LAST_EVENT') }),
    z.strictObject({ kind: z.literal('SKIP_TO_FIRST'), stage: nonEmpty, throwExceptionOnMiss: z.boolean() }),
    z.strictObject({ kind: z.literal('SKIP_TO_LAST'), stage: nonEmpty, throwExceptionOnMiss: z.boolean() }),
  ])
  .meta({ id: 'SkipStrategy', description: 'After-match skip strategy.' });

export const TimeSettingsSchema = z
  .discriminatedUnion('mode', [
    z.strictObject({
      mode: z.literal('event'),
      /** Event field holding the timestamp. */
      field: nonEmpty,
      format: z.enum(['epochMillis', 'epochSeconds', 'iso8601']),
      outOfOrdernessMs: wholeMs,
      /**
       * Flink emits the watermark periodically (every this many ms of processing time), not per event.
       * Cepheus takes the input to arrive at the pace of its timestamps and emits it each time the
       * largest timestamp seen passes a multiple of this interval (engine/nfa/matcher-types.ts).
       */
      watermarkIntervalMs: positiveMs,
    }),
    z.strictObject({ mode: z.literal('processing') }),
  ])
  .meta({ id: 'TimeSettings' });

export const SettingsSchema = z
  .strictObject({
    within: z.strictObject({ ms: positiveMs, type: WithinTypeSchema }).nullable(),
    skip: SkipSchema,
    partitionKey: nonEmpty.nullable(),
    time: TimeSettingsSchema,
  })
  .meta({ id: 'PatternSettings' });

export const EventSchemaSchema = z
  .strictObject({
    fields: z.array(
      z.strictObject({ name: nonEmpty, type: FieldTypeSchema, description: z.string().optional() }),
    ),
  })
  .meta({ id: 'EventSchema' });

const finite = z.number().refine(Number.isFinite, 'must be a finite number');

export const NodeLayoutSchema = z.strictObject({
  x: finite,
  y: finite,
  width: z.number().positive().optional(),
  height: z.number().positive().optional(),
});

export const LayoutSchema = z
  .strictObject({
    /** By node id. Nodes inside a group are placed relative to the group's top-left corner. */
    nodes: z.record(z.string(), NodeLayoutSchema),
    viewport: z.strictObject({ x: finite, y: finite, zoom: z.number().positive() }).optional(),
  })
  .meta({ id: 'Layout', description: 'Where things are drawn. Never part of the semantics.' });

export const PatternDocumentSchema = z.strictObject({
  /** Lets editors find the JSON Schema; ignored by Cepheus. */
  $schema: z.string().optional(),
  format: z.literal(FORMAT_ID),
  version: z.literal(CURRENT_VERSION),
  name: z.string(),
  description: z.string(),
  settings: SettingsSchema,
  eventSchema: EventSchemaSchema.nullable(),
  nodes: z.array(PatternNodeSchema),
  edges: z.array(EdgeSchema),
  layout: LayoutSchema,
  /** Test cases (format version 2): what the pattern must match; never part of its semantics. */
  tests: z.array(TestCaseSchema),
});

export type DocQuantifier = z.infer<typeof QuantifierSchema>;
export type StageNode = z.infer<typeof StageNodeSchema>;
export type GroupNode = z.infer<typeof GroupNodeSchema>;
export type PatternNode = StageNode | GroupNode;
export type PatternEdge = z.infer<typeof EdgeSchema>;
export type PatternSettings = z.infer<typeof SettingsSchema>;
export type DocSkip = z.infer<typeof SkipSchema>;
export type TimeSettings = z.infer<typeof TimeSettingsSchema>;
export type DocEventSchema = z.infer<typeof EventSchemaSchema>;
export type NodeLayout = z.infer<typeof NodeLayoutSchema>;
export type Layout = z.infer<typeof LayoutSchema>;
export type PatternDocument = z.infer<typeof PatternDocumentSchema>;
