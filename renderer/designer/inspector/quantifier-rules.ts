/**
 * Which quantifier options Flink accepts for a node, with the reason when it does not. The editor
 * disables what would be refused (instead of letting the user make an error and then reporting it)
 * and shows why, quoting Flink's own message. The rules mirror engine/nfa/validate.ts.
 */
import type { DocQuantifier, PatternNode } from '../../../engine/format/schema';
import type { QuantifierKind } from '../../../engine/pattern/spec';
import { isNotContiguity, type NodeContext } from './stage-context';

export type Availability = { enabled: true } | { enabled: false; reason: string };

export interface QuantifierOptions {
  kinds: Record<QuantifierKind, Availability>;
  optional: Availability;
  greedy: Availability;
  consecutive: Availability;
  allowCombinations: Availability;
  window: Availability;
  until: Availability;
}

const yes: Availability = { enabled: true };
const no = (reason: string): Availability => ({ enabled: false, reason });

const NOT_QUANTIFIED =
  'NOT stages match exactly one event and cannot be quantified (Flink: Option not applicable to NOT pattern)';
const NOT_OPTIONAL = 'NOT stages cannot be optional (Flink: NOT pattern cannot be optional)';

function quantifierOf(node: PatternNode | null): DocQuantifier | null {
  return node ? node.quantifier : null;
}

export function isOptionalish(q: DocQuantifier | null): boolean {
  return !!q && (q.optional || (q.kind === 'times' && q.from === 0));
}

export function quantifierOptions(ctx: NodeContext): QuantifierOptions {
  const q = ctx.node.quantifier;
  const isGroup = ctx.node.kind === 'group';
  const isNot = isNotContiguity(ctx.incoming?.contiguity);
  const looping = q.kind === 'oneOrMore' || q.kind === 'timesOrMore';
  const single = q.kind === 'one';

  if (isNot) {
    return {
      kinds: {
        one: yes,
        times: no(NOT_QUANTIFIED),
        timesOrMore: no(NOT_QUANTIFIED),
        oneOrMore: no(NOT_QUANTIFIED),
      },
      optional: no(NOT_OPTIONAL),
      greedy: no(NOT_QUANTIFIED),
      consecutive: no(NOT_QUANTIFIED),
      allowCombinations: no(NOT_QUANTIFIED),
      window: no(NOT_QUANTIFIED),
      until: no('NOT stages cannot loop, so they have no until condition'),
    };
  }

  const prev = quantifierOf(ctx.previous);
  const next = quantifierOf(ctx.next);
  const prevGreedy = !!prev?.greedy && !isNotContiguity(ctx.incoming?.contiguity);
  const nextIsNot = isNotContiguity(ctx.outgoing?.contiguity);

  let optional: Availability = yes;
  if (q.kind === 'times' && q.from === 0)
    optional = no('A lower bound of 0 already makes this stage optional (Flink: Optional already applied!)');
  else if (prevGreedy && !q.optional)
    optional = no(
      `The previous stage "${ctx.previous?.name ?? ''}" is greedy (Flink: Optional pattern cannot be preceded by greedy pattern)`,
    );
  else if (nextIsNot && !q.optional)
    optional = no(
      `The next stage "${ctx.next?.name ?? ''}" is a NOT stage, which cannot follow an optional one (Flink: Specifying a pattern with an optional path to NOT condition is not supported yet)`,
    );

  let greedy: Availability = yes;
  if (isGroup)
    greedy = no('Greedy cannot be applied to a group (Flink: Option not applicable to group pattern)');
  else if (single)
    greedy = no(
      'Greedy needs a repeated stage; choose a repeating quantifier first (Flink: Option not applicable to singleton quantifier)',
    );
  else if (q.inner === 'allowCombinations')
    greedy = no(
      'Greedy cannot be combined with allowCombinations (Flink: Option not applicable to FollowedByAny pattern)',
    );
  else if (isOptionalish(next) && !q.greedy && !isNotContiguity(ctx.outgoing?.contiguity))
    greedy = no(
      `The next stage "${ctx.next?.name ?? ''}" is optional (Flink: Optional pattern cannot be preceded by greedy pattern)`,
    );

  const singleReason = (what: string, flink: string): Availability =>
    no(`${what} applies between repetitions; this stage matches one event (Flink: ${flink})`);
  const consecutive = single
    ? singleReason('Consecutive', 'Consecutive not applicable to Quantifier{properties=[SINGLE]}!')
    : yes;
  let allowCombinations = single
    ? singleReason('allowCombinations', 'Combinations not applicable to Quantifier{properties=[SINGLE]}!')
    : yes;
  if (!single && q.greedy)
    allowCombinations = no(
      'allowCombinations cannot be combined with greedy (Flink: Option not applicable to FollowedByAny pattern)',
    );
  const window = single
    ? singleReason('A time between repetitions', 'Window time not applicable to singleton quantifier')
    : yes;
  const until = isGroup
    ? no('Groups have no conditions of their own; put the until condition on a stage inside the group')
    : looping
      ? yes
      : no(
          'An until condition needs a looping stage: choose "one or more" or "n or more" (Flink: The until condition is only applicable to looping states.)',
        );

  return {
    kinds: { one: yes, times: yes, timesOrMore: yes, oneOrMore: yes },
    optional,
    greedy,
    consecutive,
    allowCombinations,
    window,
    until,
  };
}

/**
 * Switching the kind keeps what still applies and drops what does not, so the editor never produces
 * a quantifier Flink would refuse just because the user changed the kind.
 */
export function withKind(q: DocQuantifier, kind: QuantifierKind): DocQuantifier {
  const base: DocQuantifier = { kind, optional: q.optional, greedy: q.greedy, inner: q.inner };
  if (q.window !== undefined) base.window = q.window;
  switch (kind) {
    case 'one':
      return { kind, optional: q.optional, greedy: false, inner: 'relaxed' };
    case 'times': {
      const from = q.from !== undefined && q.from >= 1 ? q.from : 2;
      const to = q.to !== undefined && q.to >= from ? q.to : from;
      return { ...base, from, to };
    }
    case 'timesOrMore':
      return { ...base, from: q.from !== undefined && q.from >= 1 ? q.from : 2 };
    case 'oneOrMore':
      return base;
  }
}

/** The quantifier a NOT stage must have; applied when an edge becomes notNext / notFollowedBy. */
export const SINGLE_EVENT: DocQuantifier = { kind: 'one', optional: false, greedy: false, inner: 'relaxed' };

/** Flink-style notation for the badge and summaries: {3}, {2,4}, +, {2,}, ?, greedy. */
export function quantifierNotation(q: DocQuantifier): string {
  let text = '';
  if (q.kind === 'times') text = q.from === q.to ? `{${q.from ?? '?'}}` : `{${q.from ?? '?'},${q.to ?? '?'}}`;
  else if (q.kind === 'timesOrMore') text = `{${q.from ?? '?'},}`;
  else if (q.kind === 'oneOrMore') text = '+';
  if (q.optional) text += '?';
  if (q.greedy) text += ' greedy';
  return text === '' ? '1' : text;
}
