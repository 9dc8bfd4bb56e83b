import path from 'node:path';

/**
 * Where a file the app writes really lands (issue 18): this computer's own disk, or a network
 * share or a cloud-synced folder, where member data must never go in clear. Decided in main, from
 * the path the native Save dialog returned, never from anything the renderer says. Plain functions
 * over injected probes (the drive type on Windows, the mount table on Linux and macOS, the real
 * path behind links), so every platform's rules are tested on any machine.
 *
 * - Windows: UNC paths (\\server\share, //server/share, \\?\UNC\server\share); a drive letter the
 *   system reports as a network drive (a mapped drive such as S:); a drive whose type cannot be
 *   read is refused unless it is the system drive.
 * - Linux and macOS: the mount the real path lies on, when its file system is a network one
 *   (cifs, smb3, nfs, sshfs, webdav, gvfs, …).
 * - Everywhere: a folder of a cloud sync client in the path (OneDrive, Dropbox, Google Drive,
 *   iCloud Drive, Box, Nextcloud, …), including macOS's Library/CloudStorage.
 */

export type DriveType = 'fixed' | 'removable' | 'network' | 'cdrom' | 'ram' | 'unknown';

export interface Mount {
  /** Where it is mounted (absolute, decoded). */
  mountPoint: string;
  fsType: string;
}

export interface DestinationProbes {
  platform: NodeJS.Platform;
  /** The real path of an existing folder (links and junctions resolved); the path itself when it cannot be read. */
  realpath(p: string): Promise<string>;
  /** Windows: the type of a drive letter ('S'). */
  driveType(letter: string): Promise<DriveType>;
  /** Linux, macOS: the mount table. */
  mounts(): Promise<Mount[]>;
  /** Windows: the system drive's letter (from %SystemDrive%), always this computer's. */
  systemDrive?: string;
}

export type Destination =
  | { kind: 'local' }
  | { kind: 'network'; why: 'unc' | 'mapped_drive' | 'network_fs'; detail: string }
  | { kind: 'cloud'; detail: string }
  | { kind: 'unknown'; detail: string };

/** File systems that live on another machine. */
const NETWORK_FS = new Set([
  'cifs',
  'smb',
  'smb2',
  'smb3',
  'smbfs',
  'nfs',
  'nfs4',
  'afpfs',
  'webdav',
  'davfs',
  'ncpfs',
  'afs',
  'ceph',
  'glusterfs',
  '9p',
  'sshfs',
  'fuse.sshfs',
  'fuse.smbnetfs',
  'fuse.davfs2',
  'fuse.gvfsd-fuse',
  'fuse.rclone',
  'fuse.s3fs',
  'fuse.gcsfuse',
  'fuse.onedriver',
  'fuse.google-drive-ocamlfuse',
  'fuse.glusterfs',
  'fuse.cephfs',
]);

/** Folder names cloud sync clients use (compared case-insensitively, one path segment each). */
const CLOUD_FOLDERS: ReadonlyArray<{ re: RegExp; name: string }> = [
  { re: /^onedrive( - .+)?$/i, name: 'OneDrive' },
  { re: /^onedrive-.+$/i, name: 'OneDrive' },
  { re: /^dropbox( \(.+\))?$/i, name: 'Dropbox' },
  { re: /^dropbox-.+$/i, name: 'Dropbox' },
  { re: /^google ?drive$/i, name: 'Google Drive' },
  { re: /^googledrive-.+$/i, name: 'Google Drive' },
  { re: /^my drive$/i, name: 'Google Drive' },
  { re: /^icloud ?drive$/i, name: 'iCloud Drive' },
  { re: /^mobile documents$/i, name: 'iCloud Drive' },
  { re: /^com~apple~clouddocs$/i, name: 'iCloud Drive' },
  { re: /^box( sync)?$/i, name: 'Box' },
  { re: /^box-box$/i, name: 'Box' },
  { re: /^nextcloud$/i, name: 'Nextcloud' },
  { re: /^owncloud$/i, name: 'ownCloud' },
  { re: /^pcloud ?drive$/i, name: 'pCloud' },
  { re: /^megasync$/i, name: 'MEGA' },
  { re: /^sync\.com$/i, name: 'Sync.com' },
];

const isWindows = (p: NodeJS.Platform) => p === 'win32';

/** \\?\C:\x → C:\x; \\?\UNC\server\share → \\server\share; other paths unchanged. */
function stripWin32Prefix(p: string): string {
  const unc = /^[\\/]{2}[?.][\\/]UNC[\\/](.*)$/i.exec(p);
  if (unc) return `\\\\${unc[1]}`;
  const local = /^[\\/]{2}[?.][\\/]([a-z]:.*)$/i.exec(p);
  return local ? (local[1] as string) : p;
}

