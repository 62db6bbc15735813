/**
 * Sandboxed preload: exposes `window.cep`, the contract's verbs and nothing else (never
 * ipcRenderer). Built as one CommonJS file (preload.cjs) whose only require is 'electron',
 * as Electron's sandbox demands. The object is built from the contract's method table, so a
 * method added to the contract is exposed without touching this file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  cepEventNames,
  cepMethodNames,
  eventChannel,
  ipcChannel,
  splitMethod,
  type CepApi,
  type CepErrorInfo,
  type CepEventName,
  type CepEvents,
} from '../contract';

type Envelope = { ok: true; value: unknown } | { ok: false; error: CepErrorInfo };

/** Calls main and unwraps the envelope; rejects with plain CepErrorInfo data (see contract/errors.ts). */
async function call(channel: string, args: unknown[]): Promise<unknown> {
  const reply = (await ipcRenderer.invoke(channel, ...args)) as Envelope;
  if (reply.ok) return reply.value;
  // Plain data, not an Error: contextBridge would strip `code` and `issues` from an Error.
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return Promise.reject(reply.error);
}

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();
const knownEvents: ReadonlySet<string> = new Set(cepEventNames);

ipcRenderer.on(eventChannel, (_event, name: unknown, payload: unknown) => {
  if (typeof name !== 'string') return;
  for (const listener of listeners.get(name) ?? []) listener(payload);
});

function on<E extends CepEventName>(event: E, listener: (payload: CepEvents[E]) => void): () => void {
  if (!knownEvents.has(event)) throw new Error(`Unknown Cepheus event "${String(event)}"`);
  const set = listeners.get(event) ?? new Set<Listener>();
  listeners.set(event, set);
  const entry = listener as Listener;
  set.add(entry);
  return () => set.delete(entry);
}

/**
 * One verb per entry of the contract's method table. The table is checked to be complete
 * against CepApi (methods.ts), so the cast below cannot hide a missing method; the preload
 * unit test also loads the built file and calls every verb.
 */
function buildApi(): CepApi {
  const groups: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const method of cepMethodNames) {
    const [group, verb] = splitMethod(method);
    const channel = ipcChannel(method);
    (groups[group] ??= {})[verb] = (...args: unknown[]) => call(channel, args);
  }
  return { ...groups, on } as unknown as CepApi;
}

contextBridge.exposeInMainWorld('cep', buildApi());
