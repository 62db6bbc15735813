/**
 * CepApi: the one typed contract between the UI and the back end (VS Code's service-interface
 * style, Actual's single handler map). The preload exposes it as `window.cep`, the web host
 * serves it over HTTP, and `createBackend()` implements it; all three are checked against it.
 *
 * Methods are grouped by domain (`app`, `patterns`). Groups planned next: `recordings` (event
 * streams), `replay` and `export`; they are added here when implemented, never as stubs.
 */
import type { CepEventName, CepEvents, Unsubscribe } from './push';
import type { FileMethods } from './files';
import type { ReplayMethods } from './replay';
import type { TestMethods } from './testing';
import type {
  CancelImportArgs,
  EventsPage,
  ImportRecordingArgs,
  InspectRecordingArgs,
  InspectResult,
  ReadEventsArgs,
  RecordingDetail,
  RecordingRef,
  RecordingSummary,
  RenameRecordingArgs,
} from './recordings';
import type { OpenedSample, OpenSampleArgs, SampleSummary } from './samples';
import type {
  CreatePatternArgs,
  DuplicatePatternArgs,
  LabelVersionArgs,
  PatternRef,
  RenamePatternArgs,
  SavePatternArgs,
  VersionRef,
} from './schemas';
import type {
  AppInfo,
  PatternDetail,
  PatternSummary,
  PatternVersionDetail,
  PatternVersionInfo,
  SaveResult,
} from './types';

export interface AppMethods {
  /** Version, data folder and database schema version of the running back end. */
  info(): Promise<AppInfo>;
}

export interface PatternMethods {
  /** All patterns, most recently updated first. */
  list(): Promise<PatternSummary[]>;
  /** One pattern with its newest document. Rejects with `not-found`. */
  get(args: PatternRef): Promise<PatternDetail>;
  /** Stores a new pattern as version 1. Rejects with `invalid-document`. */
  create(args: CreatePatternArgs): Promise<PatternDetail>;
  /**
   * Replaces the working document. With `createVersion` (the default) it also records a version when
   * the document differs from the newest version in meaning, name or description; autosave passes
   * false, so only an explicit save (or the designer's save after a pause) makes a version.
   */
  save(args: SavePatternArgs): Promise<SaveResult>;
  rename(args: RenamePatternArgs): Promise<PatternSummary>;
  /** Copies the newest document into a new pattern (name defaults to "<name> copy"). */
  duplicate(args: DuplicatePatternArgs): Promise<PatternDetail>;
  /** Removes the pattern and its whole history. */
  delete(args: PatternRef): Promise<void>;
  /** History of a pattern, newest first. */
  versions(args: PatternRef): Promise<PatternVersionInfo[]>;
  getVersion(args: VersionRef): Promise<PatternVersionDetail>;
  /** Makes an old version's document current again, as a new version (history is never rewritten). */
  restoreVersion(args: VersionRef): Promise<SaveResult>;
  /** Sets (or, with empty text, removes) a version's label. The version's document never changes. */
  labelVersion(args: LabelVersionArgs): Promise<PatternVersionInfo>;
}

/** Imported event recordings (electron/services/recordings). */
export interface RecordingMethods {
  /** All recordings, newest first. */
  list(): Promise<RecordingSummary[]>;
  /** Rejects with `not-found`. */
  get(args: RecordingRef): Promise<RecordingDetail>;
  /** Reads the head of a file on the back end's machine and proposes import settings. */
  inspect(args: InspectRecordingArgs): Promise<InspectResult>;
  /**
   * Imports a file off the main thread; progress arrives as `recordings.importProgress` pushes
   * carrying `importId`. All or nothing: rejects with `import-failed` (issues: malformed rows
   * with their lines) or `cancelled`, and then nothing is stored.
   */
  import(args: ImportRecordingArgs): Promise<RecordingDetail>;
  /** Cancels a running import; resolves false when no import has that id. */
  cancelImport(args: CancelImportArgs): Promise<boolean>;
  rename(args: RenameRecordingArgs): Promise<RecordingSummary>;
  /** Removes the recording and all its events. */
  delete(args: RecordingRef): Promise<void>;
  /** One page of events in file order, optionally filtered, with the matching total. */
  readEvents(args: ReadEventsArgs): Promise<EventsPage>;
}

/** The gallery of example patterns, each with its recording (samples/catalog.json). */
export interface SampleMethods {
  list(): Promise<SampleSummary[]>;
  /** Copies the sample into the library as a new pattern and imports its recording (once). */
  open(args: OpenSampleArgs): Promise<OpenedSample>;
}

export interface CepApi {
  app: AppMethods;
  patterns: PatternMethods;
  recordings: RecordingMethods;
  samples: SampleMethods;
  /** The replay debugger (electron/services/replay). */
  replay: ReplayMethods;
  /** Pattern tests and the behavioural diff (electron/services/testing). */
  tests: TestMethods;
  /** The system's file dialogs (desktop only): the only way a path enters the contract (files.ts). */
  files: FileMethods;
  /** Subscribes to a server push; call the returned function to stop listening. */
  on<E extends CepEventName>(event: E, listener: (payload: CepEvents[E]) => void): Unsubscribe;
}

/** The method groups of CepApi (everything except `on`). */
export type CepGroups = Omit<CepApi, 'on'>;
export type CepGroupName = Extract<keyof CepGroups, string>;

/** Flat method names, e.g. "patterns.save": the IPC channel suffix and the HTTP path segment. */
export type CepMethodName = {
  [G in CepGroupName]: `${G}.${keyof CepGroups[G] & string}`;
}[CepGroupName];

type MethodOf<M extends CepMethodName> = M extends `${infer G extends CepGroupName}.${infer V}`
  ? V extends keyof CepGroups[G]
    ? CepGroups[G][V]
    : never
  : never;

/** The argument of a method (`undefined` for methods that take none). */
export type CepArgs<M extends CepMethodName> = Parameters<MethodOf<M>> extends [infer A] ? A : undefined;

/** What a method's promise resolves to. */
export type CepResult<M extends CepMethodName> = Awaited<ReturnType<MethodOf<M>>>;
