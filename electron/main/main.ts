/**
 * Electron main process: the composition root. The only place that imports Electron together
 * with the back-end services; everything it wires up lives in small modules next to it.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import path from 'node:path';
import { CepError } from '../contract';
import { createBackend, resolveDataDir, type CepBackend } from '../services';
import { APP_ORIGIN, APP_SCHEME, appSchemePrivileges, createAppProtocolHandler } from './app-protocol';
import { createFileDialogs } from './file-dialogs';
import { hardenSession, hardenWebContents } from './hardening';
import { registerIpc, sendPush } from './ipc';
import { createSenderCheck, originOf } from './trusted-sender';
import { createMainBrowserWindow } from './window-options';

// Set by Forge's Vite plugin: the dev server URL under `npm start`, undefined in a packaged app.
const devServerUrl: string | undefined = MAIN_WINDOW_VITE_DEV_SERVER_URL;
const rendererDir = path.join(__dirname, '..', 'renderer', MAIN_WINDOW_VITE_NAME);
const appOrigin = (devServerUrl && originOf(devServerUrl)) || APP_ORIGIN;
const knownContents = new Set<number>();
let backend: CepBackend | undefined;

function createMainWindow(): BrowserWindow {
  const window = createMainBrowserWindow(path.join(__dirname, 'preload.cjs'));
  const id = window.webContents.id;
  knownContents.add(id);
  window.on('closed', () => knownContents.delete(id));
  window.once('ready-to-show', () => window.show());
  window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`).catch((error: unknown) => {
    dialog.showErrorBox('Cepheus could not load its window', String(error));
  });
  return window;
}

function forwardPushes(source: CepBackend): void {
  source.subscribeAll((name, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (knownContents.has(window.webContents.id)) sendPush(window.webContents, name, payload);
    }
  });
}

async function start(): Promise<void> {
  await app.whenReady();
  let dataDir: string;
  try {
    dataDir = resolveDataDir({ argv: process.argv, env: process.env, fallback: app.getPath('userData') });
    backend = createBackend({
      dataDir,
      appVersion: app.getVersion(),
      host: 'electron',
      // Packaged builds carry samples/ as an extra resource (forge.config.ts).
      samplesDir: app.isPackaged
        ? path.join(process.resourcesPath, 'samples')
        : path.join(app.getAppPath(), 'samples'),
      seedSamplesOnFirstRun: true,
      fileDialogs: createFileDialogs(),
    });
  } catch (error) {
    dialog.showErrorBox('Cepheus cannot open its data', CepError.from(error).message);
    app.quit();
    return;
  }
  hardenSession(session.defaultSession, { strictCsp: !devServerUrl });
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  registerIpc({ ipcMain, api: backend, checkSender: createSenderCheck({ appOrigin, knownContents }) });
  forwardPushes(backend);
  createMainWindow();
}

// Squirrel.Windows launches the app with --squirrel-* while installing or updating: exit at once.
const squirrelEvent =
  process.platform === 'win32' && process.argv.some((arg) => arg.startsWith('--squirrel-'));

if (squirrelEvent || !app.requestSingleInstanceLock()) {
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  app.enableSandbox();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });
  app.on('will-quit', () => backend?.close());
  start().catch((error: unknown) => {
    dialog.showErrorBox(
      'Cepheus failed to start',
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
    app.quit();
  });
}
