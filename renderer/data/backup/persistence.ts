/* The browser's storage: kept under pressure, and how full it is. */

/** Asks the browser to keep this site's storage under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return null;
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}

export interface StorageState {
  /** null where the browser cannot tell. */
  persistent: boolean | null;
  usage: number | null;
  quota: number | null;
}

export async function storageState(): Promise<StorageState> {
  if (typeof navigator === 'undefined' || !navigator.storage) return { persistent: null, usage: null, quota: null };
  const persistent = navigator.storage.persisted ? await navigator.storage.persisted() : null;
  const estimate = navigator.storage.estimate ? await navigator.storage.estimate() : {};
  return { persistent, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}
