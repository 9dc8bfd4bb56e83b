import { randomBytes } from 'node:crypto';
import type { Dirent } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';
import { type FolderEntry, FolderError, type FolderErrorCode, type ShareFolder } from '../../shared/sync/folder';
import { isRemovablePath, isShareDirPath, isShareFilePath } from '../../shared/sync/layout';

/**
 * The share folder over Node fs, for the main process (and for tests and the benchmark, on temp
 * folders and on a real SMB mount). Plain Node: no Electron. What network folders taught
 * (docs/sync.md "Lessons"):
 *
 * - Files are created under a temporary name in the same folder, flushed, and then given their
 *   final name without ever replacing a file: a hard link where the file system has them, else
 *   "check the name is free, then rename" (SMB through FUSE has no hard links). Read back and
 *   compared before the caller counts them written.
 * - Renames fail with EPERM/EBUSY on Windows while an antivirus or indexer holds a file: retried.
 * - Every call has a time limit. A call into a dead SMB server can hang for minutes and hold a
 *   libuv thread, so while one is stuck every further call fails at once ("unreachable") instead
 *   of queueing behind it and starving the process's other file I/O.
 * - Only paths of the share's layout are accepted (shared/sync/layout.ts), resolved inside the root.
 */

/** The subset of fs/promises used, injectable so tests can make a call fail the way Windows shares do. */
export type FsApi = Pick<
  typeof nodeFs,
  'readdir' | 'readFile' | 'open' | 'link' | 'rename' | 'unlink' | 'rmdir' | 'mkdir' | 'stat' | 'lstat'
>;

export interface ShareFolderOptions {
  /** Per call, in ms. */
  timeoutMs?: number;
  /** Attempts for a rename that fails with EPERM/EBUSY/EACCES. */
  renameAttempts?: number;
  /** First back-off between rename attempts, doubled each time. */
  retryDelayMs?: number;
  fs?: FsApi;
}

const NETWORK_CODES = new Set([
  'ETIMEDOUT',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ENOTCONN',
  'ESTALE',
  'EIO',
  'ENXIO',
  'EREMOTEIO',
  'ENODEV',
  'UNKNOWN',
  'EBADF',
]);
const RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES']);
/** Hard links are not possible here: fall back to check-then-rename. */
const NO_LINK_CODES = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EINVAL', 'EACCES']);

const errnoOf = (e: unknown): string => (typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '');

function codeFor(errno: string): FolderErrorCode {
  if (errno === 'ENOSPC' || errno === 'EDQUOT') return 'disk_full';
  if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS') return 'denied';
  if (errno === 'EBUSY') return 'busy';
  if (errno === 'EEXIST') return 'exists';
  if (NETWORK_CODES.has(errno)) return 'unreachable';
  return 'io';
}

