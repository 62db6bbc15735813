/**
 * A reload (or the next start) reopens the pattern last open, as editors reopen the last file. The
 * id is kept in localStorage; a pattern deleted meanwhile is simply not reopened.
 */
import { useEffect } from 'react';
import type { CepApi } from '../../../electron/contract';
import { useLibraryStore } from '../../state/library-store';

const KEY = 'cepheus.lastOpenPattern';

function remember(id: string | null): void {
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    // Storage blocked: the next start opens nothing, as before.
  }
}

function lastOpen(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function useReopenLast(api: CepApi): void {
  useEffect(() => {
    let tried = false;
    const tryReopen = (): void => {
      const { status, patterns, openId } = useLibraryStore.getState();
      if (tried || status !== 'ready') return;
      tried = true;
      const last = lastOpen();
      // Only when nothing is open yet (a first-start welcome, or the user, came first).
      if (last && openId === null && patterns.some((p) => p.id === last))
        void useLibraryStore.getState().open(api, last);
    };
    tryReopen();
    return useLibraryStore.subscribe((s, prev) => {
      if (s.openId !== prev.openId && (tried || s.openId !== null)) remember(s.openId);
      if (s.status !== prev.status) tryReopen();
    });
  }, [api]);
}
