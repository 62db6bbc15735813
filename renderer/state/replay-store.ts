/**
 * The replay debugger's session state: which recording the open pattern replays, the back-end
 * session (replay.*), the current step report, play/pause, breakpoints, why-not, near misses and
 * the timeline. Every move goes through the real engine in the back end; nothing here simulates.
 *
 * Calls are serialized (a held-down arrow key must not interleave seeks), and answers for a closed
 * or replaced session are dropped.
 *
 * Other features read two derived slices: `nodeOverlay` (per canvas node: counts and "occupied")
 * and `conditionValues` (per node: each condition's value on the current event, for inline display).
 */
import { create } from 'zustand';
import {
  CepError,
  type Breakpoint,
  type BreakpointHit,
  type CepApi,
  type NearMissList,
  type ReplayRunResult,
  type ReplaySessionInfo,
  type StepReport,
  type TimelineData,
  type WhyNotVerdict,
} from '../../electron/contract';
import type { PatternDocument } from '../../engine/format/schema';
import {
  deriveConditionValues,
  deriveNodeOverlay,
  type ConditionValue,
  type NodeOverlay,
} from '../replay/overlay';
import { PlayLoop } from '../replay/play-loop';

export type { ConditionValue, NodeOverlay };

export type ReplayStatus = 'idle' | 'opening' | 'ready' | 'error';

/** What the Results tab lists. */
export type ResultsKind = 'all' | 'match' | 'timeout' | 'late';

/** Steps per second while playing. */
export const PLAY_SPEEDS = [1, 2, 5, 10, 25, 50, 100] as const;

export interface SeekTarget {
  index?: number;
  ts?: number;
  position?: number;
  /** With position: the event the step is about (see StepReport.focus). */
  focusSeq?: number;
}

export interface ReplayState {
  /** Recording chosen per pattern id (remembered across sessions). */
  recordingByPattern: Record<string, number>;
  status: ReplayStatus;
  error: CepError | null;
  session: ReplaySessionInfo | null;
  /** The pattern the session replays, and the document it was opened with (to notice later edits). */
  patternId: string | null;
  openedDocument: PatternDocument | null;
  report: StepReport | null;
  /** A move is in flight. */
  busy: boolean;
  playing: boolean;
  speed: number;
  breakpoints: Breakpoint[];
  breakpointError: string | null;
  lastHit: BreakpointHit | null;
  /** "Reached the end" / "cancelled" messages of the last run. */
  runNote: string | null;
  /** A run to the end or to a breakpoint in progress (cancel with Esc), with how far it got. */
  running: { until: 'end' | 'breakpoint'; done: number; total: number } | null;
  analysis: { done: number; total: number } | null;
  timeline: TimelineData | null;
  nearMisses: NearMissList | null;
  whyNot: WhyNotVerdict | null;
  whyNotError: string | null;
  /** Event picked for "why not?" (defaults to the current event). */
  pickedSeq: number | null;
  /** The Results tab's filter (the toolbar's "late" pill sets it). */
  resultsKind: ResultsKind;
  nodeOverlay: Record<string, NodeOverlay>;
  conditionValues: Record<string, ConditionValue[]>;

  chooseRecording(patternId: string, recordingId: number | null): void;
  /** Opens a session; `at` is a step to return to once open (a restart keeps the user's place). */
  open(
    api: CepApi,
    patternId: string,
    recordingId: number,
    document?: PatternDocument | null,
    at?: number,
  ): Promise<void>;
  close(api: CepApi): Promise<void>;
  step(api: CepApi, direction: 'forward' | 'back'): Promise<void>;
  seek(api: CepApi, target: SeekTarget): Promise<void>;
  /** Seeks for a timeline drag: the newest position wins, positions passed meanwhile are skipped. */
  scrubTo(api: CepApi, position: number, final: boolean): Promise<void>;
  run(api: CepApi, until: 'end' | 'breakpoint'): Promise<void>;
  cancelRun(api: CepApi): Promise<void>;
  setPlaying(api: CepApi, playing: boolean): void;
  setSpeed(speed: number): void;
  /**
   * Replaces the breakpoints. The session checks them first: a list it refuses is not kept (the
   * previous one stays) and the answer is its reason, else null.
   */
  setBreakpoints(api: CepApi, breakpoints: Breakpoint[]): Promise<string | null>;
  askWhyNot(api: CepApi, seq: number, stage: string): Promise<void>;
  pickSeq(seq: number | null): void;
  setResultsKind(kind: ResultsKind): void;
  refreshAnalysis(api: CepApi): Promise<void>;
  onProgress(sessionId: string, phase: 'analysis' | 'run', done: number, total: number): void;
}

