import { execFile } from 'node:child_process';
import { readFile, realpath } from 'node:fs/promises';
import { type DestinationProbes, type DriveType, type Mount, parseMacMount, parseProcMounts } from './destination';

/**
 * The real probes behind destination.ts, for the running system. Each has a time limit and fails
 * towards "unknown" (which destination.ts refuses, the system drive aside), never towards "local".
 */

const TIME_LIMIT_MS = 5000;

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: TIME_LIMIT_MS, windowsHide: true, encoding: 'utf8' }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
  });
}

const DRIVE_TYPES: Record<string, DriveType> = {
  fixed: 'fixed',
  network: 'network',
  removable: 'removable',
  cdrom: 'cdrom',
  ram: 'ram',
};

/** Windows: .NET's DriveInfo (GetDriveType underneath); if PowerShell is not allowed, `net use` lists mapped drives. */
async function windowsDriveType(letter: string): Promise<DriveType> {
  if (!/^[A-Z]$/.test(letter)) return 'unknown';
  try {
    const out = await run('powershell.exe', [
      '-NoProfile',
      '-NonInteractive',
      '-Command',
      `[System.IO.DriveInfo]::new('${letter}').DriveType`,
    ]);
    const type = DRIVE_TYPES[out.trim().toLowerCase()];
    if (type) return type;
  } catch {
    // PowerShell blocked or missing: ask net use.
  }
  try {
    const out = await run('net', ['use']);
    if (new RegExp(`^\\S*\\s+${letter}:\\s+\\\\\\\\`, 'im').test(out)) return 'network';
    return 'unknown';
  } catch {
    return 'unknown';
  }
}

async function mountTable(platform: NodeJS.Platform): Promise<Mount[]> {
  if (platform === 'linux') return parseProcMounts(await readFile('/proc/self/mounts', 'utf8'));
  if (platform === 'darwin') return parseMacMount(await run('/sbin/mount', []));
  return [];
}

export function systemProbes(platform: NodeJS.Platform = process.platform): DestinationProbes {
  return {
    platform,
    realpath: (p) => realpath(p).catch(() => p),
    driveType: windowsDriveType,
    mounts: () => mountTable(platform),
    systemDrive: process.env.SystemDrive ?? 'C:',
  };
}
