/**
 * Where things live on the share (docs/sync.md "Layout"). Every name is built here and parsed
 * here; the main process accepts only paths that `isSharePath` accepts, so the renderer can
 * never make it touch anything else. Names carry device ids, sequence numbers and HLC stamps:
 * never member data.
 *
 *   SHARE.json                               clear text, written once (share.ts)
 *   keys/keyring-<keyId>.json                the data key wrapped by the passphrase (keyring.ts)
 *   devices/<deviceId>/seg-<seq>             encrypted batches of this desk's events, never changed
 *   devices/<deviceId>/state/state-<n>       encrypted heartbeat + read cursors, a new name each time
 *   devices/<deviceId>/probe-<token>         a moment's file for reading the share's clock
 *   snapshots/snap-<hlc>/part-<n>, manifest  encrypted full state and the frontier it covers
 */

export const SHARE_FILE = 'SHARE.json';
export const KEYS_DIR = 'keys';
export const DEVICES_DIR = 'devices';
export const SNAPSHOTS_DIR = 'snapshots';

const SEQ_WIDTH = 10;
const pad = (n: number, width = SEQ_WIDTH): string => String(n).padStart(width, '0');

const DEVICE = '[0-9A-Za-z]{1,64}';
const STAMP = `[0-9a-z]{9}-[0-9a-z]{4}-${DEVICE}`;
const deviceRe = new RegExp(`^${DEVICE}$`);
const stampRe = new RegExp(`^${STAMP}$`);

export const isDeviceId = (s: string): boolean => deviceRe.test(s);

export const keyringPath = (keyId: number): string => `${KEYS_DIR}/keyring-${keyId}.json`;
export const deviceDir = (deviceId: string): string => `${DEVICES_DIR}/${deviceId}`;
export const segmentName = (seq: number): string => `seg-${pad(seq)}`;
export const segmentPath = (deviceId: string, seq: number): string => `${deviceDir(deviceId)}/${segmentName(seq)}`;
export const stateDir = (deviceId: string): string => `${deviceDir(deviceId)}/state`;
export const statePath = (deviceId: string, n: number): string => `${stateDir(deviceId)}/state-${pad(n)}`;
export const probePath = (deviceId: string, token: string): string => `${deviceDir(deviceId)}/probe-${token}`;
export const snapshotDirName = (stamp: string): string => `snap-${stamp}`;
export const snapshotDir = (stamp: string): string => `${SNAPSHOTS_DIR}/${snapshotDirName(stamp)}`;
export const snapshotPartPath = (stamp: string, n: number): string => `${snapshotDir(stamp)}/part-${pad(n, 6)}`;
export const snapshotManifestPath = (stamp: string): string => `${snapshotDir(stamp)}/manifest`;

/** The sequence number of a segment file name, or null for anything else (temp files, copies). */
export function parseSegmentName(name: string): number | null {
  const m = /^seg-(\d{10})$/.exec(name);
  return m ? Number(m[1]) : null;
}

export function parseStateName(name: string): number | null {
  const m = /^state-(\d{10})$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** The HLC stamp of a snapshot folder name, or null. */
export function parseSnapshotDirName(name: string): string | null {
  const m = /^snap-(.+)$/.exec(name);
  return m && stampRe.test(m[1] as string) ? (m[1] as string) : null;
}

export function parseSnapshotPartName(name: string): number | null {
  const m = /^part-(\d{6})$/.exec(name);
  return m ? Number(m[1]) : null;
}

const FILE_PATTERNS = [
  /^SHARE\.json$/,
  /^keys\/keyring-\d{1,6}\.json$/,
  new RegExp(`^devices/${DEVICE}/seg-\\d{${SEQ_WIDTH}}$`),
  new RegExp(`^devices/${DEVICE}/state/state-\\d{${SEQ_WIDTH}}$`),
  new RegExp(`^devices/${DEVICE}/probe-[0-9a-f]{8,32}$`),
  new RegExp(`^snapshots/snap-${STAMP}/(part-\\d{6}|manifest)$`),
];
const DIR_PATTERNS = [
  /^$/,
  /^keys$/,
  /^devices$/,
  new RegExp(`^devices/${DEVICE}$`),
  new RegExp(`^devices/${DEVICE}/state$`),
  /^snapshots$/,
  new RegExp(`^snapshots/snap-${STAMP}$`),
];

/** A file the app may read or create on the share (relative, '/'-separated, nothing else). */
export const isShareFilePath = (path: string): boolean => FILE_PATTERNS.some((re) => re.test(path));
/** A folder the app may list or create on the share ('' is the share's root). */
export const isShareDirPath = (path: string): boolean => DIR_PATTERNS.some((re) => re.test(path));
/**
 * A file or folder the app may remove: its own segments, state files, probes and snapshots,
 * never SHARE.json, a keyring or a desk's folder.
 */
export const isRemovablePath = (path: string): boolean =>
  isShareFilePath(path) ? !/^(SHARE\.json|keys\/)/.test(path) : new RegExp(`^snapshots/snap-${STAMP}$`).test(path);
