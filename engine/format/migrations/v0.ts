/**
 * Format version 0: the pre-release shape. Canvas positions were stored inside each node, the skip
 * strategy was a string such as "SKIP_TO_FIRST:b", and the event-time field sat at the top level.
 * Kept only so that early files still open; nothing writes it any more.
 */
import { z } from 'zod';
import { ContiguitySchema, QuantifierSchema, WithinTypeSchema } from '../schema';

const nonEmpty = z.string().min(1, { error: 'must not be empty' });
const Position = z.object({ x: z.number(), y: z.number() });
const EdgeV0 = z.object({ id: nonEmpty, from: nonEmpty, to: nonEmpty, contiguity: ContiguitySchema });

const StageV0 = z.object({
  id: nonEmpty,
  kind: z.literal('stage'),
  name: nonEmpty,
  where: z.string().optional(),
  or: z.array(z.string()).optional(),
  until: z.string().nullable().optional(),
  quantifier: QuantifierSchema,
  position: Position.optional(),
});

const GroupV0 = z.object({
  id: nonEmpty,
  kind: z.literal('group'),
  name: nonEmpty,
  quantifier: QuantifierSchema,
  position: Position.optional(),
  get nodes(): z.ZodArray<typeof NodeV0> {
    return z.array(NodeV0);
  },
  edges: z.array(EdgeV0),
});

const NodeV0: z.ZodDiscriminatedUnion<[typeof StageV0, typeof GroupV0]> = z.discriminatedUnion('kind', [
  StageV0,
  GroupV0,
]);

export const SKIP_STRING = /^(NO_SKIP|SKIP_TO_NEXT|SKIP_PAST_LAST_EVENT|SKIP_TO_(FIRST|LAST):.+)$/;

export const DocumentV0Schema = z.object({
  format: z.literal('cepheus.pattern'),
  version: z.literal(0),
  name: z.string(),
  description: z.string().optional(),
  skipStrategy: z.string().regex(SKIP_STRING, {
    error:
      'must be NO_SKIP, SKIP_TO_NEXT, SKIP_PAST_LAST_EVENT, SKIP_TO_FIRST:<stage> or SKIP_TO_LAST:<stage>',
  }),
  within: z
    .object({ ms: z.number().int().min(1), type: WithinTypeSchema })
    .nullable()
    .optional(),
  partitionKey: z.string().nullable().optional(),
  timeField: z.string().nullable().optional(),
  nodes: z.array(NodeV0),
  edges: z.array(EdgeV0),
});

export type DocumentV0 = z.infer<typeof DocumentV0Schema>;
export type NodeV0 = z.infer<typeof NodeV0>;
