import { createContext, use } from 'react';
import type { CepApi } from '../../electron/contract';

/** The back-end API for components; a context so tests and stories can supply their own. */
export const ApiContext = createContext<CepApi | null>(null);

export function useApi(): CepApi {
  const api = use(ApiContext);
  if (!api) throw new Error('useApi() used outside <ApiContext>');
  return api;
}
