/**
 * Server → client pushes. Electron forwards them on one IPC channel, the web host as
 * Server-Sent Events; both deliver `(name, payload)` to listeners registered with `api.on`.
 */

export type PatternChangeKind = 'created' | 'saved' | 'renamed' | 'duplicated' | 'deleted' | 'restored';

export interface CepEvents {
  /** A pattern was added, changed or removed (by this window or another client of the back end). */
  'patterns.changed': { id: string; kind: PatternChangeKind; latestVersion: number | null };
}

export type CepEventName = keyof CepEvents;

export const cepEventNames: readonly CepEventName[] = ['patterns.changed'];

export type Unsubscribe = () => void;
