/** Public surface of the replay service (the debugger's back end). */
export {
  createReplayService,
  replayWorkerScript,
  type ReplayService,
  type ReplayServiceDeps,
} from './replay-service';
export { SqliteEventSource } from './sqlite-source';
export { SessionHost, SLICE_MS } from './session-host';
export { benchReplay1m, type ReplayBenchResult } from './bench-replay';
