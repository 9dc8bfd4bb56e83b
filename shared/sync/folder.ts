import { PlainWordsError } from '../errors';
/**
 * The network folder as sync sees it. The desktop implements it in the main process over Node
 * fs (electron/sync/shareFolder.ts, reached through the bridge); tests use the same module on
 * temp folders, or an in-memory folder with injected faults. Paths are relative to the share's
 * root, '/'-separated, and built by layout.ts.
 */

export const FOLDER_ERROR_CODES = [
  /** The folder cannot be reached (server down, network gone, not mounted). */
  'unreachable',
  /** An operation took too long; the folder is treated as unreachable for this cycle. */
  'timeout',
  /** The name is already taken (writeNew never replaces a file). */
  'exists',
  /** The share is full. */
  'disk_full',
  /** The account lacks permission on the folder. */
  'denied',
  /** A file was locked by someone else (EBUSY/EPERM) after all retries. */
  'busy',
  /** A file read back after writing differs from what was written. */
  'verify_failed',
  /** The request named a path outside the share's layout (a bug; never shown to people as such). */
  'bad_path',
  /** No folder has been chosen on this desk. */
  'no_folder',
  /** This build cannot reach folders (the browser build). */
  'unsupported',
  'io',
] as const;

export type FolderErrorCode = (typeof FOLDER_ERROR_CODES)[number];

export class FolderError extends PlainWordsError {
  constructor(
    readonly code: FolderErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FolderError';
  }
}

export interface FolderEntry {
  name: string;
  /** 'other': a symbolic link, or anything but a regular file or folder (never followed, never read). */
  kind: 'file' | 'dir' | 'other';
}

export interface ShareFolder {
  /** The entries of a folder, or null when it does not exist. */
  list(dir: string): Promise<FolderEntry[] | null>;
  /** A file's bytes, or null when it does not exist. */
  read(path: string): Promise<Uint8Array | null>;
  /**
   * Creates a file that must not exist yet: written to a temporary name in the same folder,
   * flushed, renamed to `path` without replacing anything, then read back and compared.
   * Creates missing parent folders. Throws FolderError('exists') when the name is taken.
   */
  writeNew(path: string, bytes: Uint8Array): Promise<void>;
  /** Removes a file, or an empty folder; a missing one is not an error. Never recursive. */
  remove(path: string): Promise<void>;
  /** Creates a small file at `path`, returns its modification time as the share reports it, and removes it. */
  probe(path: string): Promise<number>;
}

export const isFolderError = (e: unknown): e is FolderError => e instanceof FolderError;
