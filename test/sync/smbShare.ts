import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A real SMB share for the sync tests: Samba serving a temp folder on loopback port 445, mounted
 * through FUSE with smbnetfs (which only talks to port 445), so the app's fs calls go over SMB
 * as they do to a Windows file server. Everything is started, stopped and removed here.
 * Needs root, /dev/fuse and the Debian packages samba and smbnetfs (.ci/run installs them).
 */

const TOOLS = ['smbd', 'smbpasswd', 'smbnetfs', 'fusermount'];
const SHARE = 'liaison';
const USER = 'root';
const PASSWORD = 'Sync-test-only-1';

/** A tool's full path: on PATH, or in the sbin folders a non-login shell may leave out. */
function which(tool: string): string | null {
  for (const dir of [...(process.env.PATH ?? '').split(':'), '/usr/sbin', '/sbin']) {
    if (!dir) continue;
    const file = path.join(dir, tool);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not here
    }
  }
  return null;
}
const tool = (name: string): string => which(name) ?? name;

/** Why a real SMB share cannot be set up here, or null when it can. */
export function smbUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'the SMB test needs root (Samba on port 445 and a FUSE mount)';
  try {
    accessSync('/dev/fuse', constants.R_OK | constants.W_OK);
  } catch {
    return 'the SMB test needs /dev/fuse';
  }
  const absent = TOOLS.filter((t) => which(t) === null);
  return absent.length ? `the SMB test needs ${absent.join(', ')}: apt-get install -y samba smbnetfs fuse` : null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | null>, limitMs: number): Promise<T> {
  const end = Date.now() + limitMs;
  let last: unknown = null;
  while (Date.now() < end) {
    try {
      const v = await probe();
      if (v !== null) return v;
    } catch (e) {
      last = e;
    }
    await sleep(200);
  }
  throw new Error(`${what} did not happen within ${limitMs / 1000} s${last ? ` (last error: ${String(last)})` : ''}`);
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

export class SmbShare {
  private smbd: ChildProcess | null = null;
  private fuse: ChildProcess | null = null;
  /** The shared folder as the server sees it (for looking at what landed on disk). */
  readonly served: string;
  /** The share as the desks see it, through SMB. */
  readonly mounted: string;
  private readonly mountPoint: string;

  private constructor(private readonly dir: string) {
    this.served = path.join(dir, 'served');
    this.mountPoint = path.join(dir, 'mnt');
    this.mounted = path.join(this.mountPoint, 'localhost', SHARE);
  }

  static async start(): Promise<SmbShare> {
    if (await portOpen(445))
      throw new Error('Port 445 is already in use: stop the SMB server on this machine before running the SMB test.');
    const share = new SmbShare(await mkdtemp(path.join(tmpdir(), 'liaison-smb-')));
    try {
      await share.configure();
      await share.startServer();
      await share.mount();
      return share;
    } catch (e) {
      await share.stop();
      throw e;
    }
  }

  private get conf() {
    return path.join(this.dir, 'smb.conf');
  }

  private async configure(): Promise<void> {
    const d = this.dir;
    for (const sub of ['served', 'mnt', 'run', 'lock', 'state', 'cache', 'private', 'home/.smb'])
      await mkdir(path.join(d, sub), { recursive: true });
    await writeFile(
      this.conf,
      `[global]
  workgroup = WORKGROUP
  server role = standalone server
  smb ports = 445
  interfaces = lo
  bind interfaces only = yes
  disable netbios = yes
  server min protocol = SMB2
  pid directory = ${d}/run
  lock directory = ${d}/lock
  state directory = ${d}/state
  cache directory = ${d}/cache
  private dir = ${d}/private
  ncalrpc dir = ${d}/run/ncalrpc
  passdb backend = tdbsam:${d}/private/passdb.tdb
  log file = ${d}/smbd.log
  load printers = no
  printing = bsd
  printcap name = /dev/null
  disable spoolss = yes
[${SHARE}]
  path = ${this.served}
  read only = no
  valid users = ${USER}
`,
    );
    execFileSync(tool('smbpasswd'), ['-c', this.conf, '-a', '-s', USER], {
      input: `${PASSWORD}\n${PASSWORD}\n`,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    const home = path.join(d, 'home', '.smb');
    await writeFile(path.join(home, 'smb.conf'), '[global]\n  client min protocol = SMB2\n  client max protocol = SMB3\n');
    // A short reply timeout, so a stopped server shows as an error within seconds rather than minutes.
    const fuseConf = path.join(home, 'smbnetfs.conf');
    await writeFile(fuseConf, `auth "${USER}" "${PASSWORD}"\nsmb_query_browsers "false"\nsmb_timeout "4000"\nreply_timeout "6"\n`);
    await chmod(fuseConf, 0o600); // smbnetfs refuses a config others could read
  }

  /** Starts Samba (again, after `stopServer`). */
  async startServer(): Promise<void> {
    this.smbd = spawn(tool('smbd'), ['--foreground', '--no-process-group', '--debug-stdout', '-d', '0', '-s', this.conf], {
      detached: true,
      stdio: 'ignore',
    });
    await until('Samba listening on port 445', async () => ((await portOpen(445)) ? true : null), 20_000);
  }

  /** Stops Samba at once, with every connection it serves: a file server going away. */
  async stopServer(): Promise<void> {
    const p = this.smbd;
    this.smbd = null;
    if (!p?.pid) return;
    const exited = new Promise((r) => p.once('exit', r));
    try {
      process.kill(-p.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await Promise.race([exited, sleep(5000)]);
    await until('port 445 to close', async () => ((await portOpen(445)) ? null : true), 10_000);
  }

  private async mount(): Promise<void> {
    this.fuse = spawn(tool('smbnetfs'), [this.mountPoint, '-f', '-o', `config=${path.join(this.dir, 'home', '.smb', 'smbnetfs.conf')}`], {
      detached: true,
      stdio: 'ignore',
      env: { ...process.env, HOME: path.join(this.dir, 'home') },
    });
    await until('the share to appear through smbnetfs', async () => ((await readdir(this.mounted)) ? true : null), 30_000);
  }

  async stop(): Promise<void> {
    try {
      execFileSync(tool('fusermount'), ['-u', '-z', this.mountPoint], { stdio: 'ignore' });
    } catch {
      // not mounted
    }
    for (const p of [this.fuse, this.smbd]) {
      if (!p?.pid || p.exitCode !== null) continue;
      const exited = new Promise((r) => p.once('exit', r));
      try {
        process.kill(-p.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await Promise.race([exited, sleep(5000)]);
    }
    this.fuse = null;
    this.smbd = null;
    await rm(this.dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
