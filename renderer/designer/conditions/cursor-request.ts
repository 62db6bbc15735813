/**
 * "Put the cursor here": the Problems panel asks for a range in one condition editor, which may not
 * exist yet (the inspector shows it after the node is selected). The editor with that key takes the
 * request when it mounts or when the request arrives, then clears it.
 */
import { create } from 'zustand';
import type { SourceRange } from '../../../engine/pattern/diagnostic';

export interface CursorRequest {
  key: string;
  range: SourceRange | null;
  nonce: number;
}

interface CursorRequestState {
  request: CursorRequest | null;
  ask: (key: string, range: SourceRange | null) => void;
  take: (nonce: number) => void;
}

export const useCursorRequest = create<CursorRequestState>()((set) => ({
  request: null,
  ask: (key, range) => set((s) => ({ request: { key, range, nonce: (s.request?.nonce ?? 0) + 1 } })),
  take: (nonce) => set((s) => (s.request?.nonce === nonce ? { request: null } : s)),
}));

/** Identifies one condition editor: the `where`, `until` or `or[i]` condition of a node. */
export function conditionKey(nodeId: string, field: 'where' | 'or' | 'until', index = 0): string {
  return `${nodeId}:${field}:${field === 'or' ? index : 0}`;
}
