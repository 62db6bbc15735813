/**
 * The pattern's event schema: field names and types that conditions are checked against and that
 * completion offers. It can be filled from a recording's inferred schema.
 */
import type { DocEventSchema } from '../../../engine/format/schema';
import type { FieldType } from '../../../engine/pattern/spec';
import { useDocumentStore } from '../../state/document-store';
import { useRecordingsStore } from '../../state/recordings-store';
import { FieldMessages } from './FieldMessages';

const TYPES: FieldType[] = ['string', 'number', 'boolean', 'timestamp', 'object', 'array', 'any'];

export function SchemaEditor({ schema }: { schema: DocEventSchema | null }) {
  const recordings = useRecordingsStore((s) => s.recordings);
  const set = (next: DocEventSchema | null): void => useDocumentStore.getState().setEventSchema(next);
  const fields = schema?.fields ?? [];
  const setField = (i: number, patch: Partial<DocEventSchema['fields'][number]>): void =>
    set({ fields: fields.map((f, j) => (j === i ? { ...f, ...patch } : f)) });
  const names = fields.map((f) => f.name);
  // Said here at the fields as they are typed; the engine's checks say it in Problems too
  // (settings.schema-field-duplicate), once the edit is checked.
  const repeated = [...new Set(names.filter((n, i) => n.trim() !== '' && names.indexOf(n) !== i))];
  const repeatedError =
    repeated.length > 0
      ? `Each field needs its own name: ${repeated.map((n) => `“${n}”`).join(', ')} ${repeated.length > 1 ? 'are' : 'is'} used more than once. Rename or remove the copy.`
      : null;

  return (
    <div className="schema-editor" data-testid="schema-editor">
      {schema === null ? (
        <div className="insp-muted">No schema: conditions may use any field, and are not type-checked.</div>
      ) : (
        <table className="schema-table">
          <thead>
            <tr>
              <th>Field</th>
              <th>Type</th>
              <th aria-label="Remove" />
            </tr>
          </thead>
          <tbody>
            {fields.map((f, i) => {
              const problem =
                f.name.trim() === ''
                  ? 'Name this field'
                  : names.indexOf(f.name) !== i
                    ? 'Duplicate field'
                    : null;
              return (
                <tr key={i}>
                  <td>
                    <input
                      className={`insp-input insp-input-compact${problem ? ' insp-input-invalid' : ''}`}
                      value={f.name}
                      aria-label={`Field ${i + 1} name`}
                      title={problem ?? undefined}
                      spellCheck={false}
                      onChange={(e) => setField(i, { name: e.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      className="insp-select insp-input-compact"
                      value={f.type}
                      aria-label={`Field ${i + 1} type`}
                      onChange={(e) => setField(i, { type: e.target.value as FieldType })}
                    >
                      {TYPES.map((t) => (
                        <option key={t}>{t}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="insp-icon-button"
                      aria-label={`Remove field ${f.name}`}
                      onClick={() => set({ fields: fields.filter((_, j) => j !== i) })}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <FieldMessages error={repeatedError} />
      <div className="insp-actions">
        <button
          type="button"
          className="insp-button"
          data-testid="schema-add-field"
          onClick={() => set({ fields: [...fields, { name: '', type: 'string' }] })}
        >
          + Field
        </button>
        {recordings.length > 0 && (
          <select
            className="insp-select insp-select-inline"
            value=""
            aria-label="Use the fields of a recording"
            onChange={(e) => {
              const recording = recordings.find((r) => String(r.id) === e.target.value);
              if (recording) set({ fields: recording.schema.map((f) => ({ name: f.name, type: f.type })) });
            }}
          >
            <option value="">From recording…</option>
            {recordings.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        )}
        {schema !== null && (
          <button type="button" className="insp-link" onClick={() => set(null)}>
            Remove schema
          </button>
        )}
      </div>
    </div>
  );
}
