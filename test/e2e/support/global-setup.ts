/** Vitest global setup of the e2e project: one renderer build for all test files. */
import { ensureRendererBuilt } from './build-renderer';

export default async function setup(): Promise<void> {
  await ensureRendererBuilt();
}
