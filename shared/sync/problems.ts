import type { FolderErrorCode } from './folder';
import type { QuarantineEntry } from './store';

/**
 * Everything that can stop or slow sync, in words a liaison can act on. Each has a stable code
 * for the UI and tests. `blocking` problems stop the whole cycle (nothing is written to or
 * deleted from the folder); the others let the rest of sync carry on.
 */
export type SyncProblemCode =
  | 'desktop_only'
  | 'no_folder'
  | 'locked'
  | 'unreachable'
  | 'denied'
  | 'disk_full'
  | 'busy'
  | 'share_missing'
  | 'share_damaged'
  | 'share_mismatch'
  | 'newer_format'
  | 'listing_empty'
  | 'listing_shrank'
  | 'clock_off'
  | 'quarantined'
  | 'held_events'
  | 'history_missing'
  | 'unknown_files'
  | 'internal';

export interface SyncProblem {
  code: SyncProblemCode;
  message: string;
  blocking: boolean;
}

const SAFE = 'Everything recorded on this desk is kept and will be sent once sync works again.';

export function folderProblem(code: FolderErrorCode): SyncProblem {
  switch (code) {
    case 'denied':
      return {
        code: 'denied',
        blocking: true,
        message: `Windows refused access to the sync folder. Ask IT to give your account change rights on it. ${SAFE}`,
      };
    case 'disk_full':
      return {
        code: 'disk_full',
        blocking: false,
        message: `The sync folder is full, so this desk's new work cannot be sent. Ask IT to free space on the share. ${SAFE}`,
      };
    case 'no_folder':
      return {
        code: 'no_folder',
        blocking: true,
        message: `No sync folder is chosen on this desk. Choose the team's folder in Settings → Sync. ${SAFE}`,
      };
    case 'unsupported':
      return problems.desktopOnly();
    case 'busy':
    case 'exists':
    case 'verify_failed':
      return {
        code: 'busy',
        blocking: false,
        message: `A file in the sync folder was busy or did not save correctly; this desk will try again at the next sync. ${SAFE}`,
      };
    default:
      return {
        code: 'unreachable',
        blocking: true,
        message: `The sync folder cannot be reached (network, VPN or file server). ${SAFE}`,
      };
  }
}

