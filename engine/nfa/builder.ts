/**
 * Builds the state graph from the chain, walking it backwards exactly as Flink's NFACompiler does
 * (same state creation order, same transition order, same internal names), because observable
 * details depend on it: which states get a quantifier window, and the branch order that breaks
 * ties between matches.
 */
import type { ChainLink } from './chain';
import { TRUE_CONDITION, andCondition, notCondition } from './conditions';
import { ENDING_STATE_NAME, addTransition, type BuiltGraph, type BuiltState } from './built-graph';
import { extendWithUntil, updateWithGreedyCondition } from './edge-conditions';
import type { EdgeCondition, NfaStateKind } from './types';

export class GraphBuilder {
  private readonly states: BuiltState[] = [];
  private readonly usedNames = new Set<string>();
  private readonly stopStates = new Map<string, BuiltState>();
  private readonly windowTimes = new Map<string, number>();
  private readonly firstOfLoop = new Map<ChainLink, boolean>();
  private readonly originalStateMap = new Map<string, BuiltState>();
  private windowTime: number | undefined;
  private currentGroup: ChainLink | null = null;
  private following: ChainLink | null = null;

  constructor(private current: ChainLink) {}

  build(): BuiltGraph {
    let sink = this.createEndingState();
    sink = this.createMiddleStates(sink);
    const start = this.convertPattern(sink);
    start.kind = 'start';
    return { states: this.states, start, windowTime: this.windowTime, windowTimes: this.windowTimes };
  }

  private uniqueName(base: string): string {
    let candidate = base;
    let counter = 0;
    while (this.usedNames.has(candidate)) candidate = `${base}:${counter++}`;
    this.usedNames.add(candidate);
    return candidate;
  }

  private createNamedState(name: string, stage: string, kind: NfaStateKind): BuiltState {
    const state: BuiltState = {
      id: this.states.length,
      name: this.uniqueName(name),
      stage,
      kind,
      transitions: [],
    };
    this.states.push(state);
    return state;
  }

  /** Flink's createState(type, isTake): take-states of the current stage may carry a window. */
  private createStageState(kind: NfaStateKind, isTake: boolean): BuiltState {
    const p = this.current;
    const state = this.createNamedState(p.name, p.name, kind);
    if (isTake) {
      if (p.times === null) {
        if (p.withinPreviousAndCurrent !== undefined)
          this.windowTimes.set(state.name, p.withinPreviousAndCurrent);
      } else if (state.name.includes(':') && p.times.window !== undefined) {
        // Flink's quirk: the first state created for a quantified stage (bare name) gets no window.
        this.windowTimes.set(state.name, p.times.window);
      }
    }
    return state;
  }

  private createEndingState(): BuiltState {
    const end = this.createNamedState(ENDING_STATE_NAME, ENDING_STATE_NAME, 'final');
    this.windowTime = this.current.withinFirstAndLast;
    return end;
  }

  private createMiddleStates(sinkState: BuiltState): BuiltState {
    let lastSink = sinkState;
    while (this.current.previous !== null) {
      const p = this.current;
      if (p.strategy === 'NOT_FOLLOW') {
        if (
          (p.withinPreviousAndCurrent !== undefined || (this.windowTime ?? 0) > 0) &&
          lastSink.kind === 'final'
        ) {
          const pending = this.createStageState('pending', true);
          const notCond = this.getTakeCondition(p);
          const stop = this.createStopState(notCond, p.name);
          addTransition(pending, 'proceed', stop, notCond);
          addTransition(pending, 'ignore', pending, notCondition(notCond));
          lastSink = pending;
        }
      } else if (p.strategy === 'NOT_NEXT') {
        const notNext = this.createStageState('normal', true);
        const notCond = this.getTakeCondition(p);
        const stop = this.createStopState(notCond, p.name);
        if (lastSink.kind === 'final') addTransition(notNext, 'ignore', lastSink, notCondition(notCond));
        else addTransition(notNext, 'proceed', lastSink, notCondition(notCond));
        addTransition(notNext, 'proceed', stop, notCond);
        lastSink = notNext;
      } else {
        lastSink = this.convertPattern(lastSink);
      }
      this.following = p;
      this.current = p.previous as ChainLink;
      const w = this.current.withinFirstAndLast;
      if (w !== undefined && w < (this.windowTime ?? Number.POSITIVE_INFINITY)) this.windowTime = w;
    }
    return lastSink;
  }

