import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cepMethodNames, eventChannel, ipcChannel, type CepMethodName } from '../../../electron/contract';
import { CONTENT_SECURITY_POLICY } from '../../../electron/services/csp';
import type { IpcEnvelope } from '../../../electron/main/ipc';
import { sampleDocument } from '../store/sample-document';
import { fake, FakeBrowserWindow, FakeWebContents } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule);

const dataDir = mkdtempSync(path.join(tmpdir(), 'cepheus-main-'));
let window: FakeBrowserWindow;

type Frame = { url: string; parent: unknown };
function invoke(
  method: CepMethodName,
  sender: FakeWebContents,
  frame: Frame | null,
  ...args: unknown[]
): Promise<IpcEnvelope> {
  const handler = fake.ipcHandlers.get(ipcChannel(method));
  if (!handler) throw new Error(`no handler for ${method}`);
  return Promise.resolve(
    handler({ sender, senderFrame: frame }, ...args) as IpcEnvelope | Promise<IpcEnvelope>,
  );
}
const appFrame: Frame = { url: 'app://cepheus/index.html', parent: null };

/**
 * Arguments each method's schema must refuse. Any method not listed gets an object with an
 * unknown key, which every schema refuses (no-argument methods accept only undefined,
 * argument objects are strict).
 */
const badArgs: Partial<Record<CepMethodName, unknown>> = {
  'app.info': { unexpected: true },
  'patterns.list': 'all',
  'patterns.get': { id: '' },
  'patterns.create': { name: 'x' },
  'patterns.save': { id: 'a', document: 'not an object' },
  'patterns.rename': { id: 'a', name: '   ' },
  'patterns.duplicate': { id: 'a', extra: 1 },
  'patterns.delete': {},
  'patterns.versions': { id: 42 },
  'patterns.getVersion': { id: 'a', version: 0 },
  'patterns.restoreVersion': { id: 'a', version: 1.5 },
  'patterns.labelVersion': { id: 'a', version: 1, message: 7 },
};

// Refusals are logged on purpose; keep the test output readable and check they are logged.
const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

beforeAll(async () => {
  process.env.CEPHEUS_DATA_DIR = dataDir;
  vi.stubGlobal('MAIN_WINDOW_VITE_DEV_SERVER_URL', undefined);
  vi.stubGlobal('MAIN_WINDOW_VITE_NAME', 'main_window');
  await import('../../../electron/main/main');
  await vi.waitFor(() => expect(FakeBrowserWindow.instances).toHaveLength(1));
  window = FakeBrowserWindow.instances[0]!;
});

afterAll(() => {
  fake.app.emit('will-quit');
  delete process.env.CEPHEUS_DATA_DIR;
  vi.unstubAllGlobals();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Electron main process (against a stubbed electron module)', () => {
  it('starts without errors, sandboxed, serving the app from app://cepheus', () => {
    expect(fake.errorBoxes).toEqual([]);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(window.loadedUrls).toEqual(['app://cepheus/index.html']);
    expect(fake.privilegedSchemes).toMatchObject([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
  });

  it('creates the window with locked-down webPreferences and the CommonJS preload', () => {
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(path.basename(String(prefs.preload))).toBe('preload.cjs');
  });

  it('adds the strict CSP header to every response', () => {
    let result: { responseHeaders: Record<string, string[]> } | undefined;
    fake.headersListener?.(
      { url: 'app://cepheus/index.html', responseHeaders: { 'Content-Type': ['text/html'] } },
      (r: typeof result) => (result = r),
    );
    expect(result?.responseHeaders['Content-Type']).toEqual(['text/html']);
    expect(result?.responseHeaders['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('blocks navigation, redirects, webviews and new windows; opens only https links externally', () => {
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const preventDefault = vi.fn();
      window.webContents.emit(event, { preventDefault }, 'https://evil.example/');
      expect(preventDefault, event).toHaveBeenCalledOnce();
    }
    expect(window.webContents.windowOpenHandler?.({ url: 'https://flink.apache.org/' })).toEqual({
      action: 'deny',
    });
    expect(window.webContents.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(window.webContents.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({
      action: 'deny',
    });
    expect(fake.opened).toEqual(['https://flink.apache.org/']);
  });

  it('denies every permission request and check', () => {
    const callback = vi.fn();
    fake.permissionRequest?.(window.webContents, 'media', callback);
    fake.permissionRequest?.(window.webContents, 'notifications', callback);
    expect(callback.mock.calls).toEqual([[false], [false]]);
    expect(fake.permissionCheck?.(window.webContents, 'clipboard-read')).toBe(false);
  });

  it('serves renderer files through app:// but nothing outside the renderer folder', async () => {
    const handler = fake.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    for (const url of [
      'app://cepheus/../../package.json',
      'app://cepheus/%2e%2e/%2e%2e/package.json',
      'app://other/index.html',
    ]) {
      expect((await handler?.(new Request(url)))?.status, url).toBe(404);
    }
  });

  it('registers exactly one IPC handler per contract method', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(cepMethodNames.map(ipcChannel).sort());
  });

  it.each(cepMethodNames)('%s refuses foreign senders', async (method) => {
    const stranger = new FakeWebContents();
    const cases: [FakeWebContents, Frame | null][] = [
      [stranger, appFrame], // a webContents the app did not create
      [window.webContents, { url: 'app://cepheus/index.html', parent: {} }], // an iframe
      [window.webContents, { url: 'https://evil.example/', parent: null }], // navigated elsewhere
      [window.webContents, null], // frame already gone
    ];
    for (const [sender, frame] of cases) {
      const reply = await invoke(method, sender, frame, undefined);
      expect(reply.ok).toBe(false);
      if (!reply.ok) expect(reply.error.code).toBe('forbidden');
    }
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`refused ${method}`));
  });

  it.each(cepMethodNames)('%s rejects malformed arguments with a typed error', async (method) => {
    const reply = await invoke(
      method,
      window.webContents,
      appFrame,
      method in badArgs ? badArgs[method] : { unexpectedKey: true },
    );
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('invalid-arguments');
      expect(reply.error.message).toContain(method);
    }
    const tooMany = await invoke(method, window.webContents, appFrame, undefined, 'extra');
    expect(tooMany.ok ? 'ok' : tooMany.error.code).toBe('invalid-arguments');
  });

  it('serves the app’s own calls and pushes changes to the window', async () => {
    const created = await invoke('patterns.create', window.webContents, appFrame, {
      name: 'Via IPC',
      document: sampleDocument('a > 1'),
    });
    expect(created.ok).toBe(true);
    const listed = await invoke('patterns.list', window.webContents, appFrame);
    expect(listed.ok && (listed.value as { name: string }[]).map((p) => p.name)).toEqual(['Via IPC']);
    const info = await invoke('app.info', window.webContents, appFrame);
    expect(info.ok && info.value).toMatchObject({ host: 'electron', dataDir, version: '0.1.0-test' });
    expect(window.webContents.sent).toContainEqual([
      eventChannel,
      'patterns.changed',
      expect.objectContaining({ kind: 'created' }),
    ]);
    const missing = await invoke('patterns.get', window.webContents, appFrame, { id: 'nope' });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not-found');
  });
});
