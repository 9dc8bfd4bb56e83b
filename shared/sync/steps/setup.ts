import { newId } from '../../ids';
import { importDataKey } from '../fileBox';
import { isFolderError } from '../folder';
import type { HlcStamp } from '../hlc';
import { createKeyring, type KeyringFailure, openKeyring } from '../keyring';
import { DEVICES_DIR, isDeviceId, KEYS_DIR, keyringPath, SHARE_FILE } from '../layout';
import { fromUtf8, utf8 } from '../platform';
import { folderProblem, problems, type SyncProblem } from '../problems';
import { encodeShareFile, parseShareFile, SHARE_FORMAT, type ShareInfo } from '../share';
import { initialSyncState, type SyncStore } from '../store';
import { type CycleContext, deskCode, forgetKeyJunk, noteJunk, StopCycle, type SyncEnv } from './context';
import { confirmDesk } from './upkeep';

/**
 * Set-up and keys: what a chosen folder holds, creating and joining a share, pinning this desk
 * to it and leaving it, and, at the start of every cycle, checking the folder is still that share.
 */

export type FolderKind = 'empty' | 'share' | 'other';
export interface FolderInspection {
  kind: FolderKind;
  share?: ShareInfo;
  problem?: SyncProblem;
}

export type SetupResult =
  | { ok: true; shareId: string; keyId: number; dataKey: Uint8Array }
  | {
      ok: false;
      code:
        | KeyringFailure
        | 'old_passphrase'
        | 'share_exists'
        | 'folder_not_empty'
        | 'no_share'
        | 'share_damaged'
        | 'keyring_missing'
        | 'folder';
      message: string;
    };

/** Files that operating systems drop into any folder; an otherwise empty folder with them counts as empty. */
const OS_LITTER = new Set(['desktop.ini', 'thumbs.db', '.ds_store']);

type SetupFailure = Exclude<Extract<SetupResult, { ok: false }>['code'], 'folder'>;

const SETUP_MESSAGES: Record<SetupFailure, string> = {
  old_passphrase:
    'That is the team’s old passphrase: it was changed on another desk. Ask a colleague whose desk syncs for the new one, and type it here.',
  wrong_passphrase: 'That passphrase does not open this share. Check it with a colleague whose desk already syncs, and try again.',
  keyring_damaged:
    "The share's key file (keys/keyring-1.json) is damaged, so no passphrase can open it. Ask IT to restore the keys folder from a backup.",
  keyring_missing: "The share's key file (keys folder) is missing. Ask IT to restore the keys folder from a backup.",
  newer_format: 'A newer version of Liaison Log created this share. Update Liaison Log on this desk, then join.',
  other_share: "The share's key file belongs to another share. Ask IT to restore the keys folder from a backup.",
  share_exists: 'This folder already holds a team share. Join it with the team passphrase instead of creating a new one.',
  folder_not_empty:
    'This folder has other files in it. Choose an empty folder to create a new share, or the folder that holds the team’s SHARE.json to join.',
  no_share:
    'This folder does not hold a team share (there is no SHARE.json). Choose the team’s folder, or create a new share in an empty folder.',
  share_damaged: "The share's SHARE.json file is damaged. Ask IT to restore it from a backup.",
};

const fail = (code: SetupFailure): SetupResult => ({ ok: false, code, message: SETUP_MESSAGES[code] });

/** A folder that failed under set-up: what people read is the folder problem's message. */
function folderFailure(e: unknown): SetupResult {
  if (isFolderError(e)) return { ok: false, code: 'folder', message: folderProblem(e.code).message };
  throw e;
}

/** What the chosen folder holds: nothing yet, a share, or something else. */
export async function inspectFolder(env: Pick<SyncEnv, 'folder'>): Promise<FolderInspection> {
  const { folder } = env;
  try {
    const root = (await folder.list('')) ?? [];
    const shareBytes = root.some((e) => e.name === SHARE_FILE) ? await folder.read(SHARE_FILE) : null;
    if (shareBytes) {
      const parsed = parseShareFile(shareBytes);
      if (parsed.ok) return { kind: 'share', share: parsed.share };
      if (parsed.reason === 'newer_format') return { kind: 'share', problem: problems.newerFormat(parsed.format) };
      return { kind: 'share', problem: problems.shareDamaged() };
    }
    return { kind: root.every((e) => OS_LITTER.has(e.name.toLowerCase())) ? 'empty' : 'other' };
  } catch (e) {
    if (isFolderError(e)) return { kind: 'other', problem: folderProblem(e.code) };
    throw e;
  }
}

