/** Saves text as a file through a download link: works in the browser and in Electron's renderer. */
export function downloadText(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
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