const RECORDING_KEY = 'cepheus.replay.recordings';

function readRecordingChoices(): Record<string, number> {
  try {
    const raw = localStorage.getItem(RECORDING_KEY);
    return raw ? (JSON.parse(raw) as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/**
 * One move at a time; at most a few queued, the rest dropped (clicks on the timeline). Step presses
 * are not dropped: while a move is in flight they add up, and are sent as one move.
 */
let chain: Promise<unknown> = Promise.resolve();
let queued = 0;
/** Everything an open replay session holds, as it is with none open (initial state and close). */
function noSession(): Pick<
  ReplayState,
  | 'session'
  | 'report'
  | 'busy'
  | 'playing'
  | 'lastHit'
  | 'runNote'
  | 'running'
  | 'analysis'
  | 'timeline'
  | 'nearMisses'
  | 'whyNot'
  | 'whyNotError'
  | 'pickedSeq'
  | 'nodeOverlay'
  | 'conditionValues'
> {
  return {
    session: null,
    report: null,
    busy: false,
    playing: false,
    lastHit: null,
    runNote: null,
    running: null,
    analysis: null,
    timeline: null,
    nearMisses: null,
    whyNot: null,
    whyNotError: null,
    pickedSeq: null,
    nodeOverlay: {},
    conditionValues: {},
  };
}

const MAX_QUEUED = 3;
function serialized<T>(task: () => Promise<T>): Promise<T | undefined> {
  if (queued >= MAX_QUEUED) return Promise.resolve(undefined);
  queued += 1;
  const next = chain.then(task, task).finally(() => {
    queued -= 1;
  });
  chain = next.catch(() => undefined);
  return next;
}

let playLoop: PlayLoop | null = null;

/** → / ← presses not sent yet (net steps), and whether a step move is in flight. */
const held = { delta: 0, busy: false };

/** The timeline drag's newest target and whether a seek for it is in flight. */
const scrub = { target: null as number | null, busy: false };

export const useReplayStore = create<ReplayState>()((set, get) => {
  /** Applies a report of the current session (ignored when the session changed meanwhile). */
  const applyReport = (sessionId: string, report: StepReport, extra: Partial<ReplayState> = {}) => {
    const { session } = get();
    if (session?.sessionId !== sessionId) return;
    set({
      report,
      nodeOverlay: deriveNodeOverlay(report),
      conditionValues: deriveConditionValues(report, session.stages),
      ...extra,
    });
  };

  const move = async (
    api: CepApi,
    call: (sessionId: string) => Promise<StepReport>,
    extra: Partial<ReplayState> = {},
  ) => {
    const { session } = get();
    if (!session) return;
    const { sessionId } = session;
    await serialized(async () => {
      if (get().session?.sessionId !== sessionId) return;
      set({ busy: true });
      try {
        const report = await call(sessionId);
        applyReport(sessionId, report, { lastHit: null, runNote: null, error: null, ...extra });
      } catch (err) {
        if (get().session?.sessionId === sessionId) set({ error: CepError.from(err), playing: false });
      } finally {
        if (get().session?.sessionId === sessionId) set({ busy: false });
      }
    });
  };

  const stopTimer = () => playLoop?.halt();

  /** Play's look-ahead: where F5 would stop from `from`, with the session put back at `from` in the same task. */
  const lookAhead = (api: CepApi, sessionId: string, from: number) =>
    serialized(async (): Promise<ReplayRunResult | null> => {
      if (get().session?.sessionId !== sessionId || get().report?.position !== from) return null;
      set({ busy: true });
      try {
        return await api.replay.run({ sessionId, until: 'breakpoint' });
      } catch (err) {
        if (get().session?.sessionId === sessionId) set({ error: CepError.from(err) });
        return null;
      } finally {
        await api.replay.seek({ sessionId, position: from }).catch(() => undefined);
        if (get().session?.sessionId === sessionId) set({ busy: false });
      }
    }).then((r) => r ?? null);

  const loopFor = (api: CepApi): PlayLoop =>
    new PlayLoop({
      read: () => {
        const { session, report, playing, speed, breakpoints } = get();
        return {
          sessionId: session?.sessionId ?? null,
          position: report?.position ?? null,
          total: report?.total ?? 0,
          playing,
          speed,
          breakpoints,
        };
      },
      lookAhead: (sessionId, from) => lookAhead(api, sessionId, from),
      cutLookAhead: (sessionId) => void api.replay.cancel({ sessionId }).catch(() => undefined),
      moveTo: (position, hit) => {
        const at = get().report?.position;
        const extra = hit ? { lastHit: hit } : {};
        return at !== undefined && position === at + 1
          ? move(api, (sessionId) => api.replay.step({ sessionId, direction: 'forward' }), extra)
          : move(api, (sessionId) => api.replay.seek({ sessionId, position }), extra);
      },
      finish: (runNote) => set({ playing: false, runNote }),
    });

  return {
    recordingByPattern: readRecordingChoices(),
    status: 'idle',
    error: null,
    patternId: null,
    openedDocument: null,
    speed: 5,
    breakpoints: [],
    breakpointError: null,
    resultsKind: 'all',
    ...noSession(),

    chooseRecording: (patternId, recordingId) => {
      const next = { ...get().recordingByPattern };
      if (recordingId === null) delete next[patternId];
      else next[patternId] = recordingId;
      try {
        localStorage.setItem(RECORDING_KEY, JSON.stringify(next));
      } catch {
        // The choice still holds for this session.
      }
      set({ recordingByPattern: next });
    },

    open: async (api, patternId, recordingId, document, at) => {
      await get().close(api);
      set({ status: 'opening', error: null, patternId, openedDocument: document ?? null });
      try {
        const session = await api.replay.open(
          document ? { recordingId, document } : { recordingId, patternId },
        );
        if (get().patternId !== patternId || get().status !== 'opening') {
          void api.replay.close({ sessionId: session.sessionId }).catch(() => undefined);
          return;
        }
        set({
          status: 'ready',
          session,
          timeline: null,
          nearMisses: null,
          analysis: { done: 0, total: session.steps },
        });
        applyReport(session.sessionId, session.report);
        if (at !== undefined && at > 0) await get().seek(api, { position: Math.min(at, session.steps) });
        const { breakpoints } = get();
        if (breakpoints.length > 0) {
          const refused = await get().setBreakpoints(api, breakpoints);
          if (refused)
            set({
              breakpointError: `The breakpoints do not fit this pattern, so none is active: ${refused}`,
            });
        }
        void get().refreshAnalysis(api);
      } catch (err) {
        set({ status: 'error', error: CepError.from(err) });
      }
    },

    close: async (api) => {
      stopTimer();
      const { session } = get();
      set({ status: 'idle', ...noSession() });
      if (session) await api.replay.close({ sessionId: session.sessionId }).catch(() => undefined);
    },

    step: async (api, direction) => {
      held.delta += direction === 'forward' ? 1 : -1;
      if (held.busy) return;
      held.busy = true;
      try {
        while (held.delta !== 0) {
          const delta = held.delta;
          held.delta = 0;
          await move(api, (sessionId) => {
            if (delta === 1 || delta === -1)
              return api.replay.step({ sessionId, direction: delta > 0 ? 'forward' : 'back' });
            // Read where the session is when the move runs (a move queued before it may have changed it).
            const at = get().report?.position ?? 0;
            const last = get().session?.steps ?? 0;
            return api.replay.seek({ sessionId, position: Math.min(last, Math.max(0, at + delta)) });
          });
        }
      } finally {
        held.busy = false;
      }
    },

    seek: (api, target) => move(api, (sessionId) => api.replay.seek({ sessionId, ...target })),

    scrubTo: async (api, position, final) => {
      scrub.target = position;
      if (scrub.busy) return;
      scrub.busy = true;
      try {
        while (scrub.target !== null) {
          const next = scrub.target;
          scrub.target = null;
          if (get().report?.position !== next || final) await get().seek(api, { position: next });
        }
      } finally {
        scrub.busy = false;
      }
    },

    run: async (api, until) => {
      const { session } = get();
      if (!session) return;
      const { sessionId } = session;
      stopTimer();
      set({ playing: false });
      await serialized(async () => {
        set({
          busy: true,
          runNote: null,
          lastHit: null,
          running: { until, done: get().report?.position ?? 0, total: session.steps },
        });
        try {
          const result = await api.replay.run({ sessionId, until });
          const runNote = result.stopped
            ? `Paused: ${result.stopped}.`
            : result.cancelled
              ? 'Run cancelled.'
              : result.hit
                ? null
                : result.done
                  ? 'Reached the end of the recording.'
                  : null;
          applyReport(sessionId, result.report, { lastHit: result.hit, runNote, error: null });
        } catch (err) {
          if (get().session?.sessionId === sessionId) set({ error: CepError.from(err) });
        } finally {
          if (get().session?.sessionId === sessionId) set({ busy: false, running: null });
        }
      });
    },

    cancelRun: async (api) => {
      const { session } = get();
      if (session) await api.replay.cancel({ sessionId: session.sessionId }).catch(() => undefined);
    },

    setPlaying: (api, playing) => {
      stopTimer();
      set(playing ? { playing, lastHit: null, runNote: null } : { playing });
      if (!playing) return;
      playLoop = loopFor(api);
      playLoop.start();
    },

    setSpeed: (speed) => {
      set({ speed });
      playLoop?.resetClock();
    },

    setBreakpoints: async (api, breakpoints) => {
      // Shown at once (a checkbox follows the click); put back if the session refuses the list.
      const previous = get().breakpoints;
      set({ breakpoints, breakpointError: null });
      const { session } = get();
      if (!session) return null;
      try {
        await api.replay.setBreakpoints({ sessionId: session.sessionId, breakpoints });
        return null;
      } catch (err) {
        if (get().breakpoints === breakpoints) set({ breakpoints: previous });
        // One message: the session's issues repeat its summary, so give the summary only.
        return CepError.from(err).message;
      }
    },

    askWhyNot: async (api, seq, stage) => {
      const { session } = get();
      if (!session) return;
      set({ whyNot: null, whyNotError: null });
      try {
        const verdict = await api.replay.whyNot({ sessionId: session.sessionId, seq, stage });
        if (get().session?.sessionId === session.sessionId) set({ whyNot: verdict });
      } catch (err) {
        set({ whyNotError: CepError.from(err).message });
      }
    },

    pickSeq: (pickedSeq) => set({ pickedSeq }),

    setResultsKind: (resultsKind) => set({ resultsKind }),

    refreshAnalysis: async (api) => {
      const { session } = get();
      if (!session) return;
      const { sessionId } = session;
      try {
        const [timeline, nearMisses] = await Promise.all([
          api.replay.timeline({ sessionId, maxPoints: 600, maxMarkers: 2000 }),
          api.replay.nearMisses({ sessionId }),
        ]);
        if (get().session?.sessionId === sessionId) set({ timeline, nearMisses });
      } catch (err) {
        if (get().session?.sessionId === sessionId) set({ error: CepError.from(err) });
      }
    },

    onProgress: (sessionId, phase, done, total) => {
      if (get().session?.sessionId !== sessionId) return;
      if (phase === 'analysis') set({ analysis: { done, total } });
      else {
        const { running } = get();
        if (running) set({ running: { ...running, done, total } });
      }
    },
  };
});

/** Position label: "event 12 of 2,014", "before the first event", "end of input". */
export function isAtEnd(report: StepReport | null): boolean {
  return report !== null && report.position >= report.total;
}