/** Messages name the operation and error code only: never the path's contents or the share's name. */
const toFolderError = (op: string, e: unknown): FolderError => {
  if (e instanceof FolderError) return e;
  const errno = errnoOf(e) || 'unknown error';
  return new FolderError(codeFor(errno), `${op} failed (${errno}).`);
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class FsShareFolder implements ShareFolder {
  private readonly fs: FsApi;
  private readonly timeoutMs: number;
  private readonly renameAttempts: number;
  private readonly retryDelayMs: number;
  /** A call that outlived its time limit and has not returned yet. */
  private stuck: Promise<unknown> | null = null;
  /**
   * This desk's own temp and probe files that could not be removed when a write failed (the server
   * went away half-way): removed at the next write. Only names this object made itself.
   */
  private readonly leftovers = new Set<string>();

  constructor(
    readonly root: string,
    options: ShareFolderOptions = {},
  ) {
    this.fs = options.fs ?? nodeFs;
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.renameAttempts = options.renameAttempts ?? 6;
    this.retryDelayMs = options.retryDelayMs ?? 50;
  }

  async list(dir: string): Promise<FolderEntry[] | null> {
    const abs = this.resolve(dir, isShareDirPath(dir));
    return this.guard('list', async () => {
      let dirents: Dirent[];
      try {
        await this.refuseLinkedFolder(abs);
        dirents = await this.fs.readdir(abs, { withFileTypes: true });
      } catch (e) {
        if (errnoOf(e) === 'ENOENT' || errnoOf(e) === 'ENOTDIR') {
          await this.requireRoot();
          return null;
        }
        throw e;
      }
      const out: FolderEntry[] = [];
      for (const d of dirents) out.push({ name: d.name, kind: await this.kindOf(abs, d) });
      return out;
    });
  }

  async read(file: string): Promise<Uint8Array | null> {
    const abs = this.resolve(file, isShareFilePath(file));
    return this.guard('read', async () => {
      try {
        // Only regular files are read: a symbolic link (or a device, a pipe) under a share name reads
        // as an empty file, which nothing accepts, rather than as whatever it points at.
        if (!(await this.fs.lstat(abs)).isFile()) return new Uint8Array(0);
        const buffer = await this.fs.readFile(abs);
        return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
      } catch (e) {
        if (errnoOf(e) === 'ENOENT' || errnoOf(e) === 'ENOTDIR') {
          await this.requireRoot();
          return null;
        }
        throw e;
      }
    });
  }

  async writeNew(file: string, bytes: Uint8Array): Promise<void> {
    const abs = this.resolve(file, isShareFilePath(file));
    return this.guard('write', async () => {
      await this.requireRoot();
      await this.sweep();
      const dir = path.dirname(abs);
      await this.fs.mkdir(dir, { recursive: true });
      await this.refuseLinkedPath(dir);
      const tmp = path.join(dir, `.${path.basename(abs)}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        const handle = await this.fs.open(tmp, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await this.placeWithoutReplacing(tmp, abs);
      } finally {
        await this.removeOwn(tmp);
      }
      const back = await this.fs.readFile(abs);
      if (!Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(back)) {
        throw new FolderError('verify_failed', 'write failed (the file read back differs from what was written).');
      }
    });
  }

  async remove(target: string): Promise<void> {
    const abs = this.resolve(target, isRemovablePath(target));
    return this.guard('remove', async () => {
      try {
        await this.refuseLinkedPath(path.dirname(abs));
        const st = await this.fs.lstat(abs);
        if (st.isDirectory()) await this.fs.rmdir(abs);
        else await this.fs.unlink(abs);
      } catch (e) {
        if (errnoOf(e) !== 'ENOENT') throw e;
      }
    });
  }

  async probe(file: string): Promise<number> {
    const abs = this.resolve(file, isShareFilePath(file) && /\/probe-[0-9a-f]+$/.test(file));
    return this.guard('probe', async () => {
      await this.requireRoot();
      await this.fs.mkdir(path.dirname(abs), { recursive: true });
      await this.refuseLinkedPath(path.dirname(abs));
      const handle = await this.fs.open(abs, 'wx');
      try {
        await handle.writeFile('probe');
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        return (await this.fs.stat(abs)).mtimeMs;
      } finally {
        await this.removeOwn(abs);
      }
    });
  }

  /** Removes a temp or probe file this object made; one that cannot be removed now is tried again at the next write. */
  private async removeOwn(abs: string): Promise<void> {
    try {
      await this.fs.unlink(abs);
      this.leftovers.delete(abs);
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') this.leftovers.delete(abs);
      else this.leftovers.add(abs);
    }
  }

  private async sweep(): Promise<void> {
    for (const abs of [...this.leftovers]) await this.removeOwn(abs);
  }

  /** Gives `tmp` the name `final`, failing with 'exists' rather than replacing a file. */
  private async placeWithoutReplacing(tmp: string, final: string): Promise<void> {
    try {
      await this.fs.link(tmp, final);
      return;
    } catch (e) {
      const errno = errnoOf(e);
      if (errno === 'EEXIST') throw new FolderError('exists', 'write failed (the name is taken).');
      if (!NO_LINK_CODES.has(errno)) throw e;
    }
    // No hard links on this file system. The desk's sync lock makes this desk the only writer of
    // its names, so the gap between the check and the rename is not raced.
    for (let attempt = 1; ; attempt++) {
      if (await this.exists(final)) throw new FolderError('exists', 'write failed (the name is taken).');
      try {
        await this.fs.rename(tmp, final);
        return;
      } catch (e) {
        if (!RETRY_CODES.has(errnoOf(e))) throw e;
        if (attempt >= this.renameAttempts) throw new FolderError('busy', `write failed (${errnoOf(e)} on rename, ${attempt} attempts).`);
        await sleep(this.retryDelayMs * 2 ** (attempt - 1));
      }
    }
  }

  private async exists(abs: string): Promise<boolean> {
    try {
      await this.fs.lstat(abs);
      return true;
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return false;
      throw e;
    }
  }

  /** 'file' and 'dir' only for real files and folders; a symbolic link or anything else is 'other'. */
  private async kindOf(dir: string, d: Dirent): Promise<FolderEntry['kind']> {
    if (d.isSymbolicLink()) return 'other';
    if (d.isDirectory()) return 'dir';
    if (d.isFile()) return 'file';
    // Some network file systems report no type in listings: ask, without following links.
    const st = await this.fs.lstat(path.join(dir, d.name)).catch(() => null);
    return st?.isDirectory() ? 'dir' : st?.isFile() ? 'file' : 'other';
  }

  /** A folder of the share that is a symbolic link is refused: the app never follows one out of (or around) the share. */
  private async refuseLinkedFolder(abs: string): Promise<void> {
    if (abs === this.root) return;
    const st = await this.fs.lstat(abs).catch((e: unknown) => {
      if (errnoOf(e) === 'ENOENT' || errnoOf(e) === 'ENOTDIR') return null;
      throw e;
    });
    if (st && !st.isDirectory()) throw new FolderError('bad_path', 'That folder of the share is a link or not a folder.');
  }

  /** Every folder from the root down to `dir` must be a real folder, not a link. */
  private async refuseLinkedPath(dir: string): Promise<void> {
    const parts = path
      .relative(this.root, dir)
      .split(path.sep)
      .filter((p) => p !== '');
    for (let i = 1; i <= parts.length; i++) await this.refuseLinkedFolder(path.join(this.root, ...parts.slice(0, i)));
  }

  /** A missing root means the share is not there (unmounted, server gone), not that a file is missing. */
  private async requireRoot(): Promise<void> {
    try {
      if ((await this.fs.stat(this.root)).isDirectory()) return;
    } catch (e) {
      if (errnoOf(e) !== 'ENOENT' && errnoOf(e) !== 'ENOTDIR') throw e;
    }
    throw new FolderError('unreachable', 'The sync folder is not there.');
  }

  private resolve(rel: string, allowed: boolean): string {
    if (!allowed) throw new FolderError('bad_path', 'That path is not part of a sync share.');
    const abs = rel === '' ? this.root : path.join(this.root, ...rel.split('/'));
    const inside = path.relative(this.root, abs);
    if (inside.startsWith('..') || path.isAbsolute(inside)) throw new FolderError('bad_path', 'That path is not part of a sync share.');
    return abs;
  }

  private async guard<T>(op: string, run: () => Promise<T>): Promise<T> {
    if (this.stuck) throw new FolderError('unreachable', `${op} refused: an earlier call to the folder has not returned yet.`);
    const work = run();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.stuck = work.then(
          () => undefined,
          () => undefined,
        );
        void this.stuck.then(() => {
          this.stuck = null;
        });
        reject(new FolderError('timeout', `${op} took longer than ${Math.round(this.timeoutMs / 1000)} s.`));
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([work, timeout]);
    } catch (e) {
      throw toFolderError(op, e);
    } finally {
      clearTimeout(timer);
    }
  }
}
