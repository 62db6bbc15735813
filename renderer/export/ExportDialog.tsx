/**
 * Export dialog: pick a target, adjust its options, read the per-stage expressibility report, and
 * copy or save the generated text. A target that cannot express the pattern shows only its reasons:
 * never text that would mean something else.
 */
import { useMemo, useState } from 'react';
import { EXPORT_TARGETS, expressibility, exportPattern, exportWarnings, zipFiles } from '../../engine/export';
import type { PatternDocument } from '../../engine/format/schema';
import { Modal } from '../recordings/Modal';
import { useValidationStore } from '../state/validation-store';
import { copyText } from './clipboard';
import { downloadBytes, downloadText } from './download';
import { ExportOptionsForm } from './ExportOptionsForm';
import { TARGET_INFO, toExportOptions } from './export-options';
import { ExportPreview } from './ExportPreview';
import { ExportWarnings } from './ExportWarnings';
import { ExpressibilityList } from './ExpressibilityList';
import { useExportStore } from './export-store';
import { PatternErrorNotice } from './PatternErrorNotice';
import { RefusalNotice } from './RefusalNotice';
import { SchemaButton } from './SchemaButton';
import { TargetTabs } from './TargetTabs';
import './export.css';

export function ExportDialog({ doc }: { doc: PatternDocument }) {
  const target = useExportStore((s) => s.target);
  const fields = useExportStore((s) => s.fields);
  const [notice, setNotice] = useState<string | null>(null);
  const options = useMemo(() => toExportOptions(doc, fields), [doc, fields]);
  const report = useMemo(() => expressibility(doc, options), [doc, options]);
  const result = useMemo(() => exportPattern(doc, target, options), [doc, target, options]);
  const warnings = useMemo(() => exportWarnings(doc), [doc]);
  const info = TARGET_INFO[target];
  const close = () => useExportStore.getState().close();
  const patternErrors = useValidationStore((s) => s.diagnostics).filter((d) => d.severity === 'error');
  const choose = (t: typeof target): void => {
    setNotice(null);
    useExportStore.getState().setTarget(t);
  };
  // From a link in the notice (which goes away): focus moves to the chosen tab, so keys (Escape,
  // arrows) still reach the dialog.
  const chooseFromNotice = (t: typeof target): void => {
    choose(t);
    requestAnimationFrame(() => document.getElementById(`export-tab-${t}`)?.focus());
  };

  const copy = async () => {
    if (!result.ok) return;
    setNotice(
      (await copyText(result.text))
        ? 'Copied to the clipboard'
        : 'Copy failed: select the text and copy it by hand',
    );
  };
  const save = () => {
    if (!result.ok) return;
    // A project (flink-job) is saved as one zip with the project folder inside.
    if (result.files)
      downloadBytes(
        result.fileName,
        zipFiles(result.files, result.fileName.replace(/\.zip$/, '')),
        info.mime,
      );
    else downloadText(result.fileName, result.text, info.mime);
    // Flink JSON carries the pattern only: its job settings go beside it, as `cepheus export --out` writes them.
    if (result.sidecar) {
      downloadText(result.sidecar.path, result.sidecar.text, 'application/json');
      setNotice(`Saved ${result.fileName} and its job settings ${result.sidecar.path}`);
    } else setNotice(`Saved ${result.fileName}`);
  };

  const footer = (
    <>
      <span className="export-notice" role="status" data-testid="export-notice">
        {notice}
      </span>
      {target === 'json' && <SchemaButton />}
      <button
        type="button"
        className="btn"
        data-testid="export-copy"
        disabled={!result.ok}
        onClick={() => void copy()}
      >
        Copy
      </button>
      <button
        type="button"
        className="btn btn-primary"
        data-testid="export-save"
        disabled={!result.ok}
        onClick={save}
        title={
          result.ok
            ? `Save as ${result.fileName}${result.sidecar ? ` (and ${result.sidecar.path})` : ''}`
            : undefined
        }
      >
        Save…
      </button>
    </>
  );

  return (
    <Modal
      title={`Export “${doc.name || 'pattern'}”`}
      testId="export-dialog"
      onClose={close}
      size="lg"
      footer={footer}
    >
      <div className="export-layout">
        <TargetTabs target={target} report={report} onSelect={choose} />
        <div
          className="export-panel"
          id="export-panel"
          role="tabpanel"
          aria-labelledby={`export-tab-${target}`}
          data-testid="export-panel"
          data-target={target}
        >
          <aside className="export-side">
            <h3 className="export-heading">{info.label}</h3>
            <ExportOptionsForm doc={doc} target={target} />
            <h3 className="export-heading">Expressibility</h3>
            <ExportWarnings warnings={warnings} />
            <ExpressibilityList report={report[target]} />
          </aside>
          <section className="export-main">
            {result.ok ? (
              <>
                <div className="export-file" data-testid="export-file-name">
                  {result.fileName}
                </div>
                {result.files && (
                  <div className="export-project-files" data-testid="export-project-files">
                    {result.files.length} files: {result.files.map((f) => f.path.split('/').pop()).join(', ')}
                    . Unzip, then <code>mvn package</code> and{' '}
                    <code>flink run target/….jar --input events.jsonl</code> (see its README). Shown: the
                    job’s main class.
                  </div>
                )}
                <ExportPreview text={result.text} language={info.language} fileName={result.fileName} />
              </>
            ) : result.reasons.some((r) => r.cause === 'pattern') ? (
              <PatternErrorNotice label={info.label} problems={patternErrors} reasons={result.reasons} />
            ) : (
              <RefusalNotice
                label={info.label}
                reasons={result.reasons}
                alternatives={EXPORT_TARGETS.filter((t) => t !== 'json' && t !== target && report[t].ok)}
                onChoose={chooseFromNotice}
              />
            )}
          </section>
        </div>
      </div>
    </Modal>
  );
}
