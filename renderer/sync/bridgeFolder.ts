import { type FolderEntry, FolderError, type ShareFolder } from '../../shared/sync/folder';
import type { FolderResult, SyncApi } from '../../shared/sync/ipcContract';

/**
 * The share folder as the renderer reaches it: every call crosses the bridge to the main
 * process (electron/sync/syncMain.ts), which does the file I/O with time limits. Failures come
 * back as codes and are thrown here as FolderError, as the engine expects.
 */
export class BridgeFolder implements ShareFolder {
  constructor(private readonly api: SyncApi) {}

  private static unwrap<T>(r: FolderResult<T>): T {
    if (r.ok) return r.value;
    throw new FolderError(r.code, r.message);
  }

  async list(dir: string): Promise<FolderEntry[] | null> {
    return BridgeFolder.unwrap(await this.api.syncList({ dir }));
  }
  async read(path: string): Promise<Uint8Array | null> {
    return BridgeFolder.unwrap(await this.api.syncRead({ path }));
  }
  async writeNew(path: string, bytes: Uint8Array): Promise<void> {
    BridgeFolder.unwrap(await this.api.syncWriteNew({ path, bytes }));
  }
  async remove(path: string): Promise<void> {
    BridgeFolder.unwrap(await this.api.syncRemove({ path }));
  }
  async probe(path: string): Promise<number> {
    return BridgeFolder.unwrap(await this.api.syncProbe({ path }));
  }
}
