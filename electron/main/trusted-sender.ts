/**
 * Who may call the back end over IPC (security checklist item 17, VS Code's validatedIpcMain):
 * only the main frame (no iframes) of a window this app created, showing a page from the
 * app's own origin. Everything else is answered with `forbidden`.
 */
import type { IpcMainInvokeEvent } from 'electron';

/** Origin as scheme://host[:port]; Node's URL reports "null" for custom schemes, so build it. */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

export interface SenderPolicy {
  /** The origin the app's pages are served from (app://cepheus, or the Vite dev server). */
  appOrigin: string;
  /** ids of the webContents of windows the app created. */
  knownContents: ReadonlySet<number>;
}

export type SenderCheck = (event: IpcMainInvokeEvent) => string | null;

/** Returns null for a trusted sender, or the reason it was rejected. */
export function createSenderCheck(policy: SenderPolicy): SenderCheck {
  return (event) => {
    if (!policy.knownContents.has(event.sender.id)) return 'not a window of this app';
    const frame = event.senderFrame;
    if (!frame) return 'the sending frame is gone';
    if (frame.parent !== null) return 'not the main frame';
    if (originOf(frame.url) !== policy.appOrigin)
      return `unexpected origin ${originOf(frame.url) ?? frame.url}`;
    return null;
  };
}
