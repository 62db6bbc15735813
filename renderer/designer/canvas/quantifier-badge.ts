/** Compact regex-like quantifier notation for node cards: `{3}` `{2,4}` `{2,}` `+` `?` and "greedy". */
import type { DocQuantifier } from '../../../engine/format/schema';

export function quantifierBadge(q: DocQuantifier): string {
  let text = '';
  if (q.kind === 'oneOrMore') text = '+';
  else if (q.kind === 'timesOrMore') text = `{${q.from ?? 1},}`;
  else if (q.kind === 'times')
    text = q.from === q.to ? `{${q.from ?? '?'}}` : `{${q.from ?? '?'},${q.to ?? '?'}}`;
  if (q.optional) text += '?';
  return text;
}

/** The inner contiguity of a looping stage, when it is not the default. */
export function innerBadge(q: DocQuantifier): string | null {
  if (q.kind === 'one') return null;
  return q.inner === 'relaxed' ? null : q.inner;
}
