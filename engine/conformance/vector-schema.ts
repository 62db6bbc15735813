/** The conformance-vector file format (shared/conformance/README.md), validated with zod. */
import { z } from 'zod';

const quantifier = z.object({
  kind: z.enum(['one', 'times', 'timesOrMore', 'oneOrMore']),
  from: z.number().optional(),
  to: z.number().optional(),
  optional: z.boolean().default(false),
  greedy: z.boolean().default(false),
  inner: z.enum(['relaxed', 'consecutive', 'allowCombinations']).default('relaxed'),
  window: z.number().optional(),
});

export interface VectorStage {
  name: string;
  contiguity: 'begin' | 'next' | 'followedBy' | 'followedByAny' | 'notNext' | 'notFollowedBy';
  where?: string;
  or?: string[];
  until?: string;
  withinPreviousAndCurrent?: number;
  quantifier: z.infer<typeof quantifier>;
  group?: { stages: VectorStage[] };
}

const stage: z.ZodType<VectorStage> = z.lazy(() =>
  z.object({
    name: z.string().min(1),
    contiguity: z.enum(['begin', 'next', 'followedBy', 'followedByAny', 'notNext', 'notFollowedBy']),
    where: z.string().optional(),
    or: z.array(z.string()).optional(),
    until: z.string().optional(),
    withinPreviousAndCurrent: z.number().optional(),
    quantifier,
    group: z.object({ stages: z.array(stage).min(1) }).optional(),
  }),
);

const event = z.looseObject({ id: z.string().min(1), ts: z.number() });

const matchExpectation = z.array(z.object({ stage: z.string(), ids: z.array(z.string()) }));

const op = z.union([z.object({ event: z.string() }), z.object({ watermark: z.number() })]);

export const vectorSchema = z
  .looseObject({
    id: z.string().min(1),
    description: z.string().optional(),
    harness: z.enum(['nfa', 'operator']).default('nfa'),
    pattern: z.object({
      stages: z.array(stage).min(1),
      within: z
        .object({ ms: z.number(), type: z.enum(['FIRST_AND_LAST', 'PREVIOUS_AND_CURRENT']) })
        .optional(),
    }),
    skip: z.string().default('NO_SKIP'),
    throwExceptionOnMiss: z.boolean().optional(),
    events: z.array(event),
    ops: z.array(op).optional(),
    keyBy: z.string().optional(),
    comparator: z.string().optional(),
    time: z.enum(['event', 'processing']).optional(),
    advanceTo: z.array(z.number()).optional(),
    compare: z.enum(['ordered', 'unordered', 'error']),
    expected: z.array(matchExpectation).default([]),
    error: z.object({ type: z.string(), message: z.string() }).optional(),
    timeouts: z.array(matchExpectation).optional(),
    timeoutTimestamps: z.array(z.number()).optional(),
    expectedEmitTimestamps: z.array(z.number()).optional(),
    expectedLate: z.array(z.string()).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.compare === 'error' && !v.error)
      ctx.addIssue({ code: 'custom', message: 'compare "error" needs an "error" object', path: ['error'] });
    if (v.harness === 'operator' && !v.ops)
      ctx.addIssue({ code: 'custom', message: 'the operator harness needs "ops"', path: ['ops'] });
    if (v.timeouts && v.timeoutTimestamps && v.timeouts.length !== v.timeoutTimestamps.length)
      ctx.addIssue({
        code: 'custom',
        message: 'timeouts and timeoutTimestamps differ in length',
        path: ['timeoutTimestamps'],
      });
    const ids = new Set<string>();
    v.events.forEach((e, i) => {
      if (ids.has(e.id))
        ctx.addIssue({ code: 'custom', message: `duplicate event id "${e.id}"`, path: ['events', i, 'id'] });
      ids.add(e.id);
    });
    (v.ops ?? []).forEach((o, i) => {
      if ('event' in o && !ids.has(o.event))
        ctx.addIssue({ code: 'custom', message: `unknown event id "${o.event}"`, path: ['ops', i, 'event'] });
    });
  });

export type ConformanceVector = z.infer<typeof vectorSchema>;
export type MatchExpectation = z.infer<typeof matchExpectation>;

export type ParseVectorsResult = { ok: true; vectors: ConformanceVector[] } | { ok: false; errors: string[] };

/** Validates parsed JSON as a vectors file (an array of vectors). Problems name the vector and field. */
export function parseVectors(data: unknown): ParseVectorsResult {
  if (!Array.isArray(data)) return { ok: false, errors: ['a vectors file must be a JSON array of vectors'] };
  const errors: string[] = [];
  const vectors: ConformanceVector[] = [];
  data.forEach((raw, i) => {
    const r = vectorSchema.safeParse(raw);
    if (r.success) vectors.push(r.data);
    else {
      const id =
        typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
          ? ` (${(raw as { id: string }).id})`
          : '';
      for (const issue of r.error.issues.slice(0, 5))
        errors.push(`vector ${i}${id}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, vectors };
}
