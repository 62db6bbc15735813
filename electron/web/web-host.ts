/**
 * The web host: the renderer and the very same createBackend() served over HTTP, for use in a
 * plain browser and for end-to-end tests. Bound to 127.0.0.1 only and guarded by a random
 * per-run token; requests naming another Host are refused (DNS-rebinding defence).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createBackend, type CepBackend } from '../services';
import { handleApi } from './api-handler';
import { sendError } from './http-status';
import { PushStreams } from './push-stream';
import { ensureRendererBuilt, type BuildMode } from './renderer-build';
import { serveStatic } from './static-files';
import { UploadFolder } from './upload-folder';
import { prepareWorkerBundles } from './worker-bundles';

export const HOST = '127.0.0.1';
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DEFAULT_RENDERER_DIR = path.join(PROJECT_ROOT, '.vite', 'renderer', 'main_window');

export interface WebHostOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Absolute or relative folder for cepheus.db. */
  dataDir: string;
  /** The built renderer; defaults to .vite/renderer/main_window. */
  rendererDir?: string;
  /** 'auto' (default): build when missing or stale; 'always'; 'never' (serve the API even without a UI). */
  build?: BuildMode;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** Seed the sample patterns and recordings into a fresh data folder (as `npm run web` does). */
  seedSamples?: boolean;
  /** Parent folder of this host's upload folder (default: <tmp>/cepheus-uploads). */
  uploadRoot?: string;
  /** How long an upload whose import failed or was cancelled is kept for a retry (default 30 min). */
  uploadRetryGraceMs?: number;
  /** How long a call waits for another process's write lock (default 30 s; e2e tests shorten it). */
  busyDeadlineMs?: number;
  /** Run the import workers from bundles built at the first upload or inspection (default true; worker-bundles.ts). */
  workerBundles?: boolean;
}

export interface WebHost {
  /** The URL to open, token included: http://127.0.0.1:<port>/?token=<token>. */
  url: string;
  origin: string;
  port: number;
  token: string;
  backend: CepBackend;
  /** Where this host receives uploads (deleted on close). */
  uploadDir: string;
  /** Ends event streams, stops listening, closes the database and deletes the uploads. */
  close(): Promise<void>;
}

function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const rendererDir = path.resolve(options.rendererDir ?? DEFAULT_RENDERER_DIR);
  await ensureRendererBuilt(PROJECT_ROOT, rendererDir, options.build ?? 'auto');

  const token = options.token ?? randomBytes(24).toString('base64url');
  const streams = new PushStreams();
  // Until the database is open no Host is allowed, so every request is refused.
  let allowedHosts = new Set<string>();
  let backend: CepBackend | null = null;
  // The import workers' bundles (from source only: a bundled host already runs bundled workers), built
  // when a file is first uploaded or inspected, not at start, where esbuild would compete with the
  // page's first paint; an import follows its upload and inspection, so they are usually ready.
  const bundling = import.meta.url.endsWith('.ts') && options.workerBundles !== false;
  let bundles: Promise<void> | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!allowedHosts.has(req.headers.host ?? '')) {
      sendError(res, { code: 'forbidden', message: `Unexpected Host header "${req.headers.host ?? ''}"` });
      return;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!backend) {
      sendError(res, { code: 'internal', message: 'Cepheus is still opening its database' }, 503);
      return;
    }
    if (bundling && (url.pathname === '/api/upload' || url.pathname === '/api/recordings.inspect'))
      bundles ??= prepareWorkerBundles(PROJECT_ROOT);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      await handleApi(req, res, url, { backend, streams, token, uploads });
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      await serveStatic(res, rendererDir, url.pathname, req.method === 'HEAD');
    } else {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Cepheus web host: request failed:', error);
      if (!res.headersSent)
        sendError(res, { code: 'internal', message: 'The web host failed to answer this request' });
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  // Listen before opening the database: a busy port must not leave a new, empty (unseeded)
  // database behind that the next start would take for an existing library.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const uploads = new UploadFolder(options.uploadRoot, options.uploadRetryGraceMs);
  try {
    backend = createBackend({
      dataDir: options.dataDir,
      appVersion: appVersion(),
      host: 'web',
      seedSamplesOnFirstRun: options.seedSamples ?? false,
      ...(options.busyDeadlineMs !== undefined ? { busyDeadlineMs: options.busyDeadlineMs } : {}),
    });
  } catch (error) {
    uploads.dispose();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw error;
  }
  const openBackend = backend;
  const unsubscribe = openBackend.subscribeAll(streams.forward);
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  const origin = `http://${HOST}:${port}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      unsubscribe();
      streams.closeAll();
      server.close(() => {
        openBackend.close();
        uploads.dispose();
        void (bundles ?? Promise.resolve()).then(resolve);
      });
      server.closeIdleConnections();
    }));

  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    backend: openBackend,
    uploadDir: uploads.dir,
    close,
  };
}
