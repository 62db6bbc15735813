import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Pattern } from '../../../engine/format/builder';
import { specToDocument } from '../../../engine/format/from-spec';
import { useDocumentStore } from '../../../renderer/state/document-store';
import { flushPendingEdits } from '../../../renderer/state/pending-edits';
import {
  documentViewsHeld,
  MAX_UNWRITTEN_MS,
  noteTyping,
  registerTypingWriter,
  SETTLE_MS,
  settleDocumentViews,
  subscribeSettled,
  useTypingHeld,
} from '../../../renderer/state/settled-document';

const doc = () =>
  specToDocument(Pattern.begin('a').where('amount > 10').followedBy('b').toSpec(), { name: 'Sample' });

const typeKey = (text: string): void => {
  noteTyping();
  const id = useDocumentStore.getState().document!.nodes.find((n) => n.name === 'a')!.id;
  useDocumentStore.getState().updateStage(id, { where: text });
};

describe('settled document views', () => {
  let told: string[];
  let off: () => void;
  beforeEach(() => {
    vi.useFakeTimers();
    useDocumentStore.getState().load('p1', doc());
    told = [];
    off = subscribeSettled((s) => {
      const a = s.document?.nodes.find((n) => n.name === 'a');
      told.push(a?.kind === 'stage' ? a.where : '?');
    });
  });
  afterEach(() => {
    off();
    settleDocumentViews();
    vi.useRealTimers();
  });

  it('tells views of a change at once when nobody is typing', () => {
    typeKey('amount > 1');
    settleDocumentViews();
    told = [];
    useDocumentStore.getState().select({ nodeIds: [] });
    expect(told.length).toBe(1);
  });

  it('holds the views while keys come, and tells them once, with the newest text, when typing pauses', () => {
    typeKey('amount > 1');
    vi.advanceTimersByTime(SETTLE_MS - 50);
    typeKey('amount > 12');
    vi.advanceTimersByTime(SETTLE_MS - 50);
    typeKey('amount > 123');
    // The store has every key at once (draft, undo, autosave read it); the views wait.
    const a = useDocumentStore.getState().document!.nodes.find((n) => n.name === 'a');
    expect(a?.kind === 'stage' && a.where).toBe('amount > 123');
    expect(told).toEqual([]);
    expect(documentViewsHeld()).toBe(true);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(told).toEqual(['amount > 123']);
    expect(documentViewsHeld()).toBe(false);
  });

  it('tells the views at once on a shortcut chord (it acts on what they show)', () => {
    typeKey('amount > 5');
    flushPendingEdits();
    expect(told).toEqual(['amount > 5']);
    expect(documentViewsHeld()).toBe(false);
  });

  it('forgets a view that unsubscribed while held', () => {
    typeKey('amount > 7');
    off();
    vi.advanceTimersByTime(SETTLE_MS);
    expect(told).toEqual([]);
  });

  it('says the views are behind from the first key until the pause', () => {
    expect(useTypingHeld.getState().held).toBe(false);
    typeKey('amount > 1');
    expect(useTypingHeld.getState().held).toBe(true);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(useTypingHeld.getState().held).toBe(false);
  });

  describe('a typing writer (a condition editor holding its keys)', () => {
    let held: string | null;
    let unregister: () => void;
    const stageA = (): string => useDocumentStore.getState().document!.nodes.find((n) => n.name === 'a')!.id;
    const storedWhere = (): string | undefined => {
      const a = useDocumentStore.getState().document!.nodes.find((n) => n.name === 'a');
      return a?.kind === 'stage' ? a.where : undefined;
    };
    /** A key the editor takes: held, not written. */
    const editorKey = (text: string): void => {
      held = text;
      noteTyping();
    };
    beforeEach(() => {
      held = null;
      unregister = registerTypingWriter(() => {
        if (held === null) return;
        const text = held;
        held = null;
        useDocumentStore.getState().updateStage(stageA(), { where: text });
      });
    });
    afterEach(() => unregister());

    it('writes the keys once when typing pauses, before the views are told', () => {
      editorKey('amount > 1');
      vi.advanceTimersByTime(SETTLE_MS - 50);
      editorKey('amount > 12');
      expect(storedWhere()).toBe('amount > 10');
      expect(told).toEqual([]);
      vi.advanceTimersByTime(SETTLE_MS);
      expect(storedWhere()).toBe('amount > 12');
      // One render of the views, with the written text.
      expect(told).toEqual(['amount > 12']);
    });

    it('writes every MAX_UNWRITTEN_MS while typing goes on, the views still held', () => {
      const keys = Math.ceil(MAX_UNWRITTEN_MS / (SETTLE_MS - 50)) + 1;
      for (let i = 0; i < keys; i++) {
        editorKey(`amount > 1${i}`);
        vi.advanceTimersByTime(SETTLE_MS - 50);
      }
      expect(storedWhere()).not.toBe('amount > 10');
      expect(told).toEqual([]);
      expect(documentViewsHeld()).toBe(true);
    });

    it('writes at once on a shortcut chord', () => {
      editorKey('amount > 99');
      flushPendingEdits();
      expect(storedWhere()).toBe('amount > 99');
      expect(told).toEqual(['amount > 99']);
    });
  });
});
