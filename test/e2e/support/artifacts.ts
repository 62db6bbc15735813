import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir } from './paths';

/** Path for a screenshot or trace under test-artifacts/e2e/ (gitignored), creating the folder. */
export function artifactPath(name: string): string {
  mkdirSync(artifactsDir, { recursive: true });
  return join(artifactsDir, name.replace(/[^a-zA-Z0-9._-]+/g, '-'));
}