/** A UNC path (\\server\share\…, //server/share/…): a network share, not this computer's disk. */
export const isUncPath = (p: string): boolean => /^(\\\\|\/\/)[^\\/?.]/.test(stripWin32Prefix(p));

function cloudFolder(p: string): string | null {
  for (const segment of p.split(/[\\/]+/)) for (const c of CLOUD_FOLDERS) if (c.re.test(segment)) return c.name;
  // macOS File Provider clients all live under ~/Library/CloudStorage.
  if (/[\\/]Library[\\/]CloudStorage[\\/]/i.test(p)) return 'a cloud storage provider';
  return null;
}

/** The mount a path lies on: the longest mount point that is the path or one of its parents. */
export function mountOf(p: string, mounts: readonly Mount[]): Mount | null {
  let best: Mount | null = null;
  for (const m of mounts) {
    const point = m.mountPoint.endsWith('/') && m.mountPoint !== '/' ? m.mountPoint.slice(0, -1) : m.mountPoint;
    const inside = point === '/' || p === point || p.startsWith(`${point}/`);
    if (inside && (!best || point.length > best.mountPoint.length)) best = { ...m, mountPoint: point };
  }
  return best;
}

/** /proc/mounts (or /proc/self/mounts) text: "source mountpoint fstype options 0 0", spaces as \040. */
export function parseProcMounts(text: string): Mount[] {
  const decode = (s: string) => s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(Number.parseInt(o, 8)));
  const out: Mount[] = [];
  for (const line of text.split('\n')) {
    const [, mountPoint, fsType] = line.trim().split(/\s+/);
    if (mountPoint && fsType) out.push({ mountPoint: decode(mountPoint), fsType });
  }
  return out;
}

/** macOS `mount` output: "//lee@server/share on /Volumes/share (smbfs, nodev, nosuid, mounted by lee)". */
export function parseMacMount(text: string): Mount[] {
  const out: Mount[] = [];
  for (const line of text.split('\n')) {
    const m = / on (.+) \(([^,)]+)/.exec(line);
    if (m) out.push({ mountPoint: m[1] as string, fsType: (m[2] as string).trim() });
  }
  return out;
}

/**
 * Where `filePath` (a file about to be written; it may not exist yet) really lands. The folder it
 * goes in is resolved through links first, and both the given and the real path are judged.
 */
export async function classifyDestination(filePath: string, probes: DestinationProbes): Promise<Destination> {
  const win = isWindows(probes.platform);
  const paths = win ? path.win32 : path.posix;
  const given = win ? stripWin32Prefix(filePath) : filePath;
  const real = win ? stripWin32Prefix(await probes.realpath(paths.dirname(given))) : await probes.realpath(paths.dirname(given));
  for (const p of [given, real]) {
    if (isUncPath(p))
      return {
        kind: 'network',
        why: 'unc',
        detail: p
          .split(/[\\/]+/)
          .filter(Boolean)
          .slice(0, 2)
          .join('\\'),
      };
    const cloud = cloudFolder(p);
    if (cloud) return { kind: 'cloud', detail: cloud };
  }
  if (win) {
    for (const p of new Set([given, real])) {
      const letter = /^([a-z]):/i.exec(p)?.[1]?.toUpperCase();
      if (!letter) return { kind: 'unknown', detail: 'a path without a drive letter' };
      const type = await probes.driveType(letter).catch((): DriveType => 'unknown');
      if (type === 'network') return { kind: 'network', why: 'mapped_drive', detail: `${letter}:` };
      const system = (probes.systemDrive ?? 'C').replace(/[:\\/]/g, '').toUpperCase();
      if (type === 'unknown' && letter !== system) return { kind: 'unknown', detail: `${letter}:` };
    }
    return { kind: 'local' };
  }
  const mounts = await probes.mounts().catch((): Mount[] => []);
  for (const p of new Set([given, real])) {
    const mount = mountOf(p, mounts);
    if (mount && NETWORK_FS.has(mount.fsType.toLowerCase())) return { kind: 'network', why: 'network_fs', detail: mount.mountPoint };
  }
  return { kind: 'local' };
}

/** What a person reads when a file is refused: where it would have gone, and where to save instead. */
export function refusalMessage(d: Exclude<Destination, { kind: 'local' }>): string {
  const where =
    d.kind === 'cloud'
      ? `a folder that ${d.detail} copies to the internet`
      : d.kind === 'unknown'
        ? `a place Liaison Log cannot check (${d.detail})`
        : d.why === 'mapped_drive'
          ? `a network drive (${d.detail})`
          : d.why === 'unc'
            ? `a network share (${d.detail})`
            : `a network folder (${d.detail})`;
  return `Files from Liaison Log can hold member information, so they are saved only on this computer. The folder you chose is on ${where}. Save it on this computer's own disk (for example in a folder on C: that is not synced to the cloud), or on an encrypted drive your agency approves.`;
}
