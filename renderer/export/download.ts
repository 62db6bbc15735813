/** Saves text as a file through a download link: works in the browser and in Electron's renderer. */
export function downloadText(fileName: string, text: string, mime: string): void {
  downloadBlob(fileName, new Blob([text], { type: `${mime};charset=utf-8` }));
}

/** Saves bytes (e.g. a zipped project) the same way. */
export function downloadBytes(fileName: string, bytes: Uint8Array, mime: string): void {
  downloadBlob(fileName, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started by now; the URL only has to live until the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
