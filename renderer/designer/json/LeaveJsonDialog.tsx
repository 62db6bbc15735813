/**
 * Asked when the user leaves the JSON view while its text does not load: keep editing (the safe
 * choice, focused), or discard the JSON edits and go on. Never drops the text without asking.
 */
import { useEffect, useRef } from 'react';
import { Modal } from '../../recordings/Modal';
import { useInspectorTab } from '../inspector/inspector-tab';
import { usePatternVerdict } from './pattern-verdict';
import './json-view.css';

export function LeaveJsonDialog() {
  const leaving = useInspectorTab((s) => s.leaving);
  const { jsonErrors } = usePatternVerdict();
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (leaving) keepRef.current?.focus();
  }, [leaving]);
  if (!leaving) return null;
  const stay = () => useInspectorTab.getState().stay();
  const discard = () => useInspectorTab.getState().discardAndShow(leaving);
  return (
    <Modal
      title="Your JSON edits are not applied"
      testId="leave-json-dialog"
      onClose={stay}
      footer={
        <>
          <button type="button" className="btn" data-testid="leave-json-discard" onClick={discard}>
            Discard my JSON edits
          </button>
          <button
            ref={keepRef}
            type="button"
            className="btn btn-primary"
            data-testid="leave-json-keep"
            onClick={stay}
          >
            Keep editing
          </button>
        </>
      }
    >
      <p className="json-leave-text">
        The JSON text has {jsonErrors === 1 ? '1 error' : `${jsonErrors} errors`}, so the pattern still is the
        last version that loaded. Keep editing to fix the text, or discard your JSON edits and go back to the
        pattern as the canvas shows it.
      </p>
    </Modal>
  );
}
