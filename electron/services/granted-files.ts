/**
 * The contract's file arguments are grants (electron/contract/files.ts): this layer resolves them
 * to paths before the recordings and replay services see them, and implements the `files` group
 * with the host's dialogs (the desktop app passes them; the web host has none and uploads).
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { CepError, type FileMethods, type RecordingMethods, type ReplayMethods } from '../contract';
import type { FileGrants } from './file-grants';

/** The system's file dialogs, shown by the host (Electron's main process). Null: cancelled. */
export interface FileDialogs {
  openRecording(): Promise<string | null>;
  saveFile(suggestedName: string): Promise<string | null>;
}

/** `recordings.inspect` / `import` take read grants; the inspected result names the grant, not the path. */
export function grantedRecordings(inner: RecordingMethods, grants: FileGrants): RecordingMethods {
  return {
    ...inner,
    inspect: async ({ path: id }) => {
      const found = await inner.inspect({ path: grants.resolve(id, 'read').path });
      return { ...found, path: id };
    },
    import: async ({ path: id, ...request }) =>
      inner.import({ ...request, path: grants.resolve(id, 'read').path }),
  };
}

/** `replay.exportResults` takes a write grant. */
export function grantedReplay<R extends ReplayMethods>(inner: R, grants: FileGrants): R {
  return {
    ...inner,
    exportResults: async ({ path: id, ...rest }) => {
      const result = await inner.exportResults({ ...rest, path: grants.resolve(id, 'write').path });
      return { ...result, path: id };
    },
  };
}

const noDialogs = (): never => {
  throw new CepError(
    'forbidden',
    'File dialogs exist only in the desktop app; in a browser, choose the file to upload it.',
  );
};

export function createFileMethods(grants: FileGrants, dialogs: FileDialogs | undefined): FileMethods {
  return {
    chooseRecording: async () => {
      if (!dialogs) return noDialogs();
      const file = await dialogs.openRecording();
      if (file === null) return null;
      const grant = grants.issue(path.resolve(file), 'read');
      return { grant: grant.id, name: grant.name, size: statSync(grant.path).size };
    },
    chooseSaveLocation: async ({ suggestedName }) => {
      if (!dialogs) return noDialogs();
      const file = await dialogs.saveFile(path.basename(suggestedName));
      if (file === null) return null;
      const grant = grants.issue(path.resolve(file), 'write');
      return { grant: grant.id, name: grant.name, size: 0 };
    },
  };
}
