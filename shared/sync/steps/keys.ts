import { isFolderError } from '../folder';
import { createNextKeyring, followKeyring, type KeyringFile, olderKeys, parseKeyring } from '../keyring';
import { keyringPath } from '../layout';
import { fromUtf8, utf8 } from '../platform';
import { problems } from '../problems';
import { type CycleContext, noteJunk, StopCycle, type SyncEnv } from './context';
import { addKey } from './setup';

/**
 * Changing the team passphrase (docs/sync.md "Changing the passphrase"). A change writes the next
 * keyring, `keys/keyring-<n+1>.json`: a new random data key wrapped by the new passphrase, every
 * key before it sealed under the new one (old files stay readable), and, unless the old passphrase
 * is locked out, the new key sealed under the current one, so every desk holding the current key
 * follows on its next cycle. New files are sealed with the newest key. SHARE.json never changes.
 */

type KeysEnv = Pick<SyncEnv, 'folder' | 'store' | 'platform' | 'options' | 'memory'>;

/** Keyring numbers looked at past the current one per cycle (junk may sit at the next number). */
const KEYRING_LOOKAHEAD = 5;

/** A keyring file of this share, or null when it is not there; junk is remembered and reported once. */
async function readKeyring(env: KeysEnv, ctx: CycleContext, keyId: number): Promise<KeyringFile | 'absent' | 'junk'> {
  const path = keyringPath(keyId);
  if (env.memory.junk.has(path)) return 'junk';
  const bytes = await env.folder.read(path);
  if (!bytes) return 'absent';
  let text: string;
  try {
    text = fromUtf8(bytes);
  } catch {
    text = '';
  }
  const file = await parseKeyring(env.platform, text, ctx.state.shareId ?? '');
  if (file && file.keyId === keyId) return file;
  noteJunk(env.memory, ctx, path, 'not_sync_file');
  return 'junk';
}

async function learnOlder(env: KeysEnv, file: KeyringFile, raw: Uint8Array): Promise<void> {
  for (const [id, key] of await olderKeys(env.platform, file, raw)) if (!env.memory.raw.has(id)) await addKey(env, id, key);
  env.memory.olderLoaded.add(file.keyId);
}

/**
 * A cycle's key step, after the share check: the keys before the current one are learnt from its
 * keyring (once), and a newer keyring is followed with the key it is sealed under. A newer keyring
 * that locks the old passphrase out stops the cycle: the person types the new passphrase.
 * Returns the keys this desk moved to (for keeping with the OS's protection).
 */
export async function followKeys(env: KeysEnv, ctx: CycleContext): Promise<Array<{ keyId: number; raw: Uint8Array }>> {
  const { memory } = env;
  const moved: Array<{ keyId: number; raw: Uint8Array }> = [];
  let current = ctx.state.keyId ?? 1;
  const raw = memory.raw.get(current);
  if (raw && current > 1 && !memory.olderLoaded.has(current)) {
    const file = await readKeyring(env, ctx, current);
    if (typeof file !== 'string') await learnOlder(env, file, raw);
  }
  for (let n = current + 1; n <= current + KEYRING_LOOKAHEAD; n++) {
    const file = await readKeyring(env, ctx, n);
    if (file === 'absent') break;
    if (file === 'junk') continue;
    const next = await followKeyring(env.platform, file, memory.raw);
    if (!next) throw new StopCycle(problems.passphraseChanged());
    await addKey(env, n, next);
    await learnOlder(env, file, next);
    ctx.state.keyId = n;
    current = n;
    moved.push({ keyId: n, raw: next });
    await env.store.saveState(ctx.state);
  }
  return moved;
}

/**
 * Writes the next keyring with a new passphrase and moves this desk to its key. The caller has
 * checked the share and followed its keys in the same locked cycle, so every key before is held.
 */
export async function writeNextKeyring(
  env: KeysEnv,
  ctx: CycleContext,
  passphrase: string,
  lockOut: boolean,
): Promise<{ keyId: number; raw: Uint8Array }> {
  const { folder, platform, memory } = env;
  const current = ctx.state.keyId ?? 1;
  const shareId = ctx.state.shareId ?? '';
  for (let keyId = current + 1; keyId <= current + KEYRING_LOOKAHEAD * 4 && keyId <= 65_535; keyId++) {
    const { file, dataKey } = await createNextKeyring(
      platform,
      passphrase,
      shareId,
      keyId,
      memory.raw,
      current,
      lockOut,
      env.options.kdfIterations,
    );
    try {
      await folder.writeNew(keyringPath(keyId), utf8(`${JSON.stringify(file, null, 2)}\n`));
    } catch (e) {
      if (isFolderError(e) && e.code === 'exists') continue; // junk (or a colleague's change a moment ago) took the number
      throw e;
    }
    await addKey(env, keyId, dataKey);
    memory.olderLoaded.add(keyId);
    ctx.state.keyId = keyId;
    await env.store.saveState(ctx.state);
    return { keyId, raw: dataKey };
  }
  throw new StopCycle(problems.busyKeys());
}
