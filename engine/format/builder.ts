/**
 * A fluent builder that reads like Flink's Pattern API:
 *
 *   Pattern.begin('start').where("name == 'a'")
 *     .followedBy('middle').where('price > 10').oneOrMore().greedy()
 *     .notFollowedBy('cancel').where("name == 'x'")
 *     .next('end').within(10_000)
 *     .toDocument({ name: 'Example' })
 *
 * Calls that shape the current stage (where, or, quantifiers, …) act on the last stage added, as in
 * Flink. The builder raises Flink's own builder errors (PatternBuildError) for misuse that would
 * otherwise be silently lost, such as a second quantifier; semantic rules are left to the compiler.
 */
import type { PatternSpec, Quantifier, SkipStrategy, StageSpec, WithinType } from '../pattern/spec';
import type { PatternDocument } from './schema';
import { specToDocument, type SpecToDocumentOptions } from './from-spec';

export class PatternBuildError extends Error {
  constructor(
    message: string,
    /** The Flink exception this mirrors. */
    readonly flinkError: string,
  ) {
    super(message);
    this.name = 'PatternBuildError';
  }
}

export type SkipInput = SkipStrategy | 'NO_SKIP' | 'SKIP_TO_NEXT' | 'SKIP_PAST_LAST_EVENT';

const malformed = (m: string): PatternBuildError => new PatternBuildError(m, 'MalformedPatternException');

const DEFAULT_GROUP_NAME = 'GroupPattern';

interface StageState {
  spec: StageSpec;
  quantified: boolean;
  optionalApplied: boolean;
}

export class Pattern {
  private readonly stages: StageState[] = [];
  private skipStrategy: SkipStrategy = { kind: 'NO_SKIP' };
  private windowMs: number | undefined;

  private constructor() {}

  /** The first stage: a named stage, or a group built from another Pattern. */
  static begin(nameOrGroup: string | Pattern, skip?: SkipInput, groupName?: string): Pattern {
    const p = new Pattern();
    if (skip !== undefined) p.skip(skip);
    return p.add('begin', nameOrGroup, groupName);
  }

  next(nameOrGroup: string | Pattern, groupName?: string): this {
    return this.add('next', nameOrGroup, groupName);
  }
  followedBy(nameOrGroup: string | Pattern, groupName?: string): this {
    return this.add('followedBy', nameOrGroup, groupName);
  }
  followedByAny(nameOrGroup: string | Pattern, groupName?: string): this {
    return this.add('followedByAny', nameOrGroup, groupName);
  }
  notNext(name: string): this {
    return this.add('notNext', name);
  }
  notFollowedBy(name: string): this {
    return this.add('notFollowedBy', name);
  }

  /** ANDs a condition onto the current one: where(A).or(B).where(C) is (A || B) && C. */
  where(condition: string): this {
    const s = this.current('where').spec;
    const existing = alternatives(s);
    if (existing.length === 0) s.where = condition;
    else
      s.where = `${existing.length === 1 ? paren(existing[0]) : `(${existing.map(paren).join(' || ')})`} && ${paren(condition)}`;
    delete s.or;
    return this;
  }

  /** ORs a condition onto the current one; without a previous condition it becomes the condition. */
  or(condition: string): this {
    const s = this.current('or').spec;
    if (s.where === undefined) s.where = condition;
    else s.or = [...(s.or ?? []), condition];
    return this;
  }

  until(condition: string): this {
    const s = this.current().spec;
    if (s.until !== undefined) throw malformed('Only one until condition can be applied.');
    if (s.quantifier.kind !== 'oneOrMore' && s.quantifier.kind !== 'timesOrMore')
      throw malformed('The until condition is only applicable to looping states.');
    s.until = condition;
    return this;
  }

  oneOrMore(windowMs?: number): this {
    return this.quantify({ kind: 'oneOrMore', from: 1 }, windowMs);
  }

  timesOrMore(n: number, windowMs?: number): this {
    if (!Number.isInteger(n) || n <= 0)
      throw new PatternBuildError(
        'The from should be a positive number greater than 0.',
        'IllegalArgumentException',
      );
    return this.quantify({ kind: 'timesOrMore', from: n }, windowMs);
  }

  /** times(n), times(from, to), times(from, to, windowMs). times(0, to) is Flink's optional range. */
  times(from: number, to?: number, windowMs?: number): this {
    if (to === undefined) {
      if (!Number.isInteger(from) || from <= 0)
        throw new PatternBuildError(
          'You should give a positive number greater than 0.',
          'IllegalArgumentException',
        );
      return this.quantify({ kind: 'times', from, to: from }, windowMs);
    }
    if (!Number.isInteger(from) || from < 0)
      throw new PatternBuildError(
        'The from should be a positive number greater than 0.',
        'IllegalArgumentException',
      );
    if (!Number.isInteger(to) || to < from)
      throw new PatternBuildError(
        `The to should be a number greater than or equal to from: ${from}.`,
        'IllegalArgumentException',
      );
    return this.quantify({ kind: 'times', from, to }, windowMs);
  }

