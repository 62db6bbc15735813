/**
 * File grants: the only way a file path enters the back end through the contract. A host issues a
 * grant when a person picked a file (the desktop's open or save dialog, a browser upload); the
 * contract carries the opaque id; the services resolve it back to the path for the mode it was
 * issued for. Anything else, a path, a made-up id, a read grant used to write, is refused
 * (`forbidden`), so no request can read /etc/passwd or overwrite a file by naming it.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { CepError } from '../contract';

export type GrantMode = 'read' | 'write';

export interface FileGrant {
  id: string;
  /** Absolute path on the back end's machine. */
  path: string;
  mode: GrantMode;
  /** The file's name as the person saw it. */
  name: string;
}

/** Grants kept per back end; the oldest are forgotten first (a person picks a few files a session). */
const MAX_GRANTS = 1000;

export class FileGrants {
  private readonly grants = new Map<string, FileGrant>();

  /** Records that a person chose `file` (for reading or for writing); returns the grant. */
  issue(file: string, mode: GrantMode, name = path.basename(file)): FileGrant {
    if (!path.isAbsolute(file)) throw new Error(`a file grant needs an absolute path, not "${file}"`);
    const grant: FileGrant = { id: `grant:${randomBytes(18).toString('base64url')}`, path: file, mode, name };
    this.grants.set(grant.id, grant);
    if (this.grants.size > MAX_GRANTS) this.grants.delete(this.grants.keys().next().value as string);
    return grant;
  }

  /** The path a grant stands for; `forbidden` unless this back end issued it for `mode`. */
  resolve(id: string, mode: GrantMode): FileGrant {
    const grant = this.grants.get(id);
    if (grant === undefined)
      throw new CepError(
        'forbidden',
        'That file was not chosen in this session: choose it again with the file dialog (or upload it).',
        [{ path: ['path'], message: 'unknown file grant' }],
      );
    if (grant.mode !== mode)
      throw new CepError(
        'forbidden',
        `"${grant.name}" was chosen for ${grant.mode === 'read' ? 'reading' : 'writing'}, not for ${mode === 'read' ? 'reading' : 'writing'}.`,
        [{ path: ['path'], message: `a ${grant.mode} grant` }],
      );
    return grant;
  }

  /** Forgets a grant (its file was deleted, e.g. an upload after its import). */
  revoke(id: string): void {
    this.grants.delete(id);
  }
}
