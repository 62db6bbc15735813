/**
 * Serves the built renderer from `app://cepheus/` instead of file:// (security checklist item
 * 18): the page gets a real, fixed origin that IPC sender checks can compare against, and
 * module scripts and workers load as same-origin. Requests outside the renderer folder get 404.
 */
import { readFile } from 'node:fs/promises';
import { fileUnder, mimeType } from '../services/mime-types';
import { CONTENT_SECURITY_POLICY } from '../services/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'cepheus';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Registered before app 'ready' (protocol.registerSchemesAsPrivileged). */
export const appSchemePrivileges = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** Maps a request URL to a file under `root`, or null if it does not belong to the app. */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  return fileUnder(root, url.pathname);
}

/** The protocol handler: static files with the CSP attached, 404 for anything else. */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveAppFile(root, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': mimeType(file),
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