/** Writes a new share into an empty folder (the caller pins this desk to it). */
export async function createShare(
  env: Pick<SyncEnv, 'folder' | 'platform' | 'clock' | 'options'>,
  passphrase: string,
): Promise<SetupResult> {
  const { folder, platform, clock } = env;
  try {
    const inspection = await inspectFolder(env);
    if (inspection.problem) return { ok: false, code: 'folder', message: inspection.problem.message };
    if (inspection.kind === 'share') return fail('share_exists');
    if (inspection.kind === 'other') return fail('folder_not_empty');
    const now = clock.now();
    const shareId = newId(now);
    const keyId = 1;
    const { file, dataKey } = await createKeyring(platform, passphrase, shareId, keyId, env.options.kdfIterations);
    // The keyring first: SHARE.json appears only once the share is complete. A desk creating a
    // share here at the same moment finds the keyring taken and is told to join instead.
    await folder.writeNew(keyringPath(keyId), utf8(`${JSON.stringify(file, null, 2)}\n`));
    await folder.writeNew(SHARE_FILE, encodeShareFile({ app: 'Liaison Log', format: SHARE_FORMAT, shareId, keyId, createdAt: now }));
    return { ok: true, shareId, keyId, dataKey };
  } catch (e) {
    if (isFolderError(e) && e.code === 'exists') return fail('share_exists');
    return folderFailure(e);
  }
}

/** Opens the share's keyring in the chosen folder with the team passphrase (the caller pins this desk to it). */
export async function joinShare(env: Pick<SyncEnv, 'folder' | 'platform'>, passphrase: string): Promise<SetupResult> {
  const { folder, platform } = env;
  try {
    const bytes = await folder.read(SHARE_FILE);
    if (!bytes) return fail('no_share');
    const parsed = parseShareFile(bytes);
    if (!parsed.ok) return fail(parsed.reason === 'newer_format' ? 'newer_format' : 'share_damaged');
    const { shareId, keyId } = parsed.share;
    // The newest keyring the passphrase opens (after a passphrase change there are several).
    let first: KeyringFailure | 'keyring_missing' | null = null;
    for (const n of await newestKeyringNumbers(env, keyId)) {
      const ring = await folder.read(keyringPath(n));
      if (!ring) {
        first ??= 'keyring_missing';
        continue;
      }
      let text: string;
      try {
        text = fromUtf8(ring);
      } catch {
        first ??= 'keyring_damaged';
        continue;
      }
      const opened = await openKeyring(platform, text, passphrase, shareId);
      if (opened.ok && opened.keyId !== n) {
        first ??= 'keyring_damaged';
        continue;
      }
      if (opened.ok)
        return first === 'wrong_passphrase' ? fail('old_passphrase') : { ok: true, shareId, keyId: opened.keyId, dataKey: opened.dataKey };
      first ??= opened.reason;
    }
    return fail(first ?? 'keyring_missing');
  } catch (e) {
    return folderFailure(e);
  }
}

/**
 * The newest keyring of the share that `passphrase` opens, for joining (or re-entering the
 * passphrase after a change). Keyring names are only candidates: each is opened. An older keyring
 * that opens while a newer one exists means the old passphrase was typed.
 */
