/** Adds a test case made in the debugger to the open pattern (one undoable edit) and says so. */
import { CepError, type CepApi } from '../../electron/contract';
import type { TestCase } from '../../engine/format/tests-schema';
import type { PatternDocument } from '../../engine/format/schema';
import { useDocumentStore } from '../state/document-store';
import { useReplayStore } from '../state/replay-store';
import { useUiStore } from '../state/ui-store';

export async function addCaseFromReplay(
  api: CepApi,
  build: (doc: PatternDocument, recording: string) => TestCase,
): Promise<TestCase | null> {
  const notice = useUiStore.getState().setNotice;
  const session = useReplayStore.getState().session;
  const docs = useDocumentStore.getState();
  if (!session || !docs.document) return null;
  try {
    const recording = await api.recordings.get({ id: session.recordingId });
    let made = build(docs.document, recording.name);
    useDocumentStore.getState().edit('Add test', (doc) => {
      // Built again on the document as it is now, so the id is free even after another edit.
      made = build(doc, recording.name);
      return { ...doc, tests: [...doc.tests, made] };
    });
    notice({ kind: 'info', text: `Test added: ${made.name}. It runs in the Tests panel.` });
    return made;
  } catch (err) {
    notice({ kind: 'error', text: `Could not add the test: ${CepError.from(err).message}` });
    return null;
  }
}
