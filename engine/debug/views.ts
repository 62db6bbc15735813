/** Conversions from engine values to the debugger's plain views. */
import type { PartialMatchInfo } from '../nfa/introspect';
import type { MatcherOutput } from '../nfa/matcher-types';
import type { Match } from '../nfa/types';
import { eventLabel } from './event-label';
import type { TimeText } from './time-text';
import type { BoundStage, OutputView, PartialMatchView } from './types';

export function boundOf(match: Match | undefined): BoundStage[] {
  return match ? match.stages.map((s) => ({ stage: s.stage, seqs: s.events.map((e) => e.seq) })) : [];
}

/** Finite numbers only cross JSON intact: ±∞ watermarks become null. */
export function finiteOrNull(t: number): number | null {
  return Number.isFinite(t) ? t : null;
}

export function outputView(o: MatcherOutput, text: TimeText): OutputView {
  switch (o.kind) {
    case 'match':
    case 'timeout':
      return { kind: o.kind, key: o.key, timestamp: o.timestamp, bound: boundOf(o.match) };
    case 'late':
      return {
        kind: 'late',
        key: o.key,
        timestamp: o.timestamp,
        seq: o.event.seq,
        message: `event ${eventLabel(o.event.seq)} at ${text.at(o.timestamp)} is not after the watermark ${text.at(o.watermark)}`,
      };
    case 'warning':
      return { kind: 'warning', key: o.key, timestamp: o.timestamp, message: o.message };
    case 'error':
      return { kind: 'error', key: o.key, timestamp: o.timestamp, message: o.message };
  }
}

export function partialView(key: string, p: PartialMatchInfo, now: number): PartialMatchView {
  const view: PartialMatchView = {
    runId: p.runId,
    key,
    stage: p.stage,
    state: p.state,
    held: p.held,
    bound: boundOf(p.match),
    startTimestamp: p.startTimestamp,
    lastTimestamp: p.lastTimestamp,
  };
  if (p.windowDeadline !== undefined) {
    view.deadline = p.windowDeadline;
    if (Number.isFinite(now)) view.timeLeftMs = p.windowDeadline - now;
  }
  return view;
}
