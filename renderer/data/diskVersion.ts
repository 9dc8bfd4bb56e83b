/*
 * The one IndexedDB call the app makes before its code has loaded: small, and without Dexie, so
 * the entry script stays tiny (renderer/main.tsx).
 */

/** The log's database name (LiaisonDb's default). */
export const DATABASE_NAME = 'liaison-log';

/**
 * The Dexie schema version of a database as the browser lists it, without opening (or creating) it:
 * null when there is none, undefined when this browser cannot list its databases. (Dexie's version is
 * the native one ÷ 10.) Listing also makes the browser open its storage, which for a large log takes
 * a second: started first, it runs while the app's code is parsed.
 */
export async function listedVersion(name: string): Promise<number | null | undefined> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return undefined;
  const listed = await indexedDB.databases().catch(() => undefined);
  if (listed === undefined) return undefined;
  const found = listed.find((d) => d.name === name);
  return found?.version ? Math.floor(found.version / 10) : null;
}
