/**
 * A hand-written stand-in for the `electron` module (the binary cannot be downloaded here, and
 * importing the real package would try). It records what main registers so tests can drive
 * the handlers the way Electron would.
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: unknown[]) => unknown;

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  readonly sent: unknown[][] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  isDestroyed(): boolean {
    return false;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
    fake.app.emit('web-contents-created', {}, this.webContents);
  }
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.instances;
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  show(): void {}
  focus(): void {}
  restore(): void {}
  isMinimized(): boolean {
    return false;
  }
}

class FakeApp extends EventEmitter {
  userData = '';
  quitCalls = 0;
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`unexpected getPath(${name})`);
    return this.userData;
  }
  getVersion(): string {
    return '0.1.0-test';
  }
  /** Development run from the repo: samples come from <repo>/samples. */
  isPackaged = false;
  getAppPath(): string {
    return process.cwd();
  }
  requestSingleInstanceLock(): boolean {
    return true;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  sandboxEnabled = false;
  quit(): void {
    this.quitCalls++;
  }
}

export const fake = {
  app: new FakeApp(),
  ipcHandlers: new Map<string, Handler>(),
  headersListener: undefined as Handler | undefined,
  permissionRequest: undefined as Handler | undefined,
  permissionCheck: undefined as Handler | undefined,
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  errorBoxes: [] as string[][],
  opened: [] as string[],
};

export const electronModule = {
  app: fake.app,
  BrowserWindow: FakeBrowserWindow,
  ipcMain: {
    handle: (channel: string, fn: Handler) => {
      if (fake.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      fake.ipcHandlers.set(channel, fn);
    },
    removeHandler: (channel: string) => fake.ipcHandlers.delete(channel),
  },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: (fn: Handler) => (fake.headersListener = fn) },
      setPermissionRequestHandler: (fn: Handler) => (fake.permissionRequest = fn),
      setPermissionCheckHandler: (fn: Handler) => (fake.permissionCheck = fn),
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privilegedSchemes.push(...schemes),
    handle: (scheme: string, fn: (request: Request) => Promise<Response>) =>
      fake.protocolHandlers.set(scheme, fn),
  },
  dialog: { showErrorBox: (title: string, body: string) => fake.errorBoxes.push([title, body]) },
  shell: {
    openExternal: (url: string) => {
      fake.opened.push(url);
      return Promise.resolve();
    },
  },
};

export default electronModule;