  private convertPattern(sinkState: BuiltState): BuiltState {
    const p = this.current;
    let lastSink: BuiltState;
    if (p.looping) {
      this.setFirstOfLoop(false);
      const sink = this.copyWithoutTransitiveNots(sinkState);
      const looping = this.createLooping(sink);
      this.setFirstOfLoop(true);
      lastSink = this.createTimesState(looping, sinkState, p.times as NonNullable<ChainLink['times']>);
    } else if (p.timesProperty) {
      lastSink = this.createTimesState(sinkState, sinkState, p.times as NonNullable<ChainLink['times']>);
    } else {
      lastSink = this.createSingletonState(
        sinkState,
        sinkState,
        this.getTakeCondition(p),
        this.getIgnoreCondition(p),
        p.optional,
      );
    }
    this.addStopStates(lastSink);
    return lastSink;
  }

  private getCurrentNotConditions(): { condition: EdgeCondition; name: string }[] {
    const result: { condition: EdgeCondition; name: string }[] = [];
    let prev = this.current;
    while (prev.previous !== null && (prev.previous.optional || prev.previous.strategy === 'NOT_FOLLOW')) {
      prev = prev.previous;
      if (prev.strategy === 'NOT_FOLLOW')
        result.push({ condition: this.getTakeCondition(prev), name: prev.name });
    }
    return result;
  }

  private createStopState(notCond: EdgeCondition, name: string): BuiltState {
    let stop = this.stopStates.get(name);
    if (!stop) {
      stop = this.createNamedState(name, name, 'stop');
      addTransition(stop, 'take', stop, notCond);
      this.stopStates.set(name, stop);
    }
    return stop;
  }

  /** Taking an event in an optional stage forgets the NOT constraints before it: copy the sink without their stop edges. */
  private copyWithoutTransitiveNots(sinkState: BuiltState): BuiltState {
    const nots = this.getCurrentNotConditions();
    if (nots.length === 0 || !this.current.optional) return sinkState;
    const copy = this.createNamedState(sinkState.name, sinkState.stage, sinkState.kind);
    for (const t of sinkState.transitions) {
      if (t.action === 'proceed') {
        let target = t.target;
        let remove = false;
        if (target.kind === 'stop') {
          if (nots.some((n) => n.name === target.name)) remove = true;
        } else {
          target = this.copyWithoutTransitiveNots(t.target);
        }
        if (!remove) addTransition(copy, t.action, target, t.condition);
      } else {
        addTransition(copy, t.action, t.target === t.source ? copy : t.target, t.condition);
      }
    }
    return copy;
  }

  private copy(state: BuiltState): BuiltState {
    const copy = this.createNamedState(state.stage, state.stage, state.kind);
    for (const t of state.transitions)
      addTransition(copy, t.action, t.target === t.source ? copy : t.target, t.condition);
    return copy;
  }

  private addStopStates(state: BuiltState): void {
    for (const n of this.getCurrentNotConditions())
      addTransition(state, 'proceed', this.createStopState(n.condition, n.name), n.condition);
  }

  private addStopStateToLooping(state: BuiltState): void {
    const f = this.following;
    if (f !== null && f.strategy === 'NOT_FOLLOW') {
      const notCond = this.getTakeCondition(f);
      addTransition(state, 'proceed', this.createStopState(notCond, f.name), notCond);
    }
  }

