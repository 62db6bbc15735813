/**
 * The samples part of the contract: the gallery of example patterns (risk control, marketing,
 * monitoring), each with the recording it is meant to be replayed on.
 */
import { z } from 'zod';
import type { RecordingSummary } from './recordings';
import type { PatternDetail } from './types';

export type SampleFamily = 'risk' | 'marketing' | 'monitoring';

export interface SampleSummary {
  slug: string;
  family: SampleFamily;
  name: string;
  description: string;
  /** File name of the recording the sample is replayed on. */
  recordingFile: string;
}

export interface OpenedSample {
  /** A new pattern in the library holding the sample's document. */
  pattern: PatternDetail;
  /** The sample's recording, imported once and reused afterwards. */
  recording: RecordingSummary;
}

/** What the app opens on a first start (fresh data folder): the card-testing example and its recording. */
export interface WelcomeSample {
  slug: string;
  patternId: string;
  recordingId: number;
}

export const openSampleArgs = z.strictObject({
  slug: z
    .string()
    .min(1, 'Sample slug must not be empty')
    .max(100, 'Sample slug is at most 100 characters')
    .regex(/^[a-z0-9-]+$/, 'Sample slugs use lowercase letters, digits and dashes'),
});
export type OpenSampleArgs = z.infer<typeof openSampleArgs>;
