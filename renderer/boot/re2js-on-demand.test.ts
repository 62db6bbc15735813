import { describe, expect, it, vi } from 'vitest';

describe('re2js on demand (the renderer build of matches())', () => {
  it('compiles to a pending regex before the load, then checks and matches for real', async () => {
    vi.resetModules();
    const { RE2JS, loadRegexEngine, whenRegexEngineLoads } = await import('./re2js-on-demand');
    const loaded = vi.fn();
    whenRegexEngineLoads(loaded);
    // Before the load: a regex RE2 would refuse is not reported as bad yet, and matching says why it cannot.
    const pending = RE2JS.compile('a+b');
    expect(() => RE2JS.compile('(?=a)b')).not.toThrow();
    expect(() => pending.matches('aab')).toThrow(/still loading/);
    await loadRegexEngine();
    expect(loaded).toHaveBeenCalledTimes(1);
    expect(pending.matches('aab')).toBe(true);
    expect(pending.matches('aabx')).toBe(false);
    expect(() => RE2JS.compile('(?=a)b')).toThrow(/invalid or unsupported Perl syntax/);
    const late = vi.fn();
    whenRegexEngineLoads(late);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
