import { rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { type FsApi, FsShareFolder } from '../../electron/sync/shareFolder';
import { ChangeFeed } from '../../renderer/data/changes';
import { LiaisonDb } from '../../renderer/data/db';
import { Repo } from '../../renderer/data/repo';
import { DexieSyncStore } from '../../renderer/data/syncStore';
import type { InquiryEvent } from '../../shared/inquiry/events';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import type { Role } from '../../shared/people';
import { type CycleReport, SyncEngine, type SyncOptions } from '../../shared/sync/engine';
import type { ShareFolder } from '../../shared/sync/folder';
import { webPlatform } from '../../shared/sync/platform';
import { asInstant, type Clock } from '../../shared/time/types';
import { PASSPHRASE, TEST_OPTIONS } from './memoryHarness';

/**
 * A whole desk as the app wires it, minus the window: Repo and the sync store on their own
 * IndexedDB (fake-indexeddb), the engine, and the share folder (Node fs on a temp folder, as the
 * main process runs it). Its clock is the share's clock plus a skew the test sets, because the
 * folder's clock (file modification times) is the real one.
 */
export interface Desk {
  name: string;
  db: LiaisonDb;
  repo: Repo;
  store: DexieSyncStore;
  engine: SyncEngine;
  folder: ShareFolder;
  clock: SkewedClock;
  sync(force?: boolean): Promise<CycleReport>;
  /** Every inquiry row, by id, as stored (the projection the log shows). */
  rows(): Promise<Record<string, InquiryRecord>>;
  events(): Promise<InquiryEvent[]>;
  close(): Promise<void>;
}

/**
 * How far the file system's clock is ahead of this process's, measured once. The share's clock is the
 * one that stamps its files; the suite also runs with the process clock moved (.ci/run), when the two
 * differ by more than a year.
 */
const SHARE_CLOCK_OFFSET_MS = (() => {
  const file = path.join(tmpdir(), `liaison-clock-${process.pid}-${crypto.randomUUID()}`);
  writeFileSync(file, '');
  const offset = Math.round(statSync(file).mtimeMs - Date.now());
  rmSync(file);
  return offset;
})();

/** Now by the share's clock (the real time on a real machine). */
export const shareNow = (): number => Date.now() + SHARE_CLOCK_OFFSET_MS;

export class SkewedClock implements Clock {
  /** When set, the clock stands at this instant (plus the skew). */
  frozen: number | null = null;
  constructor(public skewMs = 0) {}
  now() {
    return asInstant((this.frozen ?? shareNow()) + this.skewMs);
  }
}

export interface DeskOptions {
  skewMs?: number;
  options?: Partial<SyncOptions>;
  fs?: FsApi;
  folder?: ShareFolder;
  /** Opens the same database as another desk object (the app started twice). */
  dbName?: string;
  role?: Role;
  /** The fs folder's per-call time limit. */
  folderTimeoutMs?: number;
}

export async function openDesk(name: string, root: string, o: DeskOptions = {}): Promise<Desk> {
  const db = new LiaisonDb(o.dbName ?? `sync-${name}-${crypto.randomUUID()}`);
  const changes = new ChangeFeed(db.name);
  const clock = new SkewedClock(o.skewMs ?? 0);
  const repo = new Repo(db, clock, changes);
  if (!(await repo.activeProfile())) await repo.createProfile({ displayName: name, role: o.role ?? 'liaison' });
  const store = new DexieSyncStore(db, changes, () => repo.device());
  const folder =
    o.folder ?? new FsShareFolder(root, { timeoutMs: o.folderTimeoutMs ?? 10_000, retryDelayMs: 1, ...(o.fs ? { fs: o.fs } : {}) });
  const engine = new SyncEngine({ folder, store, clock, platform: webPlatform(), options: { ...TEST_OPTIONS, ...o.options } });
  return {
    name,
    db,
    repo,
    store,
    engine,
    folder,
    clock,
    sync: (force) => engine.syncOnce({ force: force ?? false }),
    rows: async () => Object.fromEntries((await db.inquiries.toArray()).sort((a, b) => (a.id < b.id ? -1 : 1)).map((r) => [r.id, r])),
    events: () => db.events.orderBy('hlc').toArray(),
    close: async () => {
      changes.close();
      db.close();
      if (!o.dbName) await db.delete();
    },
  };
}

/** A first desk that creates the share and `others` that join it. */
export async function team(root: string, names: string[], o: DeskOptions = {}): Promise<Desk[]> {
  const desks: Desk[] = [];
  for (const [i, name] of names.entries()) {
    const desk = await openDesk(name, root, o);
    const r = i === 0 ? await desk.engine.createShare(PASSPHRASE) : await desk.engine.joinShare(PASSPHRASE);
    if (!r.ok) throw new Error(`${name} could not ${i === 0 ? 'create' : 'join'} the share: ${r.message}`);
    desks.push(desk);
  }
  return desks;
}

export interface TempShare {
  root: string;
  cleanup(): Promise<void>;
}

export async function tempShare(): Promise<TempShare> {
  const root = await mkdtemp(path.join(tmpdir(), 'liaison-share-'));
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export interface TestShare {
  /** The folder of the running test. */
  readonly root: string;
  /** Swaps in a new empty folder (the old one is removed). */
  renew(): Promise<void>;
}

/**
 * A new temp share folder for each test of the calling file (or describe block). After each test,
 * the desks `opened` hands back are closed, then the folder is removed; `() => desks.splice(0)`
 * hands back and forgets the test's desks.
 */
export function tempShareEachTest(opened: () => readonly Desk[] = () => []): TestShare {
  let current: TempShare | null = null;
  const renew = async () => {
    await current?.cleanup();
    current = await tempShare();
  };
  beforeEach(renew);
  afterEach(async () => {
    for (const d of opened()) await d.close();
    await current?.cleanup();
    current = null;
  });
  return {
    get root() {
      if (!current) throw new Error('The temp share exists only while a test runs.');
      return current.root;
    },
    renew,
  };
}

/** Every file under the share, relative path → bytes. */
export async function shareFiles(root: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir)) {
      const abs = path.join(dir, entry);
      if ((await stat(abs)).isDirectory()) await walk(abs);
      else out.set(path.relative(root, abs).split(path.sep).join('/'), await readFile(abs));
    }
  };
  await walk(root);
  return out;
}

/** Syncs every desk, in turn, `rounds` times (two rounds: everything published is everywhere). */
export async function syncAll(desks: readonly Desk[], rounds = 2): Promise<CycleReport[]> {
  const reports: CycleReport[] = [];
  for (let r = 0; r < rounds; r++) for (const d of desks) reports.push(await d.sync());
  return reports;
}
