/**
 * An inferred schema: field, type, nullable; the timestamp and key fields are marked. In the import's
 * confirm step (`onColumnType`) each scalar column's type can be changed before importing.
 */
import type { ColumnType, InferredField } from '../../electron/contract';
import { COLUMN_TYPES, columnTypeOf } from './import-checks';

export interface SchemaTableProps {
  fields: InferredField[];
  timestampField?: string | null;
  keyField?: string | null;
  /** The user's changed types (import confirm step). */
  columnTypes?: Record<string, ColumnType>;
  onColumnType?: (name: string, type: ColumnType) => void;
}

export function SchemaTable({
  fields,
  timestampField,
  keyField,
  columnTypes,
  onColumnType,
}: SchemaTableProps) {
  return (
    <table className="data-table schema-table" data-testid="schema-table">
      <thead>
        <tr>
          <th>Field</th>
          <th>Type</th>
          <th>Nullable</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => {
          const inferred = columnTypeOf(f.type);
          const editable = onColumnType && inferred && f.name !== timestampField;
          return (
            <tr key={f.name}>
              <td className="mono">
                {f.name}
                {f.name === timestampField && <span className="tag">time</span>}
                {f.name === keyField && <span className="tag">key</span>}
              </td>
              <td>
                {editable ? (
                  <select
                    className="cx-input schema-type"
                    data-testid={`schema-type-${f.name}`}
                    aria-label={`Type of ${f.name}`}
                    value={columnTypes?.[f.name] ?? inferred}
                    onChange={(e) => onColumnType(f.name, e.target.value as ColumnType)}
                  >
                    {COLUMN_TYPES.map((t) => (
                      <option key={t.value} value={t.value}>
                        {t.label}
                      </option>
                    ))}
                  </select>
                ) : f.name === timestampField ? (
                  'timestamp'
                ) : (
                  f.type
                )}
              </td>
              <td>{f.nullable ? 'yes' : 'no'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
