/**
 * Turns the file the user chose into a file grant the back end accepts (electron/contract/files.ts).
 * In a browser the bytes are uploaded (`POST /api/upload`, streamed to the host's temp folder) and
 * the host answers with a grant; in the desktop app the system's open dialog (shown by the main
 * process through `files.chooseRecording`) gives one. The page never names a path.
 */
import { CepError, type CepApi } from '../../electron/contract';
import { tokenHeader } from '../api/http-api';
import { takeTokenFromUrl } from '../api/token';

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface PickedFile {
  /** The file grant. */
  path: string;
  /** The name the user saw in the picker. */
  name: string;
  size: number;
}

export interface UploadHandle {
  promise: Promise<PickedFile>;
  cancel(): void;
}

/** True in the desktop app (the preload's `window.cep`): files come from the system's dialogs. */
export function hasFileDialogs(): boolean {
  return typeof window !== 'undefined' && window.cep !== undefined;
}

/** Desktop: the system's open dialog; null when the user cancels. */
export async function chooseRecordingFile(api: CepApi): Promise<PickedFile | null> {
  const chosen = await api.files.chooseRecording();
  return chosen === null ? null : { path: chosen.grant, name: chosen.name, size: chosen.size };
}

/** Browser: uploads the picked file; the host answers with a grant for it. */
export function uploadFile(file: File, onProgress: (p: UploadProgress) => void): UploadHandle {
  // XMLHttpRequest, not fetch: only it reports upload progress, which matters for big recordings.
  const xhr = new XMLHttpRequest();
  const promise = new Promise<PickedFile>((resolve, reject) => {
    xhr.open('POST', `${window.location.origin}/api/upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader(tokenHeader, takeTokenFromUrl() ?? '');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) =>
      onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onerror = () =>
      reject(new CepError('internal', 'The upload to the Cepheus web host failed (connection lost).'));
    xhr.onabort = () => reject(new CepError('cancelled', 'Upload cancelled.'));
    xhr.onload = () => {
      let body: { result?: { path: string }; error?: unknown } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // Handled below as a failed upload.
      }
      if (xhr.status === 200 && body.result)
        resolve({ path: body.result.path, name: file.name, size: file.size });
      else
        reject(
          body.error
            ? CepError.from(body.error)
            : new CepError('internal', `The upload failed with HTTP ${xhr.status}.`),
        );
    };
    xhr.send(file);
  });
  return { promise, cancel: () => xhr.abort() };
}
