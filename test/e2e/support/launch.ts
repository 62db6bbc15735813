/**
 * Starts the whole app for an e2e test: the real back end behind the web host (in-process, port 0,
 * a fresh temporary data folder with its own SQLite file), the built renderer, and a Chromium page
 * with diagnostics attached. `close()` tears everything down and removes the data folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { CepApi } from '../../../electron/contract';
import { createHttpApi } from '../../../renderer/api/http-api';
import { launchChromium } from './browser';
import { ensureRendererBuilt } from './build-renderer';
import { PageDiagnostics } from './diagnostics';
import { startHost, type RunningHost } from './host';
import { ShellPage } from './shell-page';

export interface LaunchOptions {
  /** Colour scheme the browser reports to prefers-color-scheme (default light). */
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** Seed the samples into the fresh data folder, as a first start of the app does (AppInfo.welcome). */
  seedSamples?: boolean;
  /** How long a call waits for another process's write lock before `database-busy`. */
  busyDeadlineMs?: number;
}

export interface RunningApp {
  host: RunningHost;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  shell: ShellPage;
  diagnostics: PageDiagnostics;
  dataDir: string;
  /** The same back end, called from the test (Node) to arrange data or check what the UI stored. */
  api: CepApi;
  /** Opens another page on the same host (e.g. to test pushes between clients); `url` overrides the token URL. */
  newPage: (url?: string) => Promise<{ page: Page; shell: ShellPage; diagnostics: PageDiagnostics }>;
  close: () => Promise<void>;
}

export async function launchApp(options: LaunchOptions = {}): Promise<RunningApp> {
  await ensureRendererBuilt({ onlyIfMissing: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'cepheus-e2e-'));
  const host = await startHost(dataDir, {
    seedSamples: options.seedSamples,
    ...(options.busyDeadlineMs !== undefined ? { busyDeadlineMs: options.busyDeadlineMs } : {}),
  });
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: options.viewport ?? { width: 1440, height: 900 },
      colorScheme: options.colorScheme ?? 'light',
      deviceScaleFactor: 1,
    });
    const openPage = async (url = host.url) => {
      const page = await context.newPage();
      const diagnostics = await PageDiagnostics.attach(page);
      await page.goto(url);
      const shell = new ShellPage(page, diagnostics);
      await shell.waitUntilReady();
      return { page, shell, diagnostics };
    };
    const first = await openPage();
    const running = browser;
    return {
      host,
      browser: running,
      context,
      ...first,
      dataDir,
      api: createHttpApi({ baseUrl: host.baseUrl, token: host.token }),
      newPage: openPage,
      close: async () => {
        await running.close();
        await host.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await browser?.close();
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
