/** Asks before a pattern and its whole version history are deleted; the safe choice has the focus. */
import { useEffect, useRef } from 'react';
import { useApi } from '../../components/api-context';
import { Modal } from '../../recordings/Modal';
import { useLibraryUiStore } from './library-ui-store';
import { deletePattern } from './pattern-ops';

export function ConfirmDeleteDialog() {
  const api = useApi();
  const candidate = useLibraryUiStore((s) => s.deleteCandidate);
  const askDelete = useLibraryUiStore((s) => s.askDelete);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (candidate) cancelRef.current?.focus();
  }, [candidate]);
  if (!candidate) return null;
  const close = () => askDelete(null);
  const confirm = () => {
    close();
    void deletePattern(api, candidate.id, candidate.name);
  };
  return (
    <Modal
      title="Delete pattern"
      testId="confirm-delete-pattern"
      onClose={close}
      footer={
        <>
          <button ref={cancelRef} type="button" className="btn" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="btn library-btn-danger"
            data-testid="confirm-delete"
            onClick={confirm}
          >
            Delete
          </button>
        </>
      }
    >
      <p className="library-dialog-text">
        Delete <strong>“{candidate.name}”</strong> and all its saved versions? This cannot be undone. Save it
        as a file first if you may need it again.
      </p>
    </Modal>
  );
}
