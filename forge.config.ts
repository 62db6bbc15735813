import type { ForgeConfig } from '@electron-forge/shared-types';
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * What goes into the packaged app. Forge's Vite plugin would keep only /.vite (it assumes
 * everything is bundled; electron/forge#3738), but better-sqlite3 is a native module that must
 * stay external, so it is kept from node_modules. Its runtime needs only lib/ and the
 * Node-API prebuilds (node-addon-api is a build-time dependency; deps/ and src/ are sources).
 */
export function keepInPackage(file: string): boolean {
  if (file === '' || file === '/package.json') return true;
  if (file === '/.vite' || file.startsWith('/.vite/')) return true;
  if (file === '/node_modules') return true;
  const sqlite = '/node_modules/better-sqlite3';
  if (file === sqlite) return true;
  if (!file.startsWith(`${sqlite}/`)) return false;
  const inside = file.slice(sqlite.length + 1);
  return inside === 'package.json' || inside === 'LICENSE' || /^(lib|prebuilds)(\/|$)/.test(inside);
}

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Cepheus',
    executableName: 'cepheus',
    // The .node binary cannot be loaded from inside an asar archive.
    asar: { unpack: '**/*.node' },
    ignore: (file: string) => !keepInPackage(file),
    // Sample patterns and recordings for the gallery and the first start (resources/samples).
    extraResource: ['samples'],
  },
  // better-sqlite3 13 ships Node-API prebuilds, which Electron loads as they are; rebuilding
  // would need Electron headers from the network. An empty list tells @electron/rebuild to skip all.
  rebuildConfig: { onlyModules: [] },
  makers: [
    new MakerSquirrel({ name: 'cepheus' }),
    new MakerZIP({}, ['darwin', 'linux', 'win32']),
    new MakerDeb({ options: { name: 'cepheus', productName: 'Cepheus', categories: ['Development'] } }),
  ],
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
        // Recording imports run in a worker thread; it loads this file next to main.cjs.
        {
          entry: 'electron/services/recordings/import/import-worker.ts',
          config: 'vite.main.config.ts',
          target: 'main',
        },
        // Replay sessions, and tests and behavioural diffs, run in worker threads next to main.cjs.
        { entry: 'electron/services/replay/replay-worker.ts', config: 'vite.main.config.ts', target: 'main' },
        {
          entry: 'electron/services/testing/testing-worker.ts',
          config: 'vite.main.config.ts',
          target: 'main',
        },
        // A replay analysis reads its events in a second worker (started by the session's worker), next to it.
        {
          entry: 'electron/services/replay/read-ahead-worker.ts',
          config: 'vite.main.config.ts',
          target: 'main',
        },
        // Large imports parse in a second worker (started by the import worker), next to it.
        {
          entry: 'electron/services/recordings/import/parse-worker.ts',
          config: 'vite.main.config.ts',
          target: 'main',
        },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    // Fuses are flipped in the Electron binary at package time (security checklist item 19).
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
};

export default config;
