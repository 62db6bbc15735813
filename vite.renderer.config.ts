import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer bundle. Forge's Vite plugin names this renderer `main_window`, so the output lands in
// .vite/renderer/main_window, the same folder the web host serves. `base: './'` keeps every asset URL
// relative so the page loads both from file:// in Electron and from the web host under any path.
const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./.vite/renderer/main_window', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  // Monaco's workers are bundled locally via `?worker` imports; ES module workers keep their imports.
  worker: { format: 'es' },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    // Monaco alone is several MB; that is expected for a desktop tool and not worth a warning.
    chunkSizeWarningLimit: 6000,
    // Per-plugin timing reports are noise in test logs; profile with `node --cpu-prof` when needed.
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  server: { port: 5173, strictPort: false },
});