  private createTimesState(
    sinkState: BuiltState,
    proceedState: BuiltState,
    times: NonNullable<ChainLink['times']>,
  ): BuiltState {
    const p = this.current;
    let lastSink = sinkState;
    this.setFirstOfLoop(false);
    const until = p.until;
    const innerIgnore = extendWithUntil(this.getInnerIgnoreCondition(p), until, false);
    const take = extendWithUntil(this.getTakeCondition(p), until, true) as EdgeCondition;
    if (p.greedy && times.from !== times.to) {
      if (until) this.originalStateMap.set(sinkState.name, this.copy(sinkState));
      updateWithGreedyCondition(sinkState, take);
    }
    for (let i = times.from; i < times.to; i++) {
      lastSink = this.createSingletonState(lastSink, proceedState, take, innerIgnore, true);
      this.addStopStateToLooping(lastSink);
    }
    for (let i = 0; i < times.from - 1; i++) {
      lastSink = this.createSingletonState(lastSink, null, take, innerIgnore, false);
      this.addStopStateToLooping(lastSink);
    }
    this.setFirstOfLoop(true);
    return this.createSingletonState(lastSink, proceedState, take, this.getIgnoreCondition(p), p.optional);
  }

  private setFirstOfLoop(value: boolean): void {
    if (this.current.group) this.firstOfLoop.set(this.current, value);
  }

  private isCurrentGroupFirstOfLoop(): boolean {
    return this.currentGroup === null ? true : (this.firstOfLoop.get(this.currentGroup) ?? true);
  }

  private headOfGroup(p: ChainLink): boolean {
    return this.currentGroup !== null && p.previous === null;
  }

  private isHeadOfOptionalGroup(p: ChainLink): boolean {
    if (!this.headOfGroup(p)) return false;
    return this.isCurrentGroupFirstOfLoop() && (this.currentGroup as ChainLink).optional;
  }

  private createSingletonState(
    sinkState: BuiltState,
    proceedState: BuiltState | null,
    take: EdgeCondition,
    ignore: EdgeCondition | null,
    isOptional: boolean,
  ): BuiltState {
    const p = this.current;
    if (p.group) return this.createGroupPatternState(p, sinkState, proceedState, isOptional);
    const single = this.createStageState('normal', true);
    const sink = this.copyWithoutTransitiveNots(sinkState);
    addTransition(single, 'take', sink, take);
    const proceedCond = this.getTrueFunction();
    if (isOptional && proceedState) {
      if (p.greedy) {
        const until = p.until;
        const original = this.originalStateMap.get(proceedState.name);
        if (until && original) addTransition(single, 'proceed', original, andCondition(proceedCond, until));
        addTransition(
          single,
          'proceed',
          proceedState,
          until ? andCondition(proceedCond, notCondition(until)) : proceedCond,
        );
      } else {
        addTransition(single, 'proceed', proceedState, proceedCond);
      }
    }
    if (ignore !== null) {
      let ignoreState: BuiltState;
      if (isOptional || this.isHeadOfOptionalGroup(p)) {
        ignoreState = this.createStageState('normal', false);
        addTransition(ignoreState, 'take', sink, take);
        addTransition(ignoreState, 'ignore', ignoreState, ignore);
        this.addStopStates(ignoreState);
      } else {
        ignoreState = single;
      }
      addTransition(single, 'ignore', ignoreState, ignore);
    }
    return single;
  }

  private createGroupPatternState(
    group: ChainLink,
    sinkState: BuiltState,
    proceedState: BuiltState | null,
    isOptional: boolean,
  ): BuiltState {
    const proceedCond = this.getTrueFunction();
    const saved = { current: this.current, following: this.following, group: this.currentGroup };
    this.currentGroup = group;
    this.current = group.group as ChainLink;
    let lastSink = this.createMiddleStates(sinkState);
    lastSink = this.convertPattern(lastSink);
    if (isOptional && proceedState) addTransition(lastSink, 'proceed', proceedState, proceedCond);
    this.current = saved.current;
    this.following = saved.following;
    this.currentGroup = saved.group;
    return lastSink;
  }

