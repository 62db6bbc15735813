/**
 * Collects everything that should fail an e2e test: console errors, uncaught page errors, CSP
 * violations (reported from the page by a `securitypolicyviolation` listener) and failed requests.
 */
import type { ConsoleMessage, Page } from 'playwright-core';

export interface CspViolation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  sample: string;
}

declare global {
  interface Window {
    __cepCspViolations?: CspViolation[];
  }
}

/** Runs in the page before any of its scripts, so even violations during startup are caught. */
function installCspListener(): void {
  window.__cepCspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cepCspViolations?.push({
      directive: e.violatedDirective,
      blockedURI: e.blockedURI,
      sourceFile: e.sourceFile,
      line: e.lineNumber,
      sample: e.sample,
    });
  });
}

export class PageDiagnostics {
  readonly consoleErrors: string[] = [];
  readonly pageErrors: string[] = [];
  readonly failedRequests: string[] = [];

  private constructor(private readonly page: Page) {}

  static async attach(page: Page): Promise<PageDiagnostics> {
    const diagnostics = new PageDiagnostics(page);
    await page.addInitScript(installCspListener);
    page.on('console', (msg: ConsoleMessage) => {
      if (msg.type() === 'error')
        diagnostics.consoleErrors.push(`${msg.text()} (${msg.location().url}:${msg.location().lineNumber})`);
    });
    page.on('pageerror', (err) => diagnostics.pageErrors.push(err.stack ?? err.message));
    page.on('requestfailed', (req) => {
      // Aborted event streams on navigation/close are expected, not failures; so are worker scripts
      // (Monaco's, ELK's) that a lazily loaded editor was still fetching when the page reloaded, and
      // the Tests panel's long calls (a pattern's tests run as soon as it opens) cut by a reload.
      if (
        req.failure()?.errorText === 'net::ERR_ABORTED' &&
        (req.url().includes('/api/events') ||
          /\/api\/tests\.(run|diff)$/.test(req.url()) ||
          /\/assets\/[\w.-]*worker[\w.-]*\.js$/.test(req.url()))
      )
        return;
      diagnostics.failedRequests.push(
        `${req.method()} ${req.url()}: ${req.failure()?.errorText ?? 'failed'}`,
      );
    });
    return diagnostics;
  }

  async cspViolations(): Promise<CspViolation[]> {
    if (this.page.isClosed()) return [];
    return this.page.evaluate(() => window.__cepCspViolations ?? []);
  }

  /** Everything collected so far, as readable lines; empty means a clean run. */
  async problems(): Promise<string[]> {
    const csp = (await this.cspViolations()).map(
      (v) =>
        `CSP ${v.directive} blocked ${v.blockedURI || 'inline'} at ${v.sourceFile}:${v.line} ${v.sample}`,
    );
    return [
      ...this.pageErrors.map((e) => `page error: ${e}`),
      ...this.consoleErrors.map((e) => `console error: ${e}`),
      ...csp,
      ...this.failedRequests.map((r) => `request failed: ${r}`),
    ];
  }
}