export const problems = {
  desktopOnly: (): SyncProblem => ({
    code: 'desktop_only',
    blocking: true,
    message: 'Sync needs the desktop app: a web browser cannot reach the network folder. Open Liaison Log on your desk to set up sync.',
  }),
  passphraseChanged: (): SyncProblem => ({
    code: 'locked',
    blocking: true,
    message: `The team passphrase was changed on another desk, and the old one no longer opens the share. Type the new passphrase in Settings → Sync (ask a colleague whose desk syncs). ${SAFE}`,
  }),
  busyKeys: (): SyncProblem => ({
    code: 'busy',
    blocking: true,
    message:
      'The passphrase could not be changed: the keys folder of the share has too many files in the way. Ask IT to look at the keys folder, then try again. The passphrase stays as it was.',
  }),
  locked: (): SyncProblem => ({
    code: 'locked',
    blocking: true,
    message: `Enter the team passphrase in Settings → Sync to resume sync on this desk. ${SAFE}`,
  }),
  shareMissing: (): SyncProblem => ({
    code: 'share_missing',
    blocking: true,
    message:
      'The sync folder no longer holds the team share (its SHARE.json file is missing). Sync has stopped and nothing was changed or deleted. Check that the right folder is chosen in Settings → Sync, or ask IT whether the folder was moved or restored.',
  }),
  shareDamaged: (): SyncProblem => ({
    code: 'share_damaged',
    blocking: true,
    message:
      "The share's SHARE.json file is damaged. Sync has stopped and nothing was changed or deleted. Ask IT to restore SHARE.json from a backup.",
  }),
  shareMismatch: (): SyncProblem => ({
    code: 'share_mismatch',
    blocking: true,
    message:
      'This folder belongs to a different share than the one this desk joined. Sync has stopped and nothing was changed. Choose the team’s folder in Settings → Sync, or join this share there.',
  }),
  newerFormat: (format?: number): SyncProblem => ({
    code: 'newer_format',
    blocking: true,
    message: `A newer version of Liaison Log wrote this share${format ? ` (format ${format})` : ''}. Update Liaison Log on this desk to keep syncing. ${SAFE}`,
  }),
  newerFiles: (count: number): SyncProblem => ({
    code: 'newer_format',
    blocking: false,
    message: `A newer version of Liaison Log wrote ${count === 1 ? 'a file' : `${count} files`} this desk cannot read yet; they are set aside until this desk is updated. Update Liaison Log to read them.`,
  }),
  listingEmpty: (): SyncProblem => ({
    code: 'listing_empty',
    blocking: true,
    message:
      'The sync folder looks empty although desks have synced through it. Sync has stopped and nothing was deleted; this is often a network drive that is not fully connected. Try again in a minute; if it stays empty, ask IT to check the folder.',
  }),
  listingShrank: (desks: readonly string[]): SyncProblem => ({
    code: 'listing_shrank',
    blocking: true,
    message: `The sync folder no longer shows the files of desk${desks.length === 1 ? '' : 's'} ${desks.join(', ')}. Sync has stopped and nothing was deleted. Ask IT whether files were moved or restored; if a desk was retired on purpose, choose "Accept the folder as it is" in Settings → Sync.`,
  }),
  clockOff: (skewMs: number): SyncProblem => ({
    code: 'clock_off',
    blocking: false,
    message: `This desk's clock is ${describeDuration(Math.abs(skewMs))} ${skewMs > 0 ? 'ahead of' : 'behind'} the file server's. Sending is paused so a wrong time cannot win over colleagues' changes; receiving continues. Ask IT to correct the clock (Windows: Settings → Time → Sync now).`,
  }),
  quarantined: (entries: readonly QuarantineEntry[], deskCode: (deviceId: string) => string): SyncProblem => {
    const desks = [...new Set(entries.map((e) => deskCode(e.device)))].join(', ');
    return {
      code: 'quarantined',
      blocking: false,
      message: `${entries.length === 1 ? 'A file' : `${entries.length} files`} from desk ${desks} could not be read and ${entries.length === 1 ? 'was' : 'were'} set aside; sync carries on with everything else. The desk that wrote ${entries.length === 1 ? 'it' : 'them'} sends the work again automatically when it next syncs.`,
    };
  },
  heldEvents: (count: number): SyncProblem => ({
    code: 'held_events',
    blocking: false,
    message: `${count === 1 ? 'A change' : `${count} changes`} from another desk ${count === 1 ? 'is' : 'are'} dated more than a day ahead (a wrong clock there) and ${count === 1 ? 'is' : 'are'} held back until that time. Ask the colleague to have their clock corrected.`,
  }),
  historyMissing: (deskCode: string): SyncProblem => ({
    code: 'history_missing',
    blocking: false,
    message: `Older work from desk ${deskCode} is no longer in the sync folder and no snapshot covers it, so this desk cannot catch up with that desk. Ask IT whether files were removed from the share.`,
  }),
  /** Names only (share-relative paths hold device ids and numbers, never member data). */
  unknownFiles: (paths: readonly string[]): SyncProblem => {
    const shown = paths.slice(0, 5).join(', ');
    const more = paths.length > 5 ? ` and ${paths.length - 5} more` : '';
    return {
      code: 'unknown_files',
      blocking: false,
      message: `There ${paths.length === 1 ? 'is a file' : `are ${paths.length} files`} in the sync folder that Liaison Log did not write, or that no passphrase of this team opens: ${shown}${more}. Sync ignores ${paths.length === 1 ? 'it' : 'them'} and carries on; nothing on this desk is affected. Ask IT who put ${paths.length === 1 ? 'it' : 'them'} there, and remove ${paths.length === 1 ? 'it' : 'them'} if nobody needs ${paths.length === 1 ? 'it' : 'them'}.`,
    };
  },
  internal: (what: string): SyncProblem => ({
    code: 'internal',
    blocking: true,
    message: `Sync stopped because of an unexpected error (${what}). ${SAFE} If it happens again, restart Liaison Log.`,
  }),
};

export function describeDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 90) return `${Math.max(1, minutes)} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(ms / 3_600_000);
  if (hours < 48) return `${hours} hours`;
  return `${Math.round(ms / 86_400_000)} days`;
}
