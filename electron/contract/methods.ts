/**
 * The method table: method name → argument schema. Its keys are the complete list of methods;
 * the preload, the IPC layer and the web host all iterate it, so adding a method here (and to
 * CepApi) is the only step needed to expose it everywhere.
 */
import type { z } from 'zod';
import type { CepApi, CepArgs, CepMethodName, CepResult } from './api';
import {
  createPatternArgs,
  duplicatePatternArgs,
  noArgs,
  patternRef,
  renamePatternArgs,
  savePatternArgs,
  versionRef,
  labelVersionArgs,
} from './schemas';
import { openSampleArgs } from './samples';
import { diffArgs, runTestsArgs, testRunRef } from './testing';
import { chooseSaveLocationArgs } from './files';
import {
  exportResultsArgs,
  openReplayArgs,
  replaySessionRef,
  resultsArgs,
  runReplayArgs,
  seekReplayArgs,
  setBreakpointsArgs,
  stepReplayArgs,
  timelineArgs,
  whyNotArgs,
} from './replay';
import {
  cancelImportArgs,
  importRecordingArgs,
  inspectRecordingArgs,
  readEventsArgs,
  recordingRef,
  renameRecordingArgs,
} from './recordings';

export const methodArgs = {
  'app.info': noArgs,
  'patterns.list': noArgs,
  'patterns.get': patternRef,
  'patterns.create': createPatternArgs,
  'patterns.save': savePatternArgs,
  'patterns.rename': renamePatternArgs,
  'patterns.duplicate': duplicatePatternArgs,
  'patterns.delete': patternRef,
  'patterns.versions': patternRef,
  'patterns.getVersion': versionRef,
  'patterns.restoreVersion': versionRef,
  'patterns.labelVersion': labelVersionArgs,
  'recordings.list': noArgs,
  'recordings.get': recordingRef,
  'recordings.inspect': inspectRecordingArgs,
  'recordings.import': importRecordingArgs,
  'recordings.cancelImport': cancelImportArgs,
  'recordings.rename': renameRecordingArgs,
  'recordings.delete': recordingRef,
  'recordings.readEvents': readEventsArgs,
  'replay.open': openReplayArgs,
  'replay.step': stepReplayArgs,
  'replay.seek': seekReplayArgs,
  'replay.run': runReplayArgs,
  'replay.cancel': replaySessionRef,
  'replay.setBreakpoints': setBreakpointsArgs,
  'replay.whyNot': whyNotArgs,
  'replay.nearMisses': replaySessionRef,
  'replay.timeline': timelineArgs,
  'replay.results': resultsArgs,
  'replay.exportResults': exportResultsArgs,
  'replay.close': replaySessionRef,
  'samples.list': noArgs,
  'samples.open': openSampleArgs,
  'tests.run': runTestsArgs,
  'tests.cancel': testRunRef,
  'tests.diff': diffArgs,
  'files.chooseRecording': noArgs,
  'files.chooseSaveLocation': chooseSaveLocationArgs,
} as const satisfies { [M in CepMethodName]: z.ZodType<CepArgs<M>> };

export const cepMethodNames = Object.keys(methodArgs) as CepMethodName[];

export function isCepMethodName(name: string): name is CepMethodName {
  return Object.prototype.hasOwnProperty.call(methodArgs, name);
}

/** IPC channel of a method. The prefix lets main reject anything that is not ours. */
export function ipcChannel(method: CepMethodName): `cep:${CepMethodName}` {
  return `cep:${method}`;
}

/** The single IPC channel main uses to push events: payload is `(name, data)`. */
export const eventChannel = 'cep:event';

/** Splits "patterns.save" into its group and verb. */
export function splitMethod(method: CepMethodName): [group: string, verb: string] {
  const dot = method.indexOf('.');
  return [method.slice(0, dot), method.slice(dot + 1)];
}

/**
 * Calls a method on a CepApi implementation by name, with arguments already validated.
 * Used by both transports so dispatch is written once.
 */
export function invokeMethod<M extends CepMethodName>(
  api: CepApi,
  method: M,
  args: CepArgs<M>,
): Promise<CepResult<M>> {
  const [group, verb] = splitMethod(method);
  const target = (api as unknown as Record<string, Record<string, (a?: unknown) => Promise<unknown>>>)[group];
  const fn = target?.[verb];
  if (typeof fn !== 'function') throw new Error(`CepApi implementation lacks ${method}`);
  return fn.call(target, args) as Promise<CepResult<M>>;
}
