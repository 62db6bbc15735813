/**
 * v2 → v3: event-time settings gain the periodic watermark interval, set to Flink's default
 * (200 ms), so a run in Cepheus drops as late only what the exported Flink job drops. Nothing else
 * changed, so the v2 shape is checked by the current schema after the step (its paths are the same).
 */
import { z } from 'zod';
import { FLINK_WATERMARK_INTERVAL_MS } from '../schema';
import type { Migration } from './migration';

const DocumentV2Schema = z.looseObject({ version: z.literal(2) });

type Loose = Record<string, unknown>;

export const v2ToV3: Migration = {
  from: 2,
  to: 3,
  schema: DocumentV2Schema,
  migrate: (raw) => {
    const doc = raw as Loose & { settings?: Loose & { time?: Loose } };
    const time = doc.settings?.time;
    if (!doc.settings || !time || time.mode !== 'event') return { ...doc, version: 3 };
    return {
      ...doc,
      version: 3,
      settings: { ...doc.settings, time: { ...time, watermarkIntervalMs: FLINK_WATERMARK_INTERVAL_MS } },
    };
  },
};
