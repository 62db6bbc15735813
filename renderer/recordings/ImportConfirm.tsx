/**
 * Import step 2: what the inspection found (format, size, rows, schema, sample rows, malformed rows
 * in the sample) and the settings to confirm: name, timestamp field + format, key, malformed policy.
 */
import type { InspectResult, TimestampFormat } from '../../electron/contract';
import { formatBytes, formatCount } from './format';
import { applicableMalformed, checkTimestamp, TIME_FORMAT_LABELS } from './import-checks';
import { SampleRowsTable } from './SampleRowsTable';
import { SchemaTable } from './SchemaTable';
import type { ImportSettings } from './use-import-flow';

const formats = (Object.keys(TIME_FORMAT_LABELS) as TimestampFormat[]).map((value) => ({
  value,
  label: TIME_FORMAT_LABELS[value],
}));

export interface ImportConfirmProps {
  inspect: InspectResult;
  settings: ImportSettings;
  onChange: (patch: Partial<ImportSettings>) => void;
}

export function ImportConfirm({ inspect, settings, onChange }: ImportConfirmProps) {
  const time = checkTimestamp(inspect, settings);
  const malformed = applicableMalformed(inspect, settings);
  const chooseTimestampField = (field: string) => {
    // A field's values tell its format: picking a numeric column never leaves ISO-8601 selected.
    const detected = inspect.timeFields[field]?.detected;
    onChange({ timestampField: field, ...(detected ? { timestampFormat: detected } : {}) });
  };
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
            aria-invalid={time.error ? true : undefined}
            aria-describedby="import-timestamp-check"
            onChange={(e) => chooseTimestampField(e.target.value)}
          >
            {settings.timestampField === '' && <option value="">(choose)</option>}
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
            aria-invalid={time.error ? true : undefined}
            onChange={(e) => onChange({ timestampFormat: e.target.value as TimestampFormat })}
          >
            {formats.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        {(time.error ?? time.warning) && (
          <p
            id="import-timestamp-check"
            className={`notice ${time.error ? 'notice-error' : 'notice-warning'} import-field-check`}
            data-testid="import-timestamp-check"
            role={time.error ? 'alert' : undefined}
          >
            {time.error ?? time.warning}
          </p>
        )}
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
      {malformed.length > 0 && (
        <div className="notice notice-warning" data-testid="import-malformed-sample">
          {malformed.length} malformed row{malformed.length === 1 ? '' : 's'} in the first rows (a cell that
          does not fit its column&apos;s type makes its row malformed; change the type below to keep such
          values):
          <ul>
            {malformed.slice(0, 5).map((m) => (
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
        columnTypes={settings.columnTypes}
        onColumnType={(name, type) => onChange({ columnTypes: { ...settings.columnTypes, [name]: type } })}
      />
      <h3 className="section-title">First rows</h3>
      <SampleRowsTable rows={inspect.sampleRows} fields={inspect.schema} />
    </div>
  );
}
