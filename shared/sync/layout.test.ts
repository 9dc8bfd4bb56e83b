import { describe, expect, it } from 'vitest';
import {
  isRemovablePath,
  isShareDirPath,
  isShareFilePath,
  parseSegmentName,
  parseSnapshotDirName,
  segmentPath,
  snapshotManifestPath,
  snapshotPartPath,
  statePath,
} from './layout';

const DESK = 'K7QM2ABCDEFGHJKM';
const STAMP = '0mhx3k2a8-0000-K7QM2ABCDEFGHJKM';

describe('the share layout', () => {
  it('builds names from device ids, numbers and stamps, and reads them back', () => {
    expect(segmentPath(DESK, 12)).toBe(`devices/${DESK}/seg-0000000012`);
    expect(parseSegmentName('seg-0000000012')).toBe(12);
    expect(parseSegmentName('seg-0000000012 - Copy')).toBeNull();
    expect(parseSegmentName('.seg-0000000012.ab12.tmp')).toBeNull();
    expect(parseSnapshotDirName(`snap-${STAMP}`)).toBe(STAMP);
    expect(parseSnapshotDirName('snap-../x')).toBeNull();
  });

  it('accepts only the layout’s own paths', () => {
    for (const p of [
      'SHARE.json',
      'keys/keyring-1.json',
      segmentPath(DESK, 1),
      statePath(DESK, 3),
      snapshotPartPath(STAMP, 2),
      snapshotManifestPath(STAMP),
    ])
      expect(isShareFilePath(p)).toBe(true);
    for (const p of [
      '',
      '../SHARE.json',
      'SHARE.json/..',
      '/SHARE.json',
      `devices/${DESK}/seg-1`,
      `devices/${DESK}/../x`,
      'devices/a b/seg-0000000001',
      'C:\\x',
    ])
      expect(isShareFilePath(p)).toBe(false);
    for (const p of ['', 'keys', 'devices', `devices/${DESK}`, `devices/${DESK}/state`, 'snapshots', `snapshots/snap-${STAMP}`])
      expect(isShareDirPath(p)).toBe(true);
    expect(isShareDirPath('..')).toBe(false);
  });

  it('lets the app remove its segments, heartbeats and snapshots, never SHARE.json, a keyring or a desk folder', () => {
    expect(isRemovablePath(segmentPath(DESK, 1))).toBe(true);
    expect(isRemovablePath(statePath(DESK, 1))).toBe(true);
    expect(isRemovablePath(`snapshots/snap-${STAMP}`)).toBe(true);
    for (const p of ['SHARE.json', 'keys/keyring-1.json', `devices/${DESK}`, 'devices', 'snapshots', 'keys'])
      expect(isRemovablePath(p)).toBe(false);
  });
});
