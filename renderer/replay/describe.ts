/** Words for the replay debugger: breakpoints, discard reasons, positions. */
import type { Breakpoint, DiscardKind } from '../../engine/debug';
import type { StepReport } from '../../electron/contract';
import { formatCount, formatTime } from '../recordings/format';

export const DISCARD_TEXT: Record<DiscardKind, string> = {
  window: 'within expired',
  until: 'stopped by until',
  'not-stage': 'blocked by a not-stage',
  skip: 'consumed by the skip strategy',
  contiguity: 'contiguity broken',
  condition: 'no transition applied',
  cap: 'partial-match limit',
};

export function describeBreakpoint(bp: Breakpoint): string {
  switch (bp.kind) {
    case 'enter-stage':
      return `A partial match enters “${bp.stage}”`;
    case 'match':
      return 'A match completes';
    case 'discard':
      return bp.reasons && bp.reasons.length > 0
        ? `A partial match is discarded (${bp.reasons.map((r) => DISCARD_TEXT[r]).join(', ')})`
        : 'A partial match is discarded (any reason)';
    case 'partial-count':
      return `A key holds more than ${bp.above} partial matches`;
    case 'event':
      return `An event satisfies ${bp.expression}`;
    case 'watermark':
      return `The watermark passes ${formatTime(bp.passes)}`;
  }
}

/** "Event 12 of 2,014" (events count from 1, so the last is "2,014 of 2,014") / "Before the first event" / "End of input". */
export function describePosition(report: StepReport): string {
  if (report.position === 0) return 'Before the first event';
  if (report.endOfInput)
    return report.time === 'event' ? 'End of input (all windows closed)' : 'End of input (timers stop)';
  const events = report.total - 1;
  return `Event ${formatCount(report.position)} of ${formatCount(events)}`;
}
