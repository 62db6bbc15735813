/** Maps a contract call (arguments already validated) onto a session host. */
import {
  CepError,
  type ExportResultsArgs,
  type ResultsArgs,
  type RunReplayArgs,
  type SeekReplayArgs,
  type SetBreakpointsArgs,
  type StepReplayArgs,
  type TimelineArgs,
  type WhyNotArgs,
} from '../../contract';
import type { SessionHost } from './session-host';

export async function dispatch(host: SessionHost, method: string, args: unknown): Promise<unknown> {
  const s = host.session;
  switch (method) {
    case 'info':
      return host.info();
    case 'step':
      return (args as StepReplayArgs).direction === 'forward' ? s.stepForward() : s.stepBack();
    case 'seek': {
      const a = args as SeekReplayArgs;
      if (a.position !== undefined) return s.seek(a.position, a.focusSeq);
      if (a.index !== undefined) {
        if (a.index >= s.total - 1)
          throw new CepError(
            'invalid-arguments',
            `Event #${a.index + 1} is not in the recording (it has ${s.total - 1} events)`,
            [{ path: ['index'], message: 'out of range' }],
          );
        return s.seekEvent(a.index);
      }
      return s.seekTime(a.ts as number);
    }
    case 'run':
      return host.run((args as RunReplayArgs).until);
    case 'cancel':
      return host.cancel();
    case 'setBreakpoints': {
      const diagnostics = s.setBreakpoints((args as SetBreakpointsArgs).breakpoints);
      if (diagnostics.length > 0)
        throw new CepError(
          'invalid-arguments',
          diagnostics.map((d) => d.message).join('; '),
          diagnostics.map((d) => ({ path: ['breakpoints'], message: d.message, code: d.code })),
        );
      return undefined;
    }
    case 'whyNot': {
      const a = args as WhyNotArgs;
      try {
        return s.whyNot(a.seq, a.stage);
      } catch (e) {
        throw new CepError('invalid-arguments', e instanceof Error ? e.message : String(e));
      }
    }
    case 'nearMisses':
      return host.analysis.nearMissList();
    case 'timeline': {
      const a = args as TimelineArgs;
      return host.analysis.timeline(a.maxPoints ?? 1000, a.maxMarkers ?? 1000);
    }
    case 'results': {
      const a = args as ResultsArgs;
      return host.analysis.resultsPage(a.offset, a.limit, a.kind);
    }
    case 'exportResults':
      return host.exportResults(args as ExportResultsArgs);
    default:
      throw new CepError('unknown-method', `replay.${method} is not a replay method`);
  }
}
