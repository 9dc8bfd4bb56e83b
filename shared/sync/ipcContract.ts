import { z } from 'zod';
import { SYNC_CHANNELS } from './channels';
import { FOLDER_ERROR_CODES } from './folder';
import { isRemovablePath, isShareDirPath, isShareFilePath } from './layout';

/**
 * The sync part of the IPC contract (merged into shared/ipc.ts). The renderer holds the desk's
 * database and does the crypto; main does the file I/O. So what crosses is encrypted file
 * contents, share-relative paths the layout allows (main never takes a folder path from the
 * renderer: the folder is chosen in main's own native picker), and the data key once, to be
 * kept with the OS's safeStorage. A folder call answers `{ok:false, code}` rather than throwing,
 * because Electron passes only an error's message across.
 */

/** The largest file sync moves (a snapshot part of 5,000 events is a few MB). */
export const MAX_SYNC_FILE_BYTES = 64 * 1024 * 1024;

const filePath = z.string().max(300).refine(isShareFilePath, 'not a file of the sync share');
const dirPath = z.string().max(300).refine(isShareDirPath, 'not a folder of the sync share');
const removablePath = z.string().max(300).refine(isRemovablePath, 'not a file the app may remove');
/** Bytes, typed as the plain Uint8Array the file calls take and give. */
const uint8 = z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be bytes');
const bytes = uint8.refine((b) => b.byteLength <= MAX_SYNC_FILE_BYTES, 'the file is too large');
const shareId = z.string().regex(/^[0-9A-Z]{26}$/);

const folderFailure = z.object({ ok: z.literal(false), code: z.enum(FOLDER_ERROR_CODES), message: z.string().max(300) }).strict();
/** A folder call's answer: its value, or why it failed. */
export const folderResult = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }).strict(), folderFailure]);
export type FolderResult<T> = { ok: true; value: T } | { ok: false; code: (typeof FOLDER_ERROR_CODES)[number]; message: string };

/** Why the key is not kept on this desk: no OS protection at all, or (Linux) no secret store, only Chromium's hard-coded key. */
const NOT_KEPT = z.enum(['no_protection', 'no_secret_store']);

const entry = z.object({ name: z.string().max(300), kind: z.enum(['file', 'dir', 'other']) }).strict();

export const syncContract = {
  /** The folder chosen on this desk, for display (null: none yet). */
  syncFolderInfo: {
    channel: SYNC_CHANNELS.syncFolderInfo,
    request: z.undefined(),
    response: z.object({ path: z.string().max(1000).nullable() }).strict(),
  },
  /** Opens the native folder picker; the chosen folder becomes this desk's sync folder. Null path: cancelled. */
  syncChooseFolder: {
    channel: SYNC_CHANNELS.syncChooseFolder,
    request: z.undefined(),
    response: z.object({ path: z.string().max(1000).nullable() }).strict(),
  },
  syncList: {
    channel: SYNC_CHANNELS.syncList,
    request: z.object({ dir: dirPath }).strict(),
    response: folderResult(z.array(entry).max(100_000).nullable()),
  },
  syncRead: {
    channel: SYNC_CHANNELS.syncRead,
    request: z.object({ path: filePath }).strict(),
    response: folderResult(bytes.nullable()),
  },
  syncWriteNew: {
    channel: SYNC_CHANNELS.syncWriteNew,
    request: z.object({ path: filePath, bytes }).strict(),
    response: folderResult(z.literal(true)),
  },
  syncRemove: {
    channel: SYNC_CHANNELS.syncRemove,
    request: z.object({ path: removablePath }).strict(),
    response: folderResult(z.literal(true)),
  },
  syncProbe: {
    channel: SYNC_CHANNELS.syncProbe,
    request: z.object({ path: filePath.refine((p) => /\/probe-[0-9a-f]+$/.test(p), 'not a probe file') }).strict(),
    response: folderResult(z.number()),
  },
  /** Keeps the share's data key on this desk, encrypted by the OS (Electron safeStorage). `stored` false: the OS offers no protected storage. */
  syncRememberKey: {
    channel: SYNC_CHANNELS.syncRememberKey,
    request: z.object({ shareId, keyId: z.number().int().min(1).max(65_535), key: uint8.refine((k) => k.byteLength === 32) }).strict(),
    response: z.object({ stored: z.boolean(), reason: NOT_KEPT.optional() }).strict(),
  },
  syncRecallKey: {
    channel: SYNC_CHANNELS.syncRecallKey,
    request: z.object({ shareId }).strict(),
    response: z
      .object({ found: z.literal(true), keyId: z.number().int(), key: uint8 })
      .strict()
      .or(z.object({ found: z.literal(false), reason: NOT_KEPT.optional() }).strict()),
  },
  /** Forgets the folder and the key on this desk (leaving the share). */
  syncForget: {
    channel: SYNC_CHANNELS.syncForget,
    request: z.undefined(),
    response: z.object({ ok: z.literal(true) }).strict(),
  },
} as const satisfies Record<keyof typeof SYNC_CHANNELS, { channel: string; request: z.ZodType; response: z.ZodType }>;

type SyncContract = typeof syncContract;
/** The sync functions of `window.liaison` (a part of LiaisonApi). */
export type SyncApi = {
  [M in keyof SyncContract]: z.input<SyncContract[M]['request']> extends undefined
    ? () => Promise<z.output<SyncContract[M]['response']>>
    : (request: z.input<SyncContract[M]['request']>) => Promise<z.output<SyncContract[M]['response']>>;
};
