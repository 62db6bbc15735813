/**
 * What the library's list actions do against the back end: rename, duplicate, delete, open a sample,
 * open and save `.cep.json` files. Each refreshes the list, opens what the user now expects to see
 * and reports the outcome in the status bar; failures become notices, never uncaught rejections.
 */
import type { CepApi } from '../../../electron/contract';
import { serializeDocument } from '../../../engine/format/serialize';
import { isPatternDocument } from '../../canvas/document-to-flow';
import { useDocumentStore } from '../../state/document-store';
import { useLibraryStore } from '../../state/library-store';
import { useReplayStore } from '../../state/replay-store';
import { useUiStore } from '../../state/ui-store';
import { documentFileName, MAX_DOCUMENT_FILE_BYTES, parseDocumentFile } from './document-file';
import { clearDraft } from './drafts';
import { useLibraryUiStore } from './library-ui-store';
import { activeSaver } from './save-controller';

const notify = (text: string, kind: 'info' | 'error' = 'info') =>
  useUiStore.getState().setNotice({ kind, text });
const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function renamePattern(api: CepApi, id: string, name: string): Promise<boolean> {
  const trimmed = name.trim();
  const current = useLibraryStore.getState().patterns.find((p) => p.id === id);
  if (!trimmed || trimmed === current?.name) return true;
  try {
    await api.patterns.rename({ id, name: trimmed });
    // The open working copy carries the name too (inspector, saved files); one undoable edit.
    const working = useDocumentStore.getState();
    if (working.patternId === id && working.document && working.document.name !== trimmed)
      working.setMeta({ name: trimmed });
    await useLibraryStore.getState().refresh(api);
    if (useLibraryStore.getState().openId === id) await useLibraryStore.getState().reloadOpen(api);
    notify(`Renamed to “${trimmed}”`);
    return true;
  } catch (err) {
    notify(`Could not rename: ${reason(err)}`, 'error');
    return false;
  }
}

export async function duplicatePattern(api: CepApi, id: string): Promise<void> {
  try {
    const copy = await api.patterns.duplicate({ id });
    await useLibraryStore.getState().refresh(api);
    await useLibraryStore.getState().open(api, copy.id);
    notify(`Duplicated as “${copy.name}”`);
  } catch (err) {
    notify(`Could not duplicate: ${reason(err)}`, 'error');
  }
}

export async function deletePattern(api: CepApi, id: string, name: string): Promise<void> {
  const open = useLibraryStore.getState().openId === id;
  // An autosave of the open pattern must not reach the server after the delete (a "not found" save).
  if (open) await activeSaver()?.forget(id);
  try {
    await api.patterns.delete({ id });
    if (useLibraryStore.getState().openId === id) useLibraryStore.getState().close();
    clearDraft(id);
    await useLibraryStore.getState().refresh(api);
    notify(`Deleted “${name}”`);
  } catch (err) {
    notify(`Could not delete: ${reason(err)}`, 'error');
    // Still there: its edits save again.
    if (open) void activeSaver()?.saveWorkingCopy();
  }
}

/** Copies a sample into the library, opens it and preselects its recording for Replay. */
export async function openSample(api: CepApi, slug: string): Promise<boolean> {
  try {
    const { pattern, recording } = await api.samples.open({ slug });
    useReplayStore.getState().chooseRecording(pattern.id, recording.id);
    await useLibraryStore.getState().refresh(api);
    await useLibraryStore.getState().open(api, pattern.id);
    notify(`Opened sample “${pattern.name}” with recording “${recording.name}”`);
    return true;
  } catch (err) {
    notify(`Could not open the sample: ${reason(err)}`, 'error');
    return false;
  }
}

/** Reads a picked file as a new pattern; a bad file is explained and nothing is replaced. */
export async function openDocumentFile(api: CepApi, file: File): Promise<void> {
  const ui = useLibraryUiStore.getState();
  if (file.size > MAX_DOCUMENT_FILE_BYTES) {
    ui.setFileProblem({
      fileName: file.name,
      problems: [
        `The file is ${Math.round(file.size / 1024 / 1024)} MB; a pattern document is far smaller. Is it the right file?`,
      ],
    });
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (err) {
    ui.setFileProblem({ fileName: file.name, problems: [`The file could not be read: ${reason(err)}`] });
    return;
  }
  const result = parseDocumentFile(text, file.name);
  if (!result.ok) {
    ui.setFileProblem({ fileName: file.name, problems: result.problems });
    return;
  }
  try {
    const created = await api.patterns.create({ name: result.name, document: result.document });
    await useLibraryStore.getState().refresh(api);
    await useLibraryStore.getState().open(api, created.id);
    notify(`Opened “${file.name}” as “${created.name}”`);
  } catch (err) {
    ui.setFileProblem({ fileName: file.name, problems: [reason(err)] });
  }
}

function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // The click starts the download synchronously; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads the open pattern's working copy (unsaved edits included), named after the pattern. */
export function saveOpenAsFile(): void {
  const { openPattern } = useLibraryStore.getState();
  const working = useDocumentStore.getState();
  const document =
    working.patternId === openPattern?.id && working.document ? working.document : openPattern?.document;
  if (!openPattern || !isPatternDocument(document)) {
    notify('Open a pattern to save it as a file', 'error');
    return;
  }
  const fileName = documentFileName(openPattern.name);
  downloadText(fileName, serializeDocument({ ...document, name: openPattern.name }));
  notify(`Saved “${fileName}”`);
}
