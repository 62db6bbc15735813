/** The chosen target's options: Java class and package, SQL table, and the key and time fields of both. */
import type { PatternDocument } from '../../engine/format/schema';
import type { ExportTarget } from '../../engine/export/types';
import { defaultPartitionKey, defaultTimeField } from './export-options';
import { useExportStore, type ExportOptionFields } from './export-store';

interface TextOptionProps {
  name: keyof ExportOptionFields;
  label: string;
  value: string;
  placeholder?: string;
  hint?: string;
}

function TextOption({ name, label, value, placeholder, hint }: TextOptionProps) {
  const id = `export-option-${name}`;
  return (
    <div className="export-option">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="cx-input"
        data-testid={id}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(e) => useExportStore.getState().setField(name, e.target.value)}
      />
      {hint && <span className="export-option-hint">{hint}</span>}
    </div>
  );
}

export function ExportOptionsForm({ doc, target }: { doc: PatternDocument; target: ExportTarget }) {
  const fields = useExportStore((s) => s.fields);
  const java = target === 'flink-java' || target === 'flink-job';
  const sql = target === 'flink-sql' || target === 'flink-sql-job';
  if (!java && !sql) {
    return (
      <p className="export-hint">
        {target === 'json'
          ? 'The document exactly as Cepheus stores it; it validates against the Cepheus pattern JSON Schema.'
          : 'Flink’s dynamic-CEP pattern JSON; it has no options.'}
      </p>
    );
  }
  const key = fields.partitionKey ?? defaultPartitionKey(doc);
  const time = fields.timeField ?? defaultTimeField(doc);
  return (
    <div className="export-options" data-testid="export-options">
      {java ? (
        <>
          {target === 'flink-java' && (
            <TextOption
              name="eventClass"
              label="Event class"
              value={fields.eventClass}
              placeholder="Event"
              hint="Simple or qualified name"
            />
          )}
          <TextOption
            name="javaPackage"
            label="Package"
            value={fields.javaPackage}
            placeholder={target === 'flink-job' ? 'cepheus.job' : '(default package)'}
          />
        </>
      ) : (
        <TextOption name="table" label="Table" value={fields.table} placeholder="events" />
      )}
      {(target === 'flink-java' || target === 'flink-sql') && (
        <TextOption
          name="timeField"
          label={target === 'flink-sql' ? 'Time column' : 'Time field'}
          value={time}
          placeholder={doc.settings.time.mode === 'processing' ? 'processing time' : ''}
        />
      )}
      <TextOption
        name="partitionKey"
        label="Key field"
        value={key}
        placeholder="not partitioned"
        hint={key.trim() === '' ? 'Empty: one partition for all events' : undefined}
      />
    </div>
  );
}
