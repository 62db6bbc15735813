/**
 * The renderer's single entry to the back end. In Electron the preload exposes `window.cep`; in a
 * browser (web host, e2e tests) an HTTP client is built from the contract. Either way, failures
 * reject with a `CepError` so the UI can show the code, message and issues.
 */
import { CepError, cepMethodNames, splitMethod, type CepApi } from '../../electron/contract';
import { createHttpApi } from './http-api';
import { takeTokenFromUrl } from './token';

declare global {
  interface Window {
    /** Set by the Electron preload through contextBridge. */
    cep?: CepApi;
  }
}

let cached: CepApi | null = null;

export function getApi(): CepApi {
  cached ??= window.cep ? withTypedErrors(window.cep) : createBrowserApi();
  return cached;
}

function createBrowserApi(): CepApi {
  const token = takeTokenFromUrl();
  if (!token) {
    return rejectingApi(
      new CepError(
        'unauthorized',
        'No session token: open Cepheus through the address printed by `npm run web`.',
      ),
    );
  }
  // The page is served by the web host itself, so the API lives on the same origin.
  return createHttpApi({ baseUrl: window.location.origin, token });
}

/** contextBridge only passes plain data, so the preload rejects with CepErrorInfo; rebuild CepError here. */
function withTypedErrors(api: CepApi): CepApi {
  const wrapped: Record<string, unknown> = { on: api.on.bind(api) };
  for (const method of cepMethodNames) {
    const [group, verb] = splitMethod(method);
    const source = (api as unknown as Record<string, Record<string, (a?: unknown) => Promise<unknown>>>)[
      group
    ];
    const target = (wrapped[group] ??= {}) as Record<string, (a?: unknown) => Promise<unknown>>;
    target[verb] = async (args?: unknown) => {
      const fn = source?.[verb];
      if (typeof fn !== 'function')
        throw new CepError('unknown-method', `The preload does not expose ${method}`);
      try {
        return await fn.call(source, args);
      } catch (err) {
        throw CepError.from(err);
      }
    };
  }
  return wrapped as unknown as CepApi;
}

function rejectingApi(error: CepError): CepApi {
  const api: Record<string, unknown> = { on: () => () => undefined };
  for (const method of cepMethodNames) {
    const [group, verb] = splitMethod(method);
    const target = (api[group] ??= {}) as Record<string, () => Promise<never>>;
    target[verb] = () => Promise.reject(error);
  }
  return api as unknown as CepApi;
}
