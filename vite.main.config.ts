import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';

// Forge's Vite plugin supplies entry (electron/main/main.ts → .vite/build/main.cjs), CommonJS
// output and the electron/Node externals. better-sqlite3 is a native module: it stays external
// and is packaged from node_modules (see packagerConfig.ignore in forge.config.ts).
export default defineConfig({
  // The engine folder is also the @cepheus/engine package (exports → dist/); bundle its sources instead.
  resolve: { conditions: ['cepheus-source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['cepheus-source', ...defaultServerConditions] } },
  build: {
    sourcemap: true,
    rollupOptions: {
      external: ['better-sqlite3'],
    },
  },
});
