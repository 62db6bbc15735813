/**
 * A condition editor writes keys to the document after the frame showing them: one write per
 * frame, the newest text, at once on flush, never after cancel, and without frames (hidden page)
 * shortly after anyway.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferredWrite } from '../../../renderer/designer/conditions/after-paint';

describe('deferredWrite', () => {
  let frames: (() => void)[] = [];
  beforeEach(() => {
    vi.useFakeTimers();
    frames = [];
    vi.stubGlobal('requestAnimationFrame', (f: () => void) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', () => undefined);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  /** Runs the pending frame callbacks, then lets the message posted from them arrive. */
  const paint = async (): Promise<void> => {
    const now = frames;
    frames = [];
    for (const f of now) f();
    vi.useRealTimers();
    await new Promise((r) => setTimeout(r, 20));
    vi.useFakeTimers();
  };

  it('writes the newest text once, after the frame', async () => {
    const written: string[] = [];
    const w = deferredWrite<string>((t) => written.push(t));
    w.set('a');
    w.set('ab');
    expect(written).toEqual([]);
    await paint();
    expect(written).toEqual(['ab']);
    w.set('abc');
    await paint();
    expect(written).toEqual(['ab', 'abc']);
  });

  it('writes at once on flush, and nothing twice', async () => {
    const written: string[] = [];
    const w = deferredWrite<string>((t) => written.push(t));
    w.set('x');
    w.flush();
    expect(written).toEqual(['x']);
    await paint();
    w.flush();
    expect(written).toEqual(['x']);
  });

  it('drops a pending text on cancel', async () => {
    const written: string[] = [];
    const w = deferredWrite<string>((t) => written.push(t));
    w.set('stale');
    w.cancel();
    await paint();
    w.flush();
    expect(written).toEqual([]);
  });

  it('writes without a frame (a hidden page gets none) after a short delay', () => {
    const written: string[] = [];
    const w = deferredWrite<string>((t) => written.push(t));
    w.set('hidden');
    vi.advanceTimersByTime(150);
    expect(written).toEqual(['hidden']);
  });
});
