/**
 * Files the user chose. The back end reads and writes only files a person picked: in the desktop
 * app through the system's open and save dialogs (the `files` group, shown by the main process),
 * in a browser by uploading (`POST /api/upload`). Either way the client gets an opaque grant
 * (`grant:…`) that stands for that one file, and passes it where the contract takes a file; a
 * path typed into a request, or a grant this back end did not issue, is refused.
 */
import { z } from 'zod';

export const FILE_GRANT_PATTERN = /^grant:[A-Za-z0-9_-]{20,64}$/;

export const fileGrant = z
  .string()
  .regex(
    FILE_GRANT_PATTERN,
    'must be a file you chose (a grant from the file dialog or an upload); paths are not accepted',
  );

/** A file the user picked, as the client sees it. */
export interface ChosenFile {
  /** Pass this wherever the contract takes a file. */
  grant: string;
  /** The file's name (no folder), for display. */
  name: string;
  /** Size in bytes (0 for a file to be written). */
  size: number;
}

export const chooseSaveLocationArgs = z.strictObject({
  /** Proposed file name (no folder). */
  suggestedName: z.string().min(1).max(255),
});

export type ChooseSaveLocationArgs = z.infer<typeof chooseSaveLocationArgs>;

/** The `files` group: desktop only (a browser uploads and downloads instead; these reject `forbidden`). */
export interface FileMethods {
  /** The system's open dialog for a recording; null when the user cancels. */
  chooseRecording(): Promise<ChosenFile | null>;
  /** The system's save dialog; the grant is for writing (replay.exportResults). Null when cancelled. */
  chooseSaveLocation(args: ChooseSaveLocationArgs): Promise<ChosenFile | null>;
}
