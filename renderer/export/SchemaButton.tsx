/** Saves the committed JSON Schema of Cepheus pattern documents next to an exported document. */
import patternSchema from '../../schema/cepheus-pattern.schema.json';
import { downloadText } from './download';

export const SCHEMA_FILE_NAME = 'cepheus-pattern.schema.json';

export function SchemaButton() {
  return (
    <button
      type="button"
      className="btn"
      data-testid="export-save-schema"
      title={`JSON Schema ${patternSchema.$id}`}
      onClick={() =>
        downloadText(
          SCHEMA_FILE_NAME,
          JSON.stringify(patternSchema, null, 2) + '\n',
          'application/schema+json',
        )
      }
    >
      Save JSON Schema
    </button>
  );
}
