/** Import step 1: pick a file (uploaded in a browser) or type a path on the back end's machine. */
import { useState } from 'react';

export interface ImportPickProps {
  onFile: (file: File) => void;
  onPath: (path: string) => void;
}

export function ImportPick({ onFile, onPath }: ImportPickProps) {
  const [path, setPath] = useState('');
  return (
    <div className="import-pick">
      <label className="import-drop">
        <span className="import-drop-title">Choose a recording file</span>
        <span className="import-drop-text">
          CSV, JSON Lines or a JSON array, optionally gzip-compressed (.gz).
        </span>
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
      <form
        className="import-path"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) onPath(path);
        }}
      >
        <label htmlFor="import-path-input">…or a path on the machine running Cepheus</label>
        <div className="import-path-row">
          <input
            id="import-path-input"
            className="cx-input"
            data-testid="import-path-input"
            value={path}
            placeholder="/data/events.jsonl.gz"
            onChange={(e) => setPath(e.target.value)}
          />
          <button type="submit" className="btn" disabled={!path.trim()}>
            Inspect
          </button>
        </div>
      </form>
    </div>
  );
}
