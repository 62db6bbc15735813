/**
 * Pattern settings checked against the declared event schema: the partition key and the event-time
 * timestamp field must be fields of the event, and a timestamp must be a number, a timestamp or text;
 * no two fields may share a name.
 * Without a schema nothing is known about the events, so nothing is checked.
 */
import type { DocEventSchema, PatternDocument } from '../format/schema';
import type { Diagnostic } from '../pattern/diagnostic';
import { closest } from '../expr/source';

const TIME_TYPES = new Set(['number', 'timestamp', 'string', 'any']);

/** The field a user most likely means as the event time: a timestamp-typed field, else a well-known name. */
export function proposedTimeField(schema: DocEventSchema | null): string | null {
  if (!schema) return null;
  const typed = schema.fields.find((f) => f.type === 'timestamp');
  if (typed) return typed.name;
  const named = schema.fields.find(
    (f) => /^(ts|time|timestamp|event_?time|eventTime|created_?at)$/i.test(f.name) && TIME_TYPES.has(f.type),
  );
  return named?.name ?? null;
}

/** The field a user most likely meant: a close spelling, else (for the time) the schema's timestamp. */
function meant(name: string, schema: DocEventSchema, fallback: string | null = null): string | null {
  return (
    closest(
      name,
      schema.fields.map((f) => f.name),
    ) ?? fallback
  );
}

/** " — did you mean 'userId'?" with its one-click fix, or nothing when no field comes close. */
function didYouMean(hint: string | null, patch: (field: string) => Record<string, unknown>) {
  if (hint === null) return { words: '', fix: {} };
  return {
    words: ` — did you mean '${hint}'?`,
    fix: {
      quickFix: { title: `Change to '${hint}'`, edits: [{ kind: 'settings' as const, patch: patch(hint) }] },
    },
  };
}

/** Two fields of one name: a condition's `amount` could be either, with either type. */
function duplicateFields(schema: DocEventSchema): Diagnostic[] {
  const first = new Map<string, number>();
  const out: Diagnostic[] = [];
  schema.fields.forEach((f, i) => {
    if (f.name === '') return; // said by the document's own check
    const at = first.get(f.name);
    if (at === undefined) {
      first.set(f.name, i);
      return;
    }
    out.push({
      code: 'settings.schema-field-duplicate',
      severity: 'error',
      message: `Event fields ${at + 1} and ${i + 1} are both named '${f.name}': a condition could not tell which one it reads. Rename or remove one.`,
      target: { kind: 'document', path: ['eventSchema', 'fields', i, 'name'] },
    });
  });
  return out;
}

export function settingsRules(doc: PatternDocument): Diagnostic[] {
  const schema = doc.eventSchema;
  if (!schema) return [];
  const out: Diagnostic[] = duplicateFields(schema);
  const known = new Map(schema.fields.map((f) => [f.name, f.type]));
  const key = doc.settings.partitionKey;
  if (key !== null && !known.has(key)) {
    const hint = didYouMean(meant(key, schema), (field) => ({ partitionKey: field }));
    out.push({
      code: 'settings.partition-key-unknown',
      severity: 'error',
      message: `The partition key '${key}' is not a field of the event schema, so every event would fall into one empty partition${hint.words || '.'}`,
      target: { kind: 'pattern', field: 'settings', path: ['settings', 'partitionKey'] },
      ...hint.fix,
    });
  }
  const time = doc.settings.time;
  if (time.mode === 'event') {
    const type = known.get(time.field);
    // An empty field is the document schema's problem ("must not be empty"): said once, there.
    if (time.field === '') {
      // Said by the document's own check.
    } else if (type === undefined) {
      const hint = didYouMean(meant(time.field, schema, proposedTimeField(schema)), (field) => ({
        time: { ...time, field },
      }));
      out.push({
        code: 'settings.time-field-unknown',
        severity: 'error',
        message: `The timestamp field '${time.field}' is not a field of the event schema${hint.words || '.'}`,
        target: { kind: 'pattern', field: 'settings', path: ['settings', 'time', 'field'] },
        ...hint.fix,
      });
    } else if (!TIME_TYPES.has(type))
      out.push({
        code: 'settings.time-field-type',
        severity: 'error',
        message: `The timestamp field '${time.field}' holds ${type === 'boolean' ? 'true/false values' : `${type}s`}, not times: choose a number, timestamp or text field.`,
        target: { kind: 'pattern', field: 'settings', path: ['settings', 'time', 'field'] },
      });
  }
  return out;
}
