/** The first rows of a file as the importer read them, with their line numbers. */
import type { InferredField, SampleRow } from '../../electron/contract';
import { fieldOf, formatCell } from './format';

export function SampleRowsTable({ rows, fields }: { rows: SampleRow[]; fields: InferredField[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="sample-rows">
        <thead>
          <tr>
            <th>Line</th>
            {fields.map((f) => (
              <th key={f.name}>{f.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line}>
              <td className="num">{row.line}</td>
              {fields.map((f) => (
                <td key={f.name} className="mono">
                  {formatCell(fieldOf(row.record, f.name))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
