/**
 * Contiguity choices for an edge, with what each means and, when Flink would refuse it here, why.
 * Mirrors the NOT-stage rules of engine/nfa/validate.ts and compile.ts.
 */
import type { PatternDocument, PatternEdge } from '../../../engine/format/schema';
import type { Contiguity } from '../../../engine/pattern/spec';
import { isOptionalish, type Availability } from './quantifier-rules';
import { nodeContext } from './stage-context';

export const CONTIGUITY_CHOICES: readonly { value: Contiguity; label: string; hint: string }[] = [
  { value: 'next', label: 'next', hint: 'Strict: the very next event must match' },
  { value: 'followedBy', label: 'followedBy', hint: 'Relaxed: skips events that do not match' },
  {
    value: 'followedByAny',
    label: 'followedByAny',
    hint: 'Non-deterministic relaxed: also tries later matching events',
  },
  { value: 'notNext', label: 'notNext', hint: 'NOT: the very next event must not match' },
  {
    value: 'notFollowedBy',
    label: 'notFollowedBy',
    hint: 'NOT: no matching event may come before the next stage',
  },
];

export function contiguityOptions(doc: PatternDocument, edge: PatternEdge): Record<Contiguity, Availability> {
  const yes: Availability = { enabled: true };
  const target = nodeContext(doc, edge.to);
  const source = nodeContext(doc, edge.from);
  let not: Availability = yes;
  if (target?.node.kind === 'group')
    not = {
      enabled: false,
      reason: 'A group cannot be a NOT stage (Flink: NOT stages do not accept a group pattern)',
    };
  else if (target && target.node.quantifier.kind !== 'one')
    not = {
      enabled: false,
      reason: `"${target.node.name}" repeats; a NOT stage matches exactly one event. Set its quantifier to "exactly once" first (Flink: Option not applicable to NOT pattern)`,
    };
  else if (target?.node.quantifier.optional)
    not = {
      enabled: false,
      reason: `"${target.node.name}" is optional; a NOT stage cannot be (Flink: NOT pattern cannot be optional)`,
    };
  else if (source && isOptionalish(source.node.quantifier))
    not = {
      enabled: false,
      reason: `"${source.node.name}" is optional, and a NOT stage cannot follow an optional stage (Flink: Specifying a pattern with an optional path to NOT condition is not supported yet)`,
    };
  let notFollowedBy = not;
  const isLast = target !== null && target.outgoing === null && target.groupId === null;
  if (
    not.enabled &&
    isLast &&
    !doc.settings.within &&
    !(target.node.kind === 'stage' && target.node.withinPreviousAndCurrentMs)
  )
    notFollowedBy = {
      enabled: false,
      reason:
        'A notFollowedBy stage can end a pattern only when the pattern has a time window: set "Within" in the pattern settings first (Flink: NotFollowedBy is not supported without windowTime as a last part of a Pattern!)',
    };
  return { next: yes, followedBy: yes, followedByAny: yes, notNext: not, notFollowedBy };
}
