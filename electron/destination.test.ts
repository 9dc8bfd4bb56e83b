import { describe, expect, it } from 'vitest';
import {
  classifyDestination,
  type DestinationProbes,
  type DriveType,
  isUncPath,
  type Mount,
  mountOf,
  parseMacMount,
  parseProcMounts,
  refusalMessage,
} from './destination';

/** Fake probes: drive types by letter, a mount table, and links (folder → real folder). */
function probes(
  platform: NodeJS.Platform,
  o: { drives?: Record<string, DriveType>; mounts?: Mount[]; links?: Record<string, string>; failDrives?: boolean } = {},
): DestinationProbes {
  return {
    platform,
    realpath: async (p) => o.links?.[p] ?? p,
    driveType: async (letter) => {
      if (o.failDrives) throw new Error('powershell blocked');
      return o.drives?.[letter] ?? 'unknown';
    },
    mounts: async () => o.mounts ?? [],
    systemDrive: 'C:',
  };
}

const kind = async (p: string, pr: DestinationProbes) => (await classifyDestination(p, pr)).kind;

describe('where a file really lands: Windows', () => {
  const win = probes('win32', { drives: { C: 'fixed', D: 'fixed', E: 'removable', S: 'network', Z: 'network' } });

  it('this computer’s disks and an approved removable drive are local', async () => {
    for (const p of ['C:\\Users\\lee\\Documents\\log.xlsx', 'D:\\Exports\\a.csv', 'E:\\backup.json.gz', '\\\\?\\C:\\Users\\lee\\x.xlsx'])
      expect(await kind(p, win)).toBe('local');
  });

  it('UNC paths in every spelling are network shares', async () => {
    for (const p of ['\\\\dhsime\\IMEUNIVERSAL\\log.xlsx', '//dhsime/IMEUNIVERSAL/log.xlsx', '\\\\?\\UNC\\dhsime\\share\\log.xlsx'])
      expect(await classifyDestination(p, win)).toMatchObject({ kind: 'network', why: 'unc' });
    expect(isUncPath('\\\\')).toBe(false);
    expect(isUncPath('C:\\x')).toBe(false);
  });

  it('a mapped drive letter is a network drive, by the drive type the system reports', async () => {
    expect(await classifyDestination('S:\\Unit\\log.xlsx', win)).toEqual({ kind: 'network', why: 'mapped_drive', detail: 'S:' });
    expect(await classifyDestination('z:\\log.xlsx', win)).toMatchObject({ kind: 'network', detail: 'Z:' });
  });

  it('a local folder that is a link (junction) to a share is judged by where it leads', async () => {
    const linked = probes('win32', { drives: { C: 'fixed', S: 'network' }, links: { 'C:\\Users\\lee\\Exports': 'S:\\Unit' } });
    expect(await classifyDestination('C:\\Users\\lee\\Exports\\log.xlsx', linked)).toMatchObject({ kind: 'network', why: 'mapped_drive' });
    const toUnc = probes('win32', { drives: { C: 'fixed' }, links: { 'C:\\Exports': '\\\\?\\UNC\\server\\share' } });
    expect(await classifyDestination('C:\\Exports\\log.xlsx', toUnc)).toMatchObject({ kind: 'network', why: 'unc' });
  });

  it('OneDrive (Known Folder Move), Dropbox, Google Drive, iCloud and Box folders are cloud-synced', async () => {
    for (const p of [
      'C:\\Users\\lee\\OneDrive - State of Iowa\\Documents\\log.xlsx',
      'C:\\Users\\lee\\OneDrive\\log.xlsx',
      'C:\\Users\\lee\\Dropbox (Personal)\\log.xlsx',
      'G:\\My Drive\\log.xlsx',
      'C:\\Users\\lee\\iCloudDrive\\log.xlsx',
      'C:\\Users\\lee\\Box\\log.xlsx',
    ])
      expect(await kind(p, win)).toBe('cloud');
    // Names that merely contain the words are not.
    expect(await kind('C:\\Users\\lee\\Documents\\OneDrive notes\\x.xlsx', win)).toBe('local');
  });

  it('a drive whose type cannot be read is refused, except the system drive', async () => {
    const blind = probes('win32', { failDrives: true });
    expect(await kind('C:\\Users\\lee\\Documents\\log.xlsx', blind)).toBe('local');
    expect(await classifyDestination('D:\\log.xlsx', blind)).toEqual({ kind: 'unknown', detail: 'D:' });
    expect(await kind('relative\\log.xlsx', win)).toBe('unknown');
  });
});

