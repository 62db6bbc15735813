import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/services/csp';

// The page's meta tag and the header the hosts send must say the same thing; a drift would make
// the app behave differently under file://, app:// and the web host.
describe('renderer CSP meta tag', () => {
  const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];

  it('exists and matches the header policy exactly', () => {
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never allows eval or remote scripts', () => {
    expect(meta).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('loads workers only from the built files (Monaco and ELK workers), never from blob: URLs', () => {
    expect(CONTENT_SECURITY_POLICY.split('; ')).toContain("worker-src 'self'");
  });
});
