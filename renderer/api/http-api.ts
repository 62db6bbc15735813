/**
 * CepApi over HTTP, for the renderer served by the web host (and for tests in Node), following the
 * wire protocol in electron/contract/README.md: every method is `POST /api/<method>` with a JSON body
 * and the session token in a header, answered by `{ result }` or `{ error }`; pushes arrive as
 * Server-Sent Events from `GET /api/events?token=`, read with fetch streaming (Node has no EventSource).
 * Built from the contract's method table, so a new contract method needs no change here.
 */
import {
  CepError,
  cepMethodNames,
  isCepErrorInfo,
  splitMethod,
  type CepApi,
  type CepEventName,
  type CepEvents,
  type CepMethodName,
} from '../../electron/contract';
import { readSse } from './sse';

export const tokenHeader = 'X-Cepheus-Token';

export interface HttpApiOptions {
  /** Origin (and optional path prefix) of the web host, e.g. "http://127.0.0.1:5123". */
  baseUrl: string;
  token: string;
  /** Injected in tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

type Listener = (payload: unknown) => void;

export function createHttpApi(options: HttpApiOptions): CepApi {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const base = options.baseUrl.replace(/\/+$/, '');

  async function call(method: CepMethodName, args: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await doFetch(`${base}/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [tokenHeader]: options.token },
        body: args === undefined ? '' : JSON.stringify(args),
      });
    } catch (err) {
      throw new CepError(
        'internal',
        `Cannot reach the Cepheus back end (${method}): ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const text = await response.text();
    const body = parseBody(text);
    const envelope =
      typeof body === 'object' && body !== null ? (body as { result?: unknown; error?: unknown }) : null;
    if (!response.ok || (envelope && 'error' in envelope)) {
      if (isCepErrorInfo(envelope?.error)) throw CepError.from(envelope.error);
      throw new CepError(
        response.status === 401 ? 'unauthorized' : 'internal',
        `${method} failed with HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`,
      );
    }
    // Void methods answer `{}` (no `result`); anything that is not an object is a host bug.
    if (text !== '' && !envelope) {
      throw new CepError(
        'internal',
        `${method}: the web host answered without a result envelope: ${text.slice(0, 200)}`,
      );
    }
    return envelope?.result;
  }

  const api: Record<string, unknown> = {};
  for (const method of cepMethodNames) {
    const [group, verb] = splitMethod(method);
    const target = (api[group] ??= {}) as Record<string, (args?: unknown) => Promise<unknown>>;
    target[verb] = (args?: unknown) => call(method, args);
  }
  api.on = createPushChannel(base, options.token, doFetch);
  return api as unknown as CepApi;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * One shared event stream for all listeners, opened on the first subscription and closed after the
 * last; it reconnects with a growing delay when the host restarts.
 */
function createPushChannel(base: string, token: string, doFetch: typeof fetch): CepApi['on'] {
  const listeners = new Map<string, Set<Listener>>();
  let abort: AbortController | null = null;

  const dispatch = (event: string, data: string) => {
    const set = listeners.get(event);
    if (!set) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data) as unknown;
    } catch {
      return; // A malformed push is dropped rather than crashing every listener.
    }
    for (const l of set) l(payload);
  };

  const connect = async (signal: AbortSignal) => {
    let delay = 500;
    while (!signal.aborted) {
      try {
        const response = await doFetch(`${base}/api/events?token=${encodeURIComponent(token)}`, {
          headers: { accept: 'text/event-stream' },
          signal,
        });
        if (response.ok && response.body) {
          delay = 500;
          await readSse(response.body, dispatch, signal);
        }
      } catch {
        // Host gone or aborted; the loop decides below.
      }
      if (signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  };

  return <E extends CepEventName>(event: E, listener: (payload: CepEvents[E]) => void) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set);
    const l = listener as Listener;
    set.add(l);
    if (!abort) {
      abort = new AbortController();
      void connect(abort.signal);
    }
    return () => {
      set.delete(l);
      const empty = [...listeners.values()].every((s) => s.size === 0);
      if (empty && abort) {
        abort.abort();
        abort = null;
      }
    };
  };
}
