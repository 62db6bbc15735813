/**
 * Drafts are written when the page is next idle, not in the edit's task: the newest state only,
 * at once when read (reopening the pattern) or flushed (leaving the page), never after a clear.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  clearDraft,
  flushDrafts,
  readDraft,
  writeDraftSoon,
} from '../../../renderer/designer/library/drafts';

describe('drafts written when idle', () => {
  let stored: Map<string, string>;
  beforeEach(() => {
    vi.useFakeTimers();
    stored = new Map();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => stored.get(k) ?? null,
      setItem: (k: string, v: string) => void stored.set(k, v),
      removeItem: (k: string) => void stored.delete(k),
    });
  });
  afterEach(() => {
    flushDrafts();
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('writes only the newest state, when idle', () => {
    let reads = 0;
    writeDraftSoon('p1', () => (reads++, { text: 'one', base: null }));
    writeDraftSoon('p1', () => (reads++, { text: 'two', base: 'saved' }));
    expect(stored.size).toBe(0);
    vi.runAllTimers();
    expect(reads).toBe(1);
    expect(readDraft('p1')).toMatchObject({ text: 'two', base: 'saved' });
  });

  it('is there at once when read or flushed (reopening, leaving the page)', () => {
    writeDraftSoon('p1', () => ({ text: 'typed', base: null }));
    expect(readDraft('p1')?.text).toBe('typed');
    writeDraftSoon('p2', () => ({ text: 'other', base: null }));
    flushDrafts();
    expect(stored.has('cepheus.draft.p2')).toBe(true);
  });

  it('never comes back after a clear (the pattern was saved meanwhile)', () => {
    writeDraftSoon('p1', () => ({ text: 'stale', base: null }));
    clearDraft('p1');
    vi.runAllTimers();
    expect(readDraft('p1')).toBeNull();
  });
});
