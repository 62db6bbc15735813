/** An inferred schema: field, type, nullable; the timestamp and key fields are marked. */
import type { InferredField } from '../../electron/contract';

export interface SchemaTableProps {
  fields: InferredField[];
  timestampField?: string | null;
  keyField?: string | null;
}

export function SchemaTable({ fields, timestampField, keyField }: SchemaTableProps) {
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
        {fields.map((f) => (
          <tr key={f.name}>
            <td className="mono">
              {f.name}
              {f.name === timestampField && <span className="tag">time</span>}
              {f.name === keyField && <span className="tag">key</span>}
            </td>
            <td>{f.type}</td>
            <td>{f.nullable ? 'yes' : 'no'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