async function newestKeyringNumbers(env: Pick<SyncEnv, 'folder'>, shareKeyId: number): Promise<number[]> {
  const entries = (await env.folder.list(KEYS_DIR)) ?? [];
  const numbers = entries
    .filter((e) => e.kind === 'file')
    .map((e) => /^keyring-(\d{1,6})\.json$/.exec(e.name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .filter((n) => n >= shareKeyId && n <= 65_535);
  return [...new Set([shareKeyId, ...numbers])].sort((a, b) => b - a).slice(0, 50);
}

/** Keeps a data key in memory, ready to seal and open files. */
export async function addKey(env: Pick<SyncEnv, 'platform' | 'memory'>, keyId: number, raw: Uint8Array): Promise<void> {
  env.memory.keys.set(keyId, await importDataKey(env.platform, keyId, raw));
  env.memory.raw.set(keyId, raw.slice());
  forgetKeyJunk(env.memory);
}

/** Forgets keys and heartbeats held in memory (they belong to the share being left or replaced). */
function forgetShare(memory: SyncEnv['memory']): void {
  memory.keys.clear();
  memory.raw.clear();
  memory.olderLoaded.clear();
  memory.deskStates.clear();
}

/** Pins this desk to a share (the caller then adds its key). */
export async function pinShare(env: Pick<SyncEnv, 'store' | 'memory'>, shareId: string, keyId: number): Promise<void> {
  const { store } = env;
  await store.withLock(async () => {
    const state = await store.loadState();
    if (state.shareId === shareId) {
      await store.saveState({ ...state, keyId });
      return;
    }
    // A different share than before: start its bookkeeping afresh and publish all of this desk's work to it.
    if (state.shareId !== null) await requeueAll(store);
    await store.saveState({ ...state, ...initialSyncState(), shareId, keyId });
  });
  forgetShare(env.memory);
}

/**
 * Leaves the share: unpins it and forgets the key. Local data stays; this desk's own events go
 * back in the outbox so a share joined later receives all of them.
 */
export async function leaveShare(env: Pick<SyncEnv, 'store' | 'memory'>): Promise<void> {
  const { store } = env;
  await store.withLock(async () => {
    const state = await store.loadState();
    await requeueAll(store);
    await store.saveState({ ...state, ...initialSyncState(), shareId: null, keyId: null });
  });
  forgetShare(env.memory);
}

const requeueAll = (store: SyncStore) => store.requeue('' as HlcStamp, '\uffff' as HlcStamp);

/** Forgets which desks were seen, after a person confirmed that a desk's files were removed on purpose. */
export async function forgetKnownDesks(env: Pick<SyncEnv, 'store'>): Promise<void> {
  const { store } = env;
  await store.withLock(async () => {
    const state = await store.loadState();
    await store.saveState({ ...state, knownDesks: [] });
  });
}

/**
 * The folder must still be this share, complete, in a format this version reads, with every desk
 * seen before still in it; otherwise the cycle stops before anything is written or deleted.
 */
export async function checkShare(env: Pick<SyncEnv, 'folder' | 'platform' | 'options' | 'memory'>, ctx: CycleContext): Promise<void> {
  const { folder } = env;
  const bytes = await folder.read(SHARE_FILE);
  if (!bytes) throw new StopCycle(problems.shareMissing());
  const parsed = parseShareFile(bytes);
  if (!parsed.ok) throw new StopCycle(parsed.reason === 'newer_format' ? problems.newerFormat(parsed.format) : problems.shareDamaged());
  if (parsed.share.shareId !== ctx.state.shareId) throw new StopCycle(problems.shareMismatch());
  ctx.shareCreatedAt = parsed.share.createdAt;
  const listed = await folder.list(DEVICES_DIR);
  const folders = (listed ?? []).filter((e) => e.kind === 'dir' && isDeviceId(e.name)).map((e) => e.name);
  const everSynced = ctx.state.knownDesks.length > 0 || ctx.state.nextSeq > 1;
  if (folders.length === 0 && everSynced) throw new StopCycle(problems.listingEmpty());
  const present = new Set(folders);
  // Only desks: a folder that never held a file that authenticates can come and go unnoticed.
  const gone = ctx.state.knownDesks.filter((d) => !present.has(d));
  if (gone.length > 0) throw new StopCycle(problems.listingShrank(gone.map((d) => deskCode(env.memory, d))));
  const known = new Set(ctx.state.knownDesks);
  const desks: string[] = [];
  for (const d of folders) if (known.has(d) || d === ctx.me || (await confirmDesk(env, ctx, d))) desks.push(d);
  for (const e of listed ?? [])
    if (e.kind !== 'dir' || !isDeviceId(e.name)) reportStray(env.memory, ctx, `${DEVICES_DIR}/${e.name}`, e.name);
  ctx.desks = desks.sort();
  for (const d of desks) known.add(d);
  ctx.state.knownDesks = [...known].sort();
}

/** Something in devices/ that cannot be a desk's folder (OS litter aside) is reported once as unknown. */
function reportStray(memory: SyncEnv['memory'], ctx: CycleContext, path: string, name: string): void {
  if (!OS_LITTER.has(name.toLowerCase())) noteJunk(memory, ctx, path, 'unknown');
}
