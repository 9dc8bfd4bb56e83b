import { type FolderEntry, FolderError, type FolderErrorCode, type ShareFolder } from '../../shared/sync/folder';

/**
 * A share folder in memory, with the faults network folders have: offline, listings that lag
 * (files written but not yet visible), empty listings, failing calls. It keeps every byte ever
 * written for the plaintext scan. Used by the property test (thousands of runs) and the
 * benchmark; the scenario tests use real temp folders.
 */
export class MemoryFolder implements ShareFolder {
  readonly files = new Map<string, { bytes: Uint8Array; mtime: number }>();
  readonly dirs = new Set<string>(['']);
  /** Every write, in order (the plaintext scan reads these). */
  readonly written: Array<{ path: string; bytes: Uint8Array }> = [];
  /** Paths that exist but are not visible yet (a lagging listing cache). */
  readonly hidden = new Set<string>();
  offline = false;
  /** The listing of `devices` comes back empty (a drive that is not fully connected). */
  emptyListing = false;
  /** The next calls of an operation fail with these codes, in order. */
  readonly failures: Array<{ op: 'list' | 'read' | 'writeNew' | 'remove' | 'probe'; code: FolderErrorCode; path?: RegExp }> = [];
  /** Counts of calls, by operation (for the idle-cycle cost). */
  readonly calls = { list: 0, read: 0, writeNew: 0, remove: 0, probe: 0 };

  constructor(readonly serverClock: () => number = () => Date.now()) {}

  private check(op: MemoryFolder['failures'][number]['op'], path: string): void {
    this.calls[op] += 1;
    if (this.offline) throw new FolderError('unreachable', `${op}: offline`);
    const i = this.failures.findIndex((f) => f.op === op && (!f.path || f.path.test(path)));
    if (i >= 0) {
      const [f] = this.failures.splice(i, 1);
      throw new FolderError(f?.code ?? 'io', `${op}: injected ${f?.code}`);
    }
  }

  async list(dir: string): Promise<FolderEntry[] | null> {
    this.check('list', dir);
    if (!this.dirs.has(dir)) return null;
    if (this.emptyListing && dir === 'devices') return [];
    const prefix = dir === '' ? '' : `${dir}/`;
    const names = new Map<string, 'file' | 'dir'>();
    for (const d of this.dirs)
      if (d.startsWith(prefix) && d !== dir && !d.slice(prefix.length).includes('/')) names.set(d.slice(prefix.length), 'dir');
    for (const f of this.files.keys())
      if (f.startsWith(prefix) && !f.slice(prefix.length).includes('/') && !this.hidden.has(f)) names.set(f.slice(prefix.length), 'file');
    return [...names].map(([name, kind]) => ({ name, kind }));
  }

  async read(path: string): Promise<Uint8Array | null> {
    this.check('read', path);
    if (this.hidden.has(path)) return null;
    const f = this.files.get(path);
    return f ? f.bytes.slice() : null;
  }

  async writeNew(path: string, bytes: Uint8Array): Promise<void> {
    this.check('writeNew', path);
    if (this.files.has(path)) throw new FolderError('exists', 'exists');
    this.ensureParents(path);
    this.files.set(path, { bytes: bytes.slice(), mtime: this.serverClock() });
    this.written.push({ path, bytes: bytes.slice() });
  }

  async remove(path: string): Promise<void> {
    this.check('remove', path);
    if (this.files.delete(path)) return;
    const prefix = `${path}/`;
    if ([...this.files.keys(), ...this.dirs].some((p) => p.startsWith(prefix))) throw new FolderError('io', 'not empty');
    this.dirs.delete(path);
  }

  async probe(path: string): Promise<number> {
    this.check('probe', path);
    this.ensureParents(path);
    return this.serverClock();
  }

  /** Puts bytes at a path behind the app's back (damage, copies, a colleague's hand). */
  put(path: string, bytes: Uint8Array): void {
    this.ensureParents(path);
    this.files.set(path, { bytes: bytes.slice(), mtime: this.serverClock() });
  }

  private ensureParents(path: string): void {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) this.dirs.add(parts.slice(0, i).join('/'));
  }
}
