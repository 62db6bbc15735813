/** The web host's public surface, for e2e tests and scripts. */
export { startWebHost, DEFAULT_RENDERER_DIR, HOST, type WebHost, type WebHostOptions } from './web-host';
export { TOKEN_HEADER } from './api-handler';
export { MAX_BODY_BYTES } from './request-body';
export type { BuildMode } from './renderer-build';
