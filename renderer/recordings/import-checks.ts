/**
 * What the confirm step checks before an import may start: the timestamp field and format must
 * read the sampled values (a numeric column is never ISO-8601 text), and which column types the
 * import enforces (what the schema table shows, as the user left or changed it).
 */
import type { ColumnType, InspectResult, TimestampFormat } from '../../electron/contract';
import type { ImportSettings } from './use-import-flow';

export const TIME_FORMAT_LABELS: Record<TimestampFormat, string> = {
  iso8601: 'ISO-8601 text',
  epochMillis: 'Epoch milliseconds',
  epochSeconds: 'Epoch seconds',
};

/** The formats as words inside a sentence. */
const IN_TEXT: Record<TimestampFormat, string> = {
  iso8601: 'ISO-8601 text',
  epochMillis: 'epoch milliseconds',
  epochSeconds: 'epoch seconds',
};

export interface TimestampCheck {
  /** Blocks the import. */
  error?: string;
  /** Shown, but the import may go on (the unreadable rows become malformed rows). */
  warning?: string;
}

export function checkTimestamp(inspect: InspectResult, settings: ImportSettings): TimestampCheck {
  const field = settings.timestampField;
  if (field === '') return { error: 'No field looks like an event time: choose the one that holds it.' };
  const info = inspect.timeFields[field];
  if (!info) return { error: `'${field}' holds no scalar values, so it cannot be the event time.` };
  if (info.present === 0) return { error: `'${field}' is empty in the first rows.` };
  const readable = info.readable[settings.timestampFormat];
  const format = IN_TEXT[settings.timestampFormat];
  if (readable === 0) {
    const instead = info.detected ? ` They read as ${IN_TEXT[info.detected]}.` : '';
    return {
      error: `None of the first ${info.present.toLocaleString('en-US')} values of '${field}' reads as ${format}.${instead}`,
    };
  }
  if (readable < info.present) {
    const bad = info.present - readable;
    return {
      warning: `${bad.toLocaleString('en-US')} of the first ${info.present.toLocaleString('en-US')} values of '${field}' do not read as ${format}; their rows will be malformed.`,
    };
  }
  return {};
}

/** Types a column may be forced to, with their labels. */
export const COLUMN_TYPES: { value: ColumnType; label: string }[] = [
  { value: 'number', label: 'number' },
  { value: 'string', label: 'text' },
  { value: 'boolean', label: 'boolean' },
  { value: 'any', label: 'any (as read)' },
];

/** The inferred type as a column type, or null where the user cannot choose (objects, arrays, timestamps). */
export function columnTypeOf(type: string): ColumnType | null {
  return type === 'number' || type === 'string' || type === 'boolean' || type === 'any' ? type : null;
}

/** The column types the import enforces: the inferred scalar types with the user's changes, without the time field. */
export function enforcedColumnTypes(
  inspect: InspectResult,
  settings: ImportSettings,
): Record<string, ColumnType> {
  const types: Record<string, ColumnType> = {};
  for (const field of inspect.schema) {
    if (field.name === settings.timestampField) continue;
    const type = settings.columnTypes[field.name] ?? columnTypeOf(field.type);
    if (type) types[field.name] = type;
  }
  return types;
}

/**
 * The sample's malformed rows that still apply: a cell that did not fit its inferred number type
 * ("'amount' is "n/a", not a number") no longer counts once the user made that column text or any.
 */
export function applicableMalformed(
  inspect: InspectResult,
  settings: ImportSettings,
): InspectResult['malformedSample'] {
  return inspect.malformedSample.filter((m) => {
    const cell = /^'(.+)' is .*, not a number$/.exec(m.reason);
    if (!cell) return true;
    const type = settings.columnTypes[cell[1]];
    return type === undefined || type === 'number';
  });
}
