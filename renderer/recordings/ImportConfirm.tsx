/**
 * Import step 2: what the inspection found (format, size, rows, schema, sample rows, malformed rows
 * in the sample) and the settings to confirm: name, timestamp field + format, key, malformed policy.
 */
import type { InspectResult, TimestampFormat } from '../../electron/contract';
import { formatBytes, formatCount } from './format';
import { SampleRowsTable } from './SampleRowsTable';
import { SchemaTable } from './SchemaTable';
import type { ImportSettings } from './use-import-flow';

const formats: { value: TimestampFormat; label: string }[] = [
  { value: 'iso8601', label: 'ISO-8601 text' },
  { value: 'epochMillis', label: 'Epoch milliseconds' },
  { value: 'epochSeconds', label: 'Epoch seconds' },
];

export interface ImportConfirmProps {
  inspect: InspectResult;
  settings: ImportSettings;
  onChange: (patch: Partial<ImportSettings>) => void;
}

export function ImportConfirm({ inspect, settings, onChange }: ImportConfirmProps) {
  const formatLabel = `${inspect.format.toUpperCase()}${inspect.delimiter ? ` (delimiter ${inspect.delimiter === '\t' ? 'tab' : `"${inspect.delimiter}"`})` : ''}${inspect.compressed ? ', gzip' : ''}`;
  return (
    <div className="import-confirm" data-testid="import-confirm">
      <p className="import-facts">
        <span>{formatLabel}</span>
        <span>{formatBytes(inspect.fileBytes)}</span>
        <span data-testid="import-row-estimate">
          {inspect.rowEstimateExact ? '' : '≈ '}
          {formatCount(inspect.rowEstimate)} rows
        </span>
      </p>
      <div className="import-form">
        <label>
          Name
          <input
            className="cx-input"
            data-testid="import-name"
            value={settings.name}
            onChange={(e) => onChange({ name: e.target.value })}
          />
        </label>
        <label>
          Timestamp field
          <select
            className="cx-input"
            data-testid="import-timestamp-field"
            value={settings.timestampField}
            onChange={(e) => onChange({ timestampField: e.target.value })}
          >
            {inspect.schema.map((f) => (
              <option key={f.name} value={f.name}>
                {f.name} ({f.type})
              </option>
            ))}
          </select>
        </label>
        <label>
          Timestamp format
          <select
            className="cx-input"
            data-testid="import-timestamp-format"
            value={settings.timestampFormat}
            onChange={(e) => onChange({ timestampFormat: e.target.value as TimestampFormat })}
          >
            {formats.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Key field
          <select
            className="cx-input"
            data-testid="import-key-field"
            value={settings.keyField}
            onChange={(e) => onChange({ keyField: e.target.value })}
          >
            <option value="">(none)</option>
            {inspect.schema.map((f) => (
              <option key={f.name} value={f.name}>
                {f.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="import-policy">
          <legend>Malformed rows</legend>
          <label>
            <input
              type="radio"
              name="malformed"
              checked={settings.onMalformed === 'reject'}
              onChange={() => onChange({ onMalformed: 'reject' })}
            />
            Reject the file (store nothing)
          </label>
          <label>
            <input
              type="radio"
              name="malformed"
              data-testid="import-skip-malformed"
              checked={settings.onMalformed === 'skip'}
              onChange={() => onChange({ onMalformed: 'skip' })}
            />
            Skip them and list them
          </label>
        </fieldset>
      </div>
      {inspect.malformedSample.length > 0 && (
        <div className="notice notice-warning" data-testid="import-malformed-sample">
          {inspect.malformedSample.length} malformed row{inspect.malformedSample.length === 1 ? '' : 's'} in
          the first rows:
          <ul>
            {inspect.malformedSample.slice(0, 5).map((m) => (
              <li key={m.line}>
                line {m.line}: {m.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3 className="section-title">Inferred schema</h3>
      <SchemaTable
        fields={inspect.schema}
        timestampField={settings.timestampField}
        keyField={settings.keyField || null}
      />
      <h3 className="section-title">First rows</h3>
      <SampleRowsTable rows={inspect.sampleRows} fields={inspect.schema} />
    </div>
  );
}
