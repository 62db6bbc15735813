/**
 * Pattern tests, saved in the document (`tests`): each case names its events (a recording, or a few
 * events written inline) and what the pattern must do with them. Like layout, tests never change
 * what the pattern matches, so they are not part of its semantic content (editing a test is saved
 * but is not a new version of the pattern).
 *
 * Events are referred to by their position in the case's events (0-based, file order: position n is the
 * event the replay shows as "#n+1", since people count from 1) or, when the case sets `idField`, by the value of that field ("tx-000617").
 */
import { z } from 'zod';
import { parseIso8601 } from '../runtime/iso8601';

const nonEmpty = z.string().min(1, { error: 'must not be empty' });

/** An event of the case: its 0-based position, or the value of the case's idField. */
export const EventRefSchema = z
  .union([
    z.number().int({ error: 'must be a whole number' }).min(0, { error: 'must be ≥ 0' }),
    z.string().min(1, { error: 'must not be empty' }),
  ])
  .meta({
    id: 'TestEventRef',
    description: "An event: its 0-based position in the case's events, or the value of the case's idField.",
  });

/** A point in time: epoch milliseconds or ISO-8601 text (UTC when no zone is given). */
export const TestTimeSchema = z
  .union([
    z.number().refine(Number.isFinite, 'must be a finite number'),
    z.string().refine((s) => parseIso8601(s) !== null, 'must be epoch milliseconds or an ISO-8601 time'),
  ])
  .meta({ id: 'TestTime', description: 'Epoch milliseconds or an ISO-8601 time.' });

export const TestSourceSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('recording'),
      /**
       * In the app: the name of a stored recording (or the file it was imported from). On the command
       * line: a file path, relative to the pattern file.
       */
      recording: nonEmpty,
    }),
    z.strictObject({
      kind: z.literal('inline'),
      /** A few hand-written events, in arrival order. */
      events: z
        .array(z.record(z.string(), z.unknown()))
        .max(10_000, { error: 'holds at most 10,000 events' }),
    }),
  ])
  .meta({ id: 'TestSource', description: 'Where the events of a test case come from.' });

/** Events bound per stage, in stage order: `{ "probe": ["tx-1"], "cashout": ["tx-9"] }`. */
const BoundSchema = z.record(
  nonEmpty,
  z.array(EventRefSchema).min(1, { error: 'must list at least one event' }),
);

const outcome = {
  /** The partition key it belongs to (checked when given). */
  key: z.string().optional(),
  /** Exactly these events bound to these stages (stages not listed bind nothing). */
  stages: BoundSchema.optional(),
  /** Its last event is this one (any events before it). */
  endsAt: EventRefSchema.optional(),
};
const range = {
  key: z.string().optional(),
  /** Only outcomes with an event in [from, to] count (both ends included). */
  from: TestTimeSchema.optional(),
  to: TestTimeSchema.optional(),
};

export const ExpectationSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('match'), ...outcome }),
    z.strictObject({ kind: z.literal('timeout'), ...outcome }),
    z.strictObject({ kind: z.literal('no-match'), ...range }),
    z.strictObject({
      kind: z.literal('count'),
      of: z.enum(['match', 'timeout']),
      equals: z
        .number()
        .int({ error: 'must be a whole number ≥ 0' })
        .min(0, { error: 'must be a whole number ≥ 0' }),
      ...range,
    }),
  ])
  .superRefine((e, ctx) => {
    if ((e.kind === 'match' || e.kind === 'timeout') && e.stages === undefined && e.endsAt === undefined)
      ctx.addIssue({ code: 'custom', path: ['stages'], message: 'or endsAt is required' });
  })
  .meta({
    id: 'TestExpectation',
    description:
      'match/timeout: one with these events (stages) or ending at an event (endsAt); no-match: none for the key between from and to; count: exactly N.',
  });

export const TestCaseSchema = z
  .strictObject({
    id: nonEmpty,
    name: nonEmpty,
    source: TestSourceSchema,
    /** Field naming each event (such as "id"); null: events are referred to by position. */
    idField: nonEmpty.nullable(),
    expect: z.array(ExpectationSchema),
    /** Free text for humans. */
    note: z.string(),
  })
  .meta({ id: 'TestCase', description: 'Events and what the pattern must do with them.' });

export type EventRef = z.infer<typeof EventRefSchema>;
export type TestTime = z.infer<typeof TestTimeSchema>;
export type TestSource = z.infer<typeof TestSourceSchema>;
export type Expectation = z.infer<typeof ExpectationSchema>;
export type TestCase = z.infer<typeof TestCaseSchema>;

/** Epoch milliseconds of a TestTime (already validated). */
export function testTimeMs(t: TestTime): number {
  return typeof t === 'number' ? t : (parseIso8601(t) ?? Number.NaN);
}