  optional(): this {
    const st = this.current();
    if (st.optionalApplied || st.spec.quantifier.optional) throw malformed('Optional already applied!');
    st.optionalApplied = true;
    st.spec.quantifier.optional = true;
    return this;
  }

  greedy(): this {
    this.current().spec.quantifier.greedy = true;
    return this;
  }

  consecutive(): this {
    return this.inner('consecutive', 'Consecutive');
  }

  allowCombinations(): this {
    return this.inner('allowCombinations', 'Combinations');
  }

  /** FIRST_AND_LAST sets the pattern's window (the minimum wins, as in Flink); PREVIOUS_AND_CURRENT limits the current stage. */
  within(ms: number, type: WithinType = 'FIRST_AND_LAST'): this {
    if (type === 'PREVIOUS_AND_CURRENT') this.current().spec.withinPreviousAndCurrent = ms;
    else this.windowMs = this.windowMs === undefined ? ms : Math.min(this.windowMs, ms);
    return this;
  }

  skip(strategy: SkipInput): this {
    this.skipStrategy = typeof strategy === 'string' ? { kind: strategy } : { ...strategy };
    return this;
  }

  toSpec(): PatternSpec {
    const spec: PatternSpec = { stages: this.stageSpecs(), skip: { ...this.skipStrategy } };
    if (this.windowMs !== undefined) spec.within = { ms: this.windowMs, type: 'FIRST_AND_LAST' };
    return spec;
  }

  toDocument(opts: SpecToDocumentOptions = {}): PatternDocument {
    return specToDocument(this.toSpec(), opts);
  }

  private stageSpecs(): StageSpec[] {
    return this.stages.map((s) => structuredCloneSpec(s.spec));
  }

  private add(contiguity: StageSpec['contiguity'], nameOrGroup: string | Pattern, groupName?: string): this {
    if (this.stages.length > 0 && (contiguity === 'notNext' || contiguity === 'notFollowedBy')) {
      const prev = this.stages[this.stages.length - 1].spec;
      if (prev.quantifier.optional)
        throw new PatternBuildError(
          'Specifying a pattern with an optional path to NOT condition is not supported yet. You can simulate such pattern with two independent patterns, one with and the other without the optional part.',
          'UnsupportedOperationException',
        );
    }
    const quantifier: Quantifier = { kind: 'one', optional: false, greedy: false, inner: 'relaxed' };
    const spec: StageSpec =
      typeof nameOrGroup === 'string'
        ? { name: nameOrGroup, contiguity, quantifier }
        : {
            name: groupName ?? DEFAULT_GROUP_NAME,
            contiguity,
            quantifier,
            group: { stages: nameOrGroup.stageSpecs() },
          };
    this.stages.push({ spec, quantified: false, optionalApplied: false });
    return this;
  }

  private current(conditionCall?: 'where' | 'or'): StageState {
    const st = this.stages[this.stages.length - 1];
    if (conditionCall && st.spec.group)
      throw new PatternBuildError(
        `GroupPattern does not support ${conditionCall} clause.`,
        'UnsupportedOperationException',
      );
    return st;
  }

  private quantify(q: Pick<Quantifier, 'kind' | 'from' | 'to'>, windowMs?: number): this {
    const st = this.current();
    const notStage = st.spec.contiguity === 'notNext' || st.spec.contiguity === 'notFollowedBy';
    if (notStage) throw malformed('Option not applicable to NOT pattern');
    if (st.quantified)
      throw malformed(
        `Already applied quantifier to this Pattern. Current quantifier is: ${st.spec.quantifier.kind}`,
      );
    st.quantified = true;
    const target = st.spec.quantifier;
    target.kind = q.kind;
    if (q.kind === 'times' && q.from === 0) {
      // Flink's times(0, n) is an optional times(1, n); keep the 0 the spec documents as that meaning.
      target.from = 0;
    } else if (q.from !== undefined) target.from = q.from;
    if (q.to !== undefined) target.to = q.to;
    if (windowMs !== undefined) target.window = windowMs;
    return this;
  }

  private inner(inner: 'consecutive' | 'allowCombinations', word: 'Consecutive' | 'Combinations'): this {
    const q = this.current().spec.quantifier;
    if (q.kind === 'one') throw malformed(`${word} not applicable to ${q.kind}!`);
    if (q.inner === inner) throw malformed(`${word} already applied!`);
    if (q.inner !== 'relaxed') throw malformed('You can apply either combinations or consecutive, not both!');
    q.inner = inner;
    return this;
  }
}

function alternatives(s: StageSpec): string[] {
  return [s.where, ...(s.or ?? [])].filter((c): c is string => c !== undefined);
}

function paren(c: string): string {
  return /^[\w.]+$/.test(c.trim()) ? c : `(${c})`;
}

function structuredCloneSpec(s: StageSpec): StageSpec {
  const out: StageSpec = { ...s, quantifier: { ...s.quantifier } };
  if (s.or) out.or = [...s.or];
  if (s.group) out.group = { stages: s.group.stages.map(structuredCloneSpec) };
  return out;
}
