/** Explains why a picked `.cep.json` file could not be opened: every problem the loader found. */
import { Modal } from '../../recordings/Modal';
import { useLibraryUiStore } from './library-ui-store';

export function FileProblemDialog() {
  const problem = useLibraryUiStore((s) => s.fileProblem);
  const setFileProblem = useLibraryUiStore((s) => s.setFileProblem);
  if (!problem) return null;
  const close = () => setFileProblem(null);
  return (
    <Modal
      title="Could not open the file"
      testId="file-problem"
      onClose={close}
      footer={
        <button type="button" className="btn" onClick={close}>
          Close
        </button>
      }
    >
      <p className="library-dialog-text">
        <strong>{problem.fileName}</strong> is not a pattern Cepheus can open. Nothing was changed.
      </p>
      <ul className="file-problem-list" data-testid="file-problem-list">
        {problem.problems.slice(0, 50).map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ul>
      {problem.problems.length > 50 && (
        <p className="library-dialog-text">…and {problem.problems.length - 50} more.</p>
      )}
    </Modal>
  );
}
