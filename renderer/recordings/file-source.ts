/**
 * Turns a file the user picked into a path the back end can read. The back end imports from a path
 * on its own machine: in the web host the browser uploads the bytes (`POST /api/upload`, streamed to
 * the host's temp folder); in Electron the preload may expose the picked file's real path.
 */
import { CepError } from '../../electron/contract';
import { tokenHeader } from '../api/http-api';
import { takeTokenFromUrl } from '../api/token';

declare global {
  interface Window {
    /** Optional Electron preload helper (webUtils.getPathForFile). */
    cepFiles?: { pathForFile(file: File): string };
  }
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface PickedFile {
  path: string;
  /** The name the user saw in the picker. */
  name: string;
  size: number;
}

export interface UploadHandle {
  promise: Promise<PickedFile>;
  cancel(): void;
}

/** Resolves the picked file to a back-end path, uploading it when the app runs in a browser. */
export function resolvePickedFile(file: File, onProgress: (p: UploadProgress) => void): UploadHandle {
  if (window.cep) {
    const path = window.cepFiles?.pathForFile(file);
    const promise = path
      ? Promise.resolve({ path, name: file.name, size: file.size })
      : Promise.reject(
          new CepError(
            'internal',
            'This build cannot read the picked file’s path; type the path of the file instead.',
          ),
        );
    return { promise, cancel: () => undefined };
  }
  return uploadFile(file, onProgress);
}

function uploadFile(file: File, onProgress: (p: UploadProgress) => void): UploadHandle {
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
