import { mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FolderError } from '../../shared/sync/folder';
import { type FsApi, FsShareFolder } from './shareFolder';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'share-folder-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const bytes = (s: string) => new TextEncoder().encode(s);
const codeOf = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return e instanceof FolderError ? e.code : `not a FolderError: ${String(e)}`;
  }
};

describe('FsShareFolder', () => {
  it('creates files under new names only, with their folders, leaving no temp file behind', async () => {
    const folder = new FsShareFolder(root);
    await folder.writeNew('devices/ABC/seg-0000000001', bytes('one'));
    expect(await codeOf(folder.writeNew('devices/ABC/seg-0000000001', bytes('two')))).toBe('exists');
    expect(await readFile(path.join(root, 'devices', 'ABC', 'seg-0000000001'), 'utf8')).toBe('one');
    expect(await readdir(path.join(root, 'devices', 'ABC'))).toEqual(['seg-0000000001']);
    expect(new TextDecoder().decode((await folder.read('devices/ABC/seg-0000000001')) ?? new Uint8Array())).toBe('one');
    expect(await folder.read('devices/ABC/seg-0000000002')).toBeNull();
    expect(await folder.list('devices')).toEqual([{ name: 'ABC', kind: 'dir' }]);
    expect(await folder.list('snapshots')).toBeNull();
  });

  it('never follows a symbolic link: listed as "other", read as empty, never written or removed through', async () => {
    const folder = new FsShareFolder(root);
    const outside = await mkdtemp(path.join(tmpdir(), 'outside-'));
    try {
      await writeFile(path.join(outside, 'secret'), 'private');
      await folder.writeNew('devices/ABC/seg-0000000001', bytes('one'));
      await symlink(path.join(outside, 'secret'), path.join(root, 'devices', 'ABC', 'seg-0000000002'));
      await symlink(outside, path.join(root, 'devices', 'LINKED'));
      expect(await folder.list('devices')).toEqual(
        expect.arrayContaining([
          { name: 'ABC', kind: 'dir' },
          { name: 'LINKED', kind: 'other' },
        ]),
      );
      expect(await folder.list('devices/ABC')).toEqual(
        expect.arrayContaining([
          { name: 'seg-0000000001', kind: 'file' },
          { name: 'seg-0000000002', kind: 'other' },
        ]),
      );
      expect(await folder.read('devices/ABC/seg-0000000002')).toEqual(new Uint8Array(0));
      expect(await codeOf(folder.list('devices/LINKED'))).toBe('bad_path');
      expect(await codeOf(folder.writeNew('devices/LINKED/seg-0000000001', bytes('x')))).toBe('bad_path');
      expect(await codeOf(folder.remove('devices/LINKED/seg-0000000001'))).toBe('bad_path');
      expect(await codeOf(folder.writeNew('devices/ABC/seg-0000000002', bytes('x')))).toBe('exists');
      expect(await readdir(outside)).toEqual(['secret']);
      expect(await readFile(path.join(outside, 'secret'), 'utf8')).toBe('private');
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('without hard links (SMB through FUSE) it checks the name is free, then renames; never over an existing file', async () => {
    const real = await import('node:fs/promises');
    const fs: FsApi = { ...real, link: async () => Promise.reject(Object.assign(new Error('EPERM'), { code: 'EPERM' })) };
    const folder = new FsShareFolder(root, { fs });
    await folder.writeNew('SHARE.json', bytes('{"a":1}'));
    expect(await codeOf(folder.writeNew('SHARE.json', bytes('{"b":2}')))).toBe('exists');
    expect(await readFile(path.join(root, 'SHARE.json'), 'utf8')).toBe('{"a":1}');
    expect(await readdir(root)).toEqual(['SHARE.json']);
  });

  it('refuses every path outside the share layout', async () => {
    const folder = new FsShareFolder(root);
    for (const p of [
      '../outside',
      'devices/../../x',
      '/etc/passwd',
      'C:\\Windows\\x',
      'devices/ABC/seg-1',
      'notes.txt',
      'keys/keyring-1.json/..',
    ])
      expect(await codeOf(folder.read(p))).toBe('bad_path');
    expect(await codeOf(folder.remove('SHARE.json'))).toBe('bad_path');
    expect(await codeOf(folder.remove('keys/keyring-1.json'))).toBe('bad_path');
    expect(await codeOf(folder.remove('devices/ABC'))).toBe('bad_path');
  });

  it('a missing root is an unreachable folder, not a missing file', async () => {
    const folder = new FsShareFolder(path.join(root, 'gone'));
    expect(await codeOf(folder.read('SHARE.json'))).toBe('unreachable');
    expect(await codeOf(folder.list('devices'))).toBe('unreachable');
    expect(await codeOf(folder.writeNew('SHARE.json', bytes('x')))).toBe('unreachable');
  });

  it('a call that hangs times out, and while it hangs every other call fails at once', async () => {
    const real = await import('node:fs/promises');
    let release: () => void = () => undefined;
    const hanging = new Promise<void>((r) => {
      release = r;
    });
    const fs: FsApi = {
      ...real,
      readFile: (async (...args: Parameters<typeof real.readFile>) => {
        if (String(args[0]).endsWith('SHARE.json')) await hanging;
        return real.readFile(...args);
      }) as FsApi['readFile'],
    };
    await writeFile(path.join(root, 'SHARE.json'), 'x');
    const folder = new FsShareFolder(root, { fs, timeoutMs: 30 });
    expect(await codeOf(folder.read('SHARE.json'))).toBe('timeout');
    expect(await codeOf(folder.list('devices'))).toBe('unreachable');
    release();
    // Once the hung call returns, the folder is usable again.
    let answer: unknown = 'still refused';
    for (let i = 0; i < 200 && answer === 'still refused'; i++) {
      answer = await folder.list('devices').catch(() => 'still refused');
      if (answer === 'still refused') await new Promise((r) => setTimeout(r, 5));
    }
    expect(answer).toBeNull();
  });

  it('removes files and empty folders, never a folder with something in it', async () => {
    const folder = new FsShareFolder(root);
    const stamp = '0000000aa-0000-ABC';
    await folder.writeNew(`snapshots/snap-${stamp}/part-000001`, bytes('p'));
    expect(await codeOf(folder.remove(`snapshots/snap-${stamp}`))).toBe('io');
    await folder.remove(`snapshots/snap-${stamp}/part-000001`);
    await folder.remove(`snapshots/snap-${stamp}`);
    await folder.remove(`snapshots/snap-${stamp}`); // already gone: fine
    expect(await folder.list('snapshots')).toEqual([]);
  });

  it("reads the share's clock from a probe file and leaves nothing behind", async () => {
    const folder = new FsShareFolder(root);
    // The share's clock, not this process's: a file written just before, stamped by the same file system.
    await writeFile(path.join(root, 'reference'), '');
    const before = (await stat(path.join(root, 'reference'))).mtimeMs;
    const mtime = await folder.probe('devices/ABC/probe-0123456789abcdef');
    expect(mtime).toBeGreaterThanOrEqual(before - 2000);
    expect(mtime).toBeLessThan(before + 60_000);
    expect(await readdir(path.join(root, 'devices', 'ABC'))).toEqual([]);
  });
});
