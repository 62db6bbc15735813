/** Serves the built renderer folder with the same CSP as the desktop app, plus anti-framing. */
import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../services/csp';
import { fileUnder, mimeType } from '../services/mime-types';

const WEB_CSP = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

export async function serveStatic(
  res: ServerResponse,
  rendererDir: string,
  urlPath: string,
  headOnly: boolean,
): Promise<void> {
  const file = fileUnder(rendererDir, urlPath);
  let body: Buffer | null = null;
  if (file) {
    try {
      body = await readFile(file);
    } catch {
      body = null;
    }
  }
  if (!file || !body) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end(headOnly ? undefined : 'Not found');
    return;
  }
  const isPage = path.extname(file) === '.html';
  // Vite names every built asset after its content (assets/name-HASH.js): a returning page reuses it
  // without asking, which also lets Chromium reuse the compiled code it cached for it.
  const isHashedAsset = /^\/?assets\/[^/]+-[\w-]{8,}\.\w+$/.test(urlPath);
  res.writeHead(200, {
    'Content-Type': mimeType(file),
    'Content-Length': body.length,
    'Content-Security-Policy': WEB_CSP,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    // The page URL carries the session token; never send it to anyone in a Referer.
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': isPage ? 'no-store' : isHashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  res.end(headOnly ? undefined : body);
}
