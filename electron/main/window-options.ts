import { BrowserWindow } from 'electron';

/**
 * Creates the main window. Every security-relevant preference is spelled out even where it is
 * Electron's default, so a future default change or a careless edit shows up in review, in
 * test/unit/electron/main-process.test.ts and in the Electronegativity scan (which reads this
 * object literal, hence it stays inline in the constructor call).
 */
export function createMainBrowserWindow(preloadPath: string): BrowserWindow {
  return new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Cepheus',
    show: false,
    backgroundColor: '#1e1e1e',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in a new window (denied anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
}
