/**
 * Session- and page-level lockdown (Electron security checklist items 4, 11-15): strict CSP
 * header, no permissions, no navigation away from the app, no new windows, no <webview>.
 */
import { shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../services/csp';

/** Adds the CSP to every response. Skipped for the Vite dev server (HMR needs ws: and an inline preamble). */
export function hardenSession(session: Session, options: { strictCsp: boolean }): void {
  if (options.strictCsp) {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      });
    });
  }
  // Cepheus needs no camera, notifications, geolocation, clipboard-read…: deny every request and check.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Opens https links from the app in the user's browser; anything else is dropped. */
export function openExternalSafely(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return;
  }
  if (parsed.protocol === 'https:') void shell.openExternal(parsed.toString());
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
}
