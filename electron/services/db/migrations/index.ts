import type { Migration } from './migration';
import { migration001Patterns } from './001-patterns';
import { migration002FormatVersion } from './002-format-version';
import { migration003Recordings } from './003-recordings';
import { migration004EventsByKey } from './004-events-by-key';
import { migration005OutOfOrderSample } from './005-out-of-order-sample';
import { migration006RecordingImporting } from './006-recording-importing';
import { migration007EventKeys } from './007-event-keys';

export type { Migration } from './migration';

/** Every schema step in order. Append only: never edit or reorder a released migration. */
export const migrations: readonly Migration[] = [
  migration001Patterns,
  migration002FormatVersion,
  migration003Recordings,
  migration004EventsByKey,
  migration005OutOfOrderSample,
  migration006RecordingImporting,
  migration007EventKeys,
];

/** The schema version this build writes. */
export const LATEST_SCHEMA_VERSION = migrations.length;
