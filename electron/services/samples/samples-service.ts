/**
 * The sample gallery and the first-run experience.
 *
 * `open` copies a sample's document into the library as a new pattern and makes sure its recording is
 * imported (once: later opens reuse it). `seedFirstRun` does that for every sample when the data folder
 * is fresh, so a new user lands on the card-testing example with its recording ready to replay.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CepError, type PatternMethods, type RecordingMethods, type RecordingSummary } from '../../contract';
import type { OpenedSample, SampleSummary, WelcomeSample } from '../../contract/samples';
import { readSampleCatalog, type SampleEntry } from './sample-catalog';

/** The sample the app opens on a first start. */
export const WELCOME_SLUG = 'card-testing';

/** Recordings are stored under this name so a second open finds the first import. */
export function sampleRecordingName(entry: SampleEntry): string {
  return `Sample: ${path.basename(entry.recording)}`;
}

export interface SamplesService {
  list(): Promise<SampleSummary[]>;
  open(args: { slug: string }): Promise<OpenedSample>;
  /** Seeds every sample into an empty library; resolves to what the app should open. */
  seedFirstRun(): Promise<WelcomeSample | null>;
}

export function createSamplesService(deps: {
  samplesDir: string;
  patterns: PatternMethods;
  recordings: RecordingMethods;
}): SamplesService {
  const catalog = (): SampleEntry[] => readSampleCatalog(deps.samplesDir);
  const find = (slug: string): SampleEntry => {
    const entry = catalog().find((e) => e.slug === slug);
    if (!entry) throw new CepError('not-found', `There is no sample called "${slug}".`);
    return entry;
  };
  // One import per recording file even when several opens race (e.g. first-run seeding).
  const imports = new Map<string, Promise<RecordingSummary>>();

  async function recordingFor(entry: SampleEntry): Promise<RecordingSummary> {
    const name = sampleRecordingName(entry);
    const existing = (await deps.recordings.list()).find((r) => r.name === name);
    if (existing) return existing;
    let pending = imports.get(name);
    if (!pending) {
      pending = deps.recordings.import({
        path: entry.recordingPath,
        name,
        timestampField: entry.timestampField,
        timestampFormat: entry.timestampFormat,
        ...(entry.keyField ? { keyField: entry.keyField } : {}),
        onMalformed: 'reject',
      });
      imports.set(name, pending);
      pending.finally(() => imports.delete(name)).catch(() => undefined);
    }
    return pending;
  }

  async function open(args: { slug: string }): Promise<OpenedSample> {
    const entry = find(args.slug);
    const document: unknown = JSON.parse(readFileSync(entry.patternPath, 'utf8'));
    const recording = await recordingFor(entry);
    const pattern = await deps.patterns.create({ name: entry.name, document });
    return { pattern, recording };
  }

  return {
    list: () =>
      Promise.resolve(
        catalog().map((e) => ({
          slug: e.slug,
          family: e.family,
          name: e.name,
          description: e.description,
          recordingFile: path.basename(e.recording),
        })),
      ),
    open,
    async seedFirstRun() {
      const entries = catalog();
      if (entries.length === 0) return null;
      let welcome: WelcomeSample | null = null;
      // Welcome sample last, so it is the most recently updated pattern at the top of the list.
      const ordered = [
        ...entries.filter((e) => e.slug !== WELCOME_SLUG),
        ...entries.filter((e) => e.slug === WELCOME_SLUG),
      ];
      for (const entry of ordered) {
        const opened = await open({ slug: entry.slug });
        if (entry.slug === WELCOME_SLUG)
          welcome = { slug: entry.slug, patternId: opened.pattern.id, recordingId: opened.recording.id };
      }
      return welcome;
    },
  };
}
