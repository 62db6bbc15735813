/**
 * describePattern: one plain-language sentence for reviewers who do not read Flink, e.g.
 * `a "small" event where amount < 1, then within 10 minutes a "large" event where amount > 10000, by the same cardId.`
 */
import type { StageSpec } from '../pattern/spec';
import { durationText } from './phrases';
import type { PatternDocument } from './schema';
import { documentToSpec } from './to-spec';

function conditionText(s: StageSpec): string {
  const alternatives = [s.where ?? '', ...(s.or ?? [])].filter((c) => c.trim() !== '');
  if (alternatives.length === 0) return '';
  if (alternatives.length === 1) return ` where ${alternatives[0]}`;
  return ` where ${alternatives.map((c) => `(${c})`).join(' or ')}`;
}

/** `a "x" event`, `2 to 4 "x" events`, `optionally one or more "x" events`. */
function countedNoun(s: StageSpec, noun: string): string {
  const q = s.quantifier;
  const opt = q.optional ? 'optionally ' : '';
  switch (q.kind) {
    case 'one':
      return `${opt}${/^"?[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
    case 'times':
      if (q.from === 0) return `up to ${q.to ?? '?'} ${noun}s`;
      return `${opt}${q.from === q.to ? `${q.from ?? '?'}` : `${q.from ?? '?'} to ${q.to ?? '?'}`} ${noun}s`;
    case 'timesOrMore':
      return `${opt}${q.from ?? '?'} or more ${noun}s`;
    case 'oneOrMore':
      return q.optional ? `zero or more ${noun}s` : `one or more ${noun}s`;
  }
}

/** "2 to 3 times ", "optionally ", "" — put before "the group …". */
function groupCount(s: StageSpec): string {
  const q = s.quantifier;
  const opt = q.optional ? 'optionally ' : '';
  switch (q.kind) {
    case 'one':
      return opt;
    case 'times':
      if (q.from === 0) return `up to ${q.to ?? '?'} times `;
      return `${opt}${q.from === q.to ? `${q.from ?? '?'}` : `${q.from ?? '?'} to ${q.to ?? '?'}`} times `;
    case 'timesOrMore':
      return `${opt}${q.from ?? '?'} or more times `;
    case 'oneOrMore':
      return q.optional ? 'zero or more times ' : 'one or more times ';
  }
}

function loopExtras(s: StageSpec): string {
  const q = s.quantifier;
  const parts: string[] = [];
  if (q.inner === 'consecutive') parts.push(' in a row');
  if (q.inner === 'allowCombinations') parts.push(' (any combination of them)');
  if (q.window !== undefined) parts.push(`, each within ${durationText(q.window)} of the previous`);
  if (q.greedy) parts.push(', taking as many as possible');
  if (s.until) parts.push(`, until ${s.until}`);
  return parts.join('');
}

function stageText(s: StageSpec): string {
  if (s.group) return `${groupCount(s)}the group "${s.name}" (${chainText(s.group.stages)})${loopExtras(s)}`;
  const noun = `"${s.name}" event`;
  if (s.contiguity === 'notNext' || s.contiguity === 'notFollowedBy')
    return `${countedNoun({ ...s, quantifier: { ...s.quantifier, kind: 'one', optional: false } }, noun)}${conditionText(s)}`;
  const wpc =
    s.withinPreviousAndCurrent !== undefined
      ? ` within ${durationText(s.withinPreviousAndCurrent)} of the previous event`
      : '';
  return `${countedNoun(s, noun)}${conditionText(s)}${loopExtras(s)}${wpc}`;
}

function chainText(stages: StageSpec[], windowAfterFirst?: string): string {
  let out = '';
  stages.forEach((s, i) => {
    const text = stageText(s);
    const isLast = i === stages.length - 1;
    if (i === 0) {
      out = text;
      return;
    }
    const window = i === 1 && windowAfterFirst ? `${windowAfterFirst} ` : '';
    switch (s.contiguity) {
      case 'next':
      case 'begin':
        out += `, immediately followed by ${window}${text}`;
        break;
      case 'followedBy':
        out += `, then ${window}${text}`;
        break;
      case 'followedByAny':
        out += `, then ${window}any later ${text.replace(/^an? /, '')}`;
        break;
      case 'notNext':
        out += `, not immediately followed by ${text}`;
        break;
      case 'notFollowedBy':
        out += isLast
          ? `, with no ${text.replace(/^an? /, '')} afterwards`
          : `, with no ${text.replace(/^an? /, '')} before what follows`;
        break;
    }
  });
  return out;
}

export function describePattern(doc: PatternDocument): string {
  const lowered = documentToSpec(doc);
  if (!lowered.ok)
    return `This pattern is not complete yet: ${lowered.diagnostics[0]?.message ?? 'its graph is not a single chain.'}`;
  const { stages } = lowered.spec;
  const within = doc.settings.within;
  let windowAfterFirst: string | undefined;
  let tail = '';
  if (within && within.type === 'FIRST_AND_LAST') {
    // "then within 10 minutes X" reads right only for relaxed contiguity; otherwise say it at the end.
    const relaxed = stages[1]?.contiguity === 'followedBy' || stages[1]?.contiguity === 'followedByAny';
    if (stages.length === 2 && relaxed) windowAfterFirst = `within ${durationText(within.ms)}`;
    else tail += `, all within ${durationText(within.ms)}`;
  } else if (within) {
    tail += `, with at most ${durationText(within.ms)} before the last stage`;
  }
  if (doc.settings.partitionKey) tail += `, by the same ${doc.settings.partitionKey}`;
  const sentence = `${chainText(stages, windowAfterFirst)}${tail}.`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