  private createLoopingGroupPatternState(group: ChainLink, sinkState: BuiltState): BuiltState {
    const proceedCond = this.getTrueFunction();
    const saved = { current: this.current, following: this.following, group: this.currentGroup };
    const dummy = this.createStageState('normal', true);
    this.currentGroup = group;
    this.current = group.group as ChainLink;
    let lastSink = this.createMiddleStates(dummy);
    lastSink = this.convertPattern(lastSink);
    addTransition(lastSink, 'proceed', sinkState, proceedCond);
    addTransition(dummy, 'proceed', lastSink, proceedCond);
    this.current = saved.current;
    this.following = saved.following;
    this.currentGroup = saved.group;
    return lastSink;
  }

  private createLooping(sinkState: BuiltState): BuiltState {
    const p = this.current;
    if (p.group) return this.createLoopingGroupPatternState(p, sinkState);
    const until = p.until;
    const ignore = extendWithUntil(this.getInnerIgnoreCondition(p), until, false);
    const take = extendWithUntil(this.getTakeCondition(p), until, true) as EdgeCondition;
    const proceedCond = this.getTrueFunction();
    const looping = this.createStageState('normal', true);
    if (p.greedy) {
      if (until) {
        const sinkCopy = this.copy(sinkState);
        addTransition(looping, 'proceed', sinkCopy, andCondition(proceedCond, until));
        this.originalStateMap.set(sinkState.name, sinkCopy);
      }
      addTransition(
        looping,
        'proceed',
        sinkState,
        until ? andCondition(proceedCond, notCondition(until)) : proceedCond,
      );
      updateWithGreedyCondition(sinkState, this.getTakeCondition(p));
    } else {
      addTransition(looping, 'proceed', sinkState, proceedCond);
    }
    addTransition(looping, 'take', looping, take);
    this.addStopStateToLooping(looping);
    if (ignore !== null) {
      const ignoreState = this.createStageState('normal', false);
      addTransition(ignoreState, 'take', looping, take);
      addTransition(ignoreState, 'ignore', ignoreState, ignore);
      addTransition(looping, 'ignore', ignoreState, ignore);
      this.addStopStateToLooping(ignoreState);
    }
    return looping;
  }

  private ignoreFor(strategy: string, p: ChainLink): EdgeCondition | null {
    let ignore: EdgeCondition | null = null;
    if (strategy === 'SKIP_TILL_NEXT') ignore = notCondition(p.condition);
    else if (strategy === 'SKIP_TILL_ANY') ignore = TRUE_CONDITION;
    if (this.currentGroup?.until) ignore = extendWithUntil(ignore, this.currentGroup.until, false);
    return ignore;
  }

  private getInnerIgnoreCondition(p: ChainLink): EdgeCondition | null {
    const strategy = this.headOfGroup(p) ? (this.currentGroup as ChainLink).inner : p.inner;
    return this.ignoreFor(strategy, p);
  }

  private getIgnoreCondition(p: ChainLink): EdgeCondition | null {
    let strategy: string = p.strategy;
    if (this.headOfGroup(p)) {
      const g = this.currentGroup as ChainLink;
      strategy = this.isCurrentGroupFirstOfLoop() ? g.strategy : g.inner;
    }
    return this.ignoreFor(strategy, p);
  }

  private getTakeCondition(p: ChainLink): EdgeCondition {
    const untilOfGroup = this.currentGroup?.until;
    return untilOfGroup ? (extendWithUntil(p.condition, untilOfGroup, true) as EdgeCondition) : p.condition;
  }

  private getTrueFunction(): EdgeCondition {
    const untilOfGroup = this.currentGroup?.until;
    return untilOfGroup
      ? (extendWithUntil(TRUE_CONDITION, untilOfGroup, true) as EdgeCondition)
      : TRUE_CONDITION;
  }
}
