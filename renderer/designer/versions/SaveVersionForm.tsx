/** "Save version" with an optional label, and what the canvas changed since the newest version. */
import { useMemo, useState } from 'react';
import { formatShortcut, isMacPlatform } from '../../actions/shortcut';
import { diffVersions, summarizeChanges } from '../../../engine/format/diff';
import type { PatternDocument } from '../../../engine/format/schema';
import { activeSaver } from '../library/save-controller';

export function SaveVersionForm({
  latest,
  latestDocument,
  current,
  autoFocus,
}: {
  latest: number | null;
  latestDocument: PatternDocument | null;
  current: PatternDocument | null;
  autoFocus: boolean;
}) {
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const pending = useMemo(
    () => (latestDocument && current ? summarizeChanges(diffVersions(latestDocument, current)) : null),
    [latestDocument, current],
  );
  const save = async (): Promise<void> => {
    const saver = activeSaver();
    if (!saver || busy) return;
    setBusy(true);
    const outcome = await saver.saveVersion(label.trim() || undefined);
    setBusy(false);
    if (outcome.created) setLabel('');
  };
  return (
    <form
      className="vh-save"
      data-testid="version-save-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="vh-pending" data-testid="version-pending">
        {latest === null
          ? ''
          : pending === null
            ? ' '
            : pending === ''
              ? `No changes since v${latest}.`
              : `Since v${latest}: ${pending}`}
      </div>
      <div className="vh-save-row">
        <input
          className="insp-input"
          placeholder="Label (optional), e.g. tighter window"
          value={label}
          maxLength={200}
          autoFocus={autoFocus}
          aria-label="Version label"
          data-testid="version-label-input"
          onChange={(e) => setLabel(e.target.value)}
        />
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="version-save"
          disabled={busy}
          title={`Save a version (${formatShortcut('Mod+S', isMacPlatform())})`}
        >
          Save version
        </button>
      </div>
    </form>
  );
}
