import { defineConfig } from 'vite';

// Forge's Vite plugin supplies entry, CommonJS output (preload.cjs) and externals (electron).
// Everything else, the contract and zod included, is bundled in: a sandboxed preload can
// require nothing but 'electron'.
export default defineConfig({
  build: {
    sourcemap: false,
  },
});
