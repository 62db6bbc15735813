/** Public surface of the back-end contract: import from 'electron/contract' only. */
export type * from './api';
export type * from './types';
export * from './push';
export * from './errors';
export * from './schemas';
export * from './methods';
export * from './recordings';
export * from './validate';
export * from './samples';
export * from './replay';
export * from './testing';
export * from './files';
