/**
 * Connect without a mouse: from the selected stage to a stage chosen in a list, with a contiguity.
 * Candidates are the stages on the same level (edges never cross a group border); one the engine
 * would refuse stays listed with its reason, so the user learns why rather than wondering.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { checkConnection } from '../../canvas/connection-rules';
import { CONTIGUITIES, CONTIGUITY_STYLES, type Contiguity } from '../../canvas/contiguity';
import { connect } from '../../canvas/doc-edits';
import { levels, parentOf } from '../../canvas/doc-tree';
import { useDocumentStore } from '../../state/document-store';
import { useCanvasSession } from './canvas-bridge';
import { focusNodeElement } from './canvas-commands';
import '../../recordings/modal.css';
import './connect-dialog.css';

export function ConnectDialog() {
  const from = useCanvasSession((s) => s.connectFrom);
  const doc = useDocumentStore((s) => s.document);
  if (!from || !doc) return null;
  return <ConnectForm key={from} from={from} />;
}

function ConnectForm({ from }: { from: string }) {
  const doc = useDocumentStore((s) => s.document);
  const close = (): void => useCanvasSession.getState().setConnectFrom(null);
  /** Cancelled: back to the stage it started from. */
  const cancel = (): void => {
    close();
    focusNodeElement(from);
  };
  const [contiguity, setContiguity] = useState<Contiguity>(useCanvasSession.getState().connectAs);
  const level = doc ? parentOf(doc, from) : undefined;
  const source =
    doc &&
    levels(doc)
      .flatMap((l) => l.nodes)
      .find((n) => n.id === from);
  const candidates = useMemo(() => {
    if (!doc || level === undefined) return [];
    const siblings = levels(doc).find((l) => l.groupId === level)?.nodes ?? [];
    return siblings
      .filter((n) => n.id !== from)
      .map((n) => ({ node: n, verdict: checkConnection(doc, from, n.id, contiguity) }));
  }, [doc, level, from, contiguity]);
  const firstOk = candidates.find((c) => c.verdict.ok)?.node.id ?? candidates[0]?.node.id ?? '';
  const [target, setTarget] = useState(firstOk);
  const chosen =
    candidates.find((c) => c.node.id === target) ?? candidates.find((c) => c.node.id === firstOk);
  const select = useRef<HTMLSelectElement>(null);

  useEffect(() => select.current?.focus(), []);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!chosen?.verdict.ok) return;
    let edgeId = '';
    useDocumentStore.getState().edit('Connect', (d) => {
      const result = connect(d, from, chosen.node.id, contiguity);
      edgeId = result.edgeId;
      return result.doc;
    });
    useCanvasSession.getState().setConnectAs(contiguity);
    close();
    if (edgeId) focusNodeElement(chosen.node.id);
  };

  if (!source) return null;
  return (
    <div className="modal-scrim" onMouseDown={cancel}>
      <form
        className="modal connect-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="connect-title"
        data-testid="connect-dialog"
        onMouseDown={(e) => e.stopPropagation()}
        onSubmit={submit}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            cancel();
          } else if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) {
            // A select does not submit its form on Enter by itself; here Enter means "Connect".
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
      >
        <h2 id="connect-title" className="connect-title">
          Connect “{source.name}” to…
        </h2>
        {candidates.length === 0 ? (
          <p className="connect-reason" data-testid="connect-reason">
            {level
              ? 'No other stage in this group. Add one after it first (Shift+A).'
              : 'No other stage at this level. Add one first (Shift+S).'}
          </p>
        ) : (
          <>
            <label className="connect-field">
              <span>Stage</span>
              <select
                ref={select}
                className="insp-select"
                value={chosen?.node.id ?? ''}
                data-testid="connect-target"
                onChange={(e) => setTarget(e.target.value)}
              >
                {candidates.map(({ node, verdict }) => (
                  <option key={node.id} value={node.id}>
                    {node.kind === 'group' ? `${node.name} (group)` : node.name}
                    {verdict.ok ? '' : ' (not possible)'}
                  </option>
                ))}
              </select>
            </label>
            <label className="connect-field">
              <span>Contiguity</span>
              <select
                className="insp-select"
                value={contiguity}
                data-testid="connect-contiguity"
                onChange={(e) => setContiguity(e.target.value as Contiguity)}
              >
                {CONTIGUITIES.map((c) => (
                  <option key={c} value={c} title={CONTIGUITY_STYLES[c].help}>
                    {CONTIGUITY_STYLES[c].label}
                  </option>
                ))}
              </select>
            </label>
            <p className="connect-reason" data-testid="connect-reason" role="status">
              {chosen && !chosen.verdict.ok ? chosen.verdict.reason : CONTIGUITY_STYLES[contiguity].help}
            </p>
          </>
        )}
        <div className="connect-buttons">
          <button type="button" className="btn" onClick={cancel}>
            Cancel
          </button>
          <button
            type="submit"
            className="btn btn-primary"
            data-testid="connect-submit"
            disabled={!chosen?.verdict.ok}
          >
            Connect
          </button>
        </div>
      </form>
    </div>
  );
}
