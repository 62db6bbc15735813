/**
 * Import step 1: pick the recording. The back end reads only files the person chose: in the desktop
 * app through the system's open dialog, in a browser by uploading the picked file. There is no way
 * to type a path (see electron/contract/files.ts).
 */
export interface ImportPickProps {
  /** Desktop: the system's open dialog (the main process shows it). */
  desktop: boolean;
  onChoose: () => void;
  /** Browser: the file picked in the page, to upload. */
  onFile: (file: File) => void;
}

const FORMATS = 'CSV, JSON Lines or a JSON array, optionally gzip-compressed (.gz).';

export function ImportPick({ desktop, onChoose, onFile }: ImportPickProps) {
  if (desktop)
    return (
      <div className="import-pick">
        <button type="button" className="import-drop" data-testid="import-choose" onClick={onChoose}>
          <span className="import-drop-title">Choose a recording file…</span>
          <span className="import-drop-text">{FORMATS}</span>
        </button>
      </div>
    );
  return (
    <div className="import-pick">
      <label className="import-drop">
        <span className="import-drop-title">Choose a recording file</span>
        <span className="import-drop-text">{FORMATS} It is uploaded to the Cepheus host.</span>
        <input
          type="file"
          data-testid="import-file-input"
          accept=".csv,.jsonl,.ndjson,.json,.gz,text/csv,application/json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) onFile(file);
          }}
        />
      </label>
    </div>
  );
}
