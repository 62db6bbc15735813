/**
 * The web host started in-process for a test: the real createBackend() over HTTP on a free port,
 * with a fresh data folder. The renderer is built by the e2e global setup, so the host never
 * rebuilds mid-run (other work may touch sources while tests run).
 */
import { startWebHost } from '../../../electron/web';
import { rendererOutDir } from './paths';

export interface RunningHost {
  /** Page URL with the session token. */
  url: string;
  /** Origin for API calls, e.g. http://127.0.0.1:40123. */
  baseUrl: string;
  token: string;
  close: () => Promise<void>;
}

export async function startHost(
  dataDir: string,
  options: { seedSamples?: boolean; busyDeadlineMs?: number } = {},
): Promise<RunningHost> {
  const host = await startWebHost({
    port: 0,
    dataDir,
    rendererDir: rendererOutDir,
    build: 'never',
    seedSamples: options.seedSamples ?? false,
    ...(options.busyDeadlineMs !== undefined ? { busyDeadlineMs: options.busyDeadlineMs } : {}),
  });
  return { url: host.url, baseUrl: host.origin, token: host.token, close: () => host.close() };
}