describe('where a file really lands: Linux', () => {
  const mounts = parseProcMounts(
    [
      '/dev/nvme0n1p2 / ext4 rw,relatime 0 0',
      '/dev/nvme0n1p1 /boot/efi vfat rw 0 0',
      '//dhsime/IMEUNIVERSAL /mnt/ime\\040universal cifs rw,vers=3.0 0 0',
      'fileserver:/export/unit /srv/unit nfs4 rw 0 0',
      'lee@host:/data /home/lee/remote fuse.sshfs rw 0 0',
      'gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw 0 0',
      'tmpfs /tmp tmpfs rw 0 0',
    ].join('\n'),
  );
  const linux = probes('linux', { mounts, links: { '/home/lee/exports': '/srv/unit/exports' } });

  it('reads /proc/mounts, spaces in mount points included', () => {
    expect(mounts.find((m) => m.fsType === 'cifs')?.mountPoint).toBe('/mnt/ime universal');
    expect(mountOf('/mnt/ime universal/a/b.xlsx', mounts)?.fsType).toBe('cifs');
    expect(mountOf('/mnt/imeuniversal2/x', mounts)?.fsType).toBe('ext4');
  });

  it('CIFS/SMB, NFS, sshfs and GNOME’s gvfs mounts are network folders; the local disk and tmpfs are not', async () => {
    expect(await classifyDestination('/mnt/ime universal/log.xlsx', linux)).toMatchObject({ kind: 'network', why: 'network_fs' });
    expect(await kind('/srv/unit/log.xlsx', linux)).toBe('network');
    expect(await kind('/home/lee/remote/log.xlsx', linux)).toBe('network');
    expect(await kind('/run/user/1000/gvfs/smb-share:server=dhsime,share=unit/log.xlsx', linux)).toBe('network');
    expect(await kind('/home/lee/Documents/log.xlsx', linux)).toBe('local');
    expect(await kind('/tmp/log.xlsx', linux)).toBe('local');
  });

  it('a link into a network mount is judged by where it leads; cloud client folders are cloud-synced', async () => {
    expect(await kind('/home/lee/exports/log.xlsx', linux)).toBe('network');
    expect(await kind('/home/lee/Dropbox/log.xlsx', linux)).toBe('cloud');
    expect(await kind('/home/lee/Nextcloud/unit/log.xlsx', linux)).toBe('cloud');
  });
});

describe('where a file really lands: macOS', () => {
  const mounts = parseMacMount(
    [
      '/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)',
      '/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)',
      '//lee@dhsime/IMEUNIVERSAL on /Volumes/IMEUNIVERSAL (smbfs, nodev, nosuid, mounted by lee)',
      'fileserver:/export on /Volumes/export (nfs, asynchronous)',
      'https://dav.example.org/unit on /Volumes/unit (webdav, nodev, noexec, nosuid, mounted by lee)',
    ].join('\n'),
  );
  const mac = probes('darwin', { mounts });

  it('SMB, NFS and WebDAV volumes are network folders; the Mac’s own disk is not', async () => {
    expect(await kind('/Volumes/IMEUNIVERSAL/log.xlsx', mac)).toBe('network');
    expect(await kind('/Volumes/export/log.xlsx', mac)).toBe('network');
    expect(await kind('/Volumes/unit/log.xlsx', mac)).toBe('network');
    expect(await kind('/Users/lee/Documents/log.xlsx', mac)).toBe('local');
  });

  it('iCloud Drive and File Provider clients under Library/CloudStorage are cloud-synced', async () => {
    expect(await kind('/Users/lee/Library/Mobile Documents/com~apple~CloudDocs/log.xlsx', mac)).toBe('cloud');
    expect(await kind('/Users/lee/Library/CloudStorage/OneDrive-StateofIowa/log.xlsx', mac)).toBe('cloud');
    expect(await kind('/Users/lee/Library/CloudStorage/SomeNewClient/log.xlsx', mac)).toBe('cloud');
  });
});

describe('what people read', () => {
  it('says where the file would have gone and where to save it, with no member data', async () => {
    const d = await classifyDestination('S:\\Unit\\log.xlsx', probes('win32', { drives: { S: 'network' } }));
    if (d.kind === 'local') throw new Error('should be refused');
    expect(refusalMessage(d)).toMatch(/on a network drive \(S:\)\. Save it on this computer's own disk/);
    const cloud = await classifyDestination('/Users/lee/Dropbox/x.xlsx', probes('darwin'));
    if (cloud.kind === 'local') throw new Error('should be refused');
    expect(refusalMessage(cloud)).toContain('a folder that Dropbox copies to the internet');
  });
});
