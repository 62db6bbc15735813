import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer bundle. Forge's Vite plugin names this renderer `main_window`, so the output lands in
// .vite/renderer/main_window, the same folder the web host serves. `base: './'` keeps every asset URL
// relative so the page loads both from file:// in Electron and from the web host under any path.
const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./.vite/renderer/main_window', import.meta.url));
const re2jsOnDemand = fileURLToPath(new URL('./renderer/boot/re2js-on-demand.ts', import.meta.url));

/** The engine's re2js import gets the on-demand loader (renderer/boot/re2js-on-demand.ts), which imports the real one. */
const regexEngineOnDemand: Plugin = {
  name: 'cepheus-re2js-on-demand',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source !== 're2js' || !importer || importer === re2jsOnDemand) return null;
    return re2jsOnDemand;
  },
};

export default defineConfig({
  root,
  base: './',
  plugins: [regexEngineOnDemand, react()],
  // Monaco's workers are bundled locally via `?worker` imports; ES module workers keep their imports.
  worker: { format: 'es' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    // Per-plugin timing reports are noise in test logs; profile with `node --cpu-prof` when needed.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      // Monaco (3.3 MB, loaded with the first editor) and the libraries of the first paint come in
      // pieces of at most ~480 kB that load in parallel, so no chunk trips the 500 kB warning.
      output: {
        // Grouping moves modules out of their importers' chunks; this keeps Monaco's module cycles
        // evaluating in import order (without it: "te is not a constructor" in the editor).
        strictExecutionOrder: true,
        codeSplitting: {
          groups: [
            // Monaco by folder (each under 500 kB minified); its modules all load with the first editor.
            ...[
              'base/browser/ui',
              'base/browser',
              'base/common',
              'editor/common/model',
              'editor/common',
              'editor/browser/widget/diffEditor',
              'editor/browser/widget',
              'editor/browser',
              'editor/contrib',
              'platform',
            ].map((dir) => ({
              name: `monaco-${dir.replaceAll('/', '-')}`,
              maxSize: 480_000,
              test: new RegExp(`node_modules[\\\\/]monaco-editor[\\\\/]esm[\\\\/]vs[\\\\/]${dir}[\\\\/]`),
            })),
            { name: 'monaco', test: /node_modules[\\/]monaco-editor/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'xyflow', test: /node_modules[\\/]@xyflow/ },
            { name: 'zod', test: /node_modules[\\/]zod/ },
            { name: 're2js', test: /node_modules[\\/]re2js/ },
          ],
        },
      },
    },
  },
  server: { port: 5173, strictPort: false },
});
