import type { Clock } from '../../time/types';
import { type DataKey, type FileKind, type OpenResult, openFile } from '../fileBox';
import type { ShareFolder } from '../folder';
import { DEFAULT_KDF_ITERATIONS } from '../keyring';
import { probePath } from '../layout';
import type { DeskState } from '../payloads';
import { type SyncPlatform, toHex } from '../platform';
import { problems, type SyncProblem } from '../problems';
import type { SyncLocalState, SyncStore } from '../store';

/**
 * What the engine's steps share: the options, what the engine remembers between cycles, and the
 * context of one cycle. Each step module (setup, publish, ingest, upkeep) takes exactly the parts
 * of `SyncEnv` it uses, so a step can be read, and tested, without the engine around it.
 */

export interface SyncOptions {
  /** Events per segment file. */
  segmentEvents: number;
  /** Segments published per cycle at most (the rest go next cycle). */
  maxSegmentsPerCycle: number;
  /** Segments read per desk per cycle at most. */
  maxReadsPerDesk: number;
  /** Publishing pauses when this desk's clock differs from the share's by more. */
  maxClockSkewMs: number;
  /** Incoming events dated further ahead are held back. */
  futureLimitMs: number;
  heartbeatEveryMs: number;
  deskStatesEveryMs: number;
  quarantineRetryMs: number;
  /** How long a missing segment (with later ones published) is waited for before it is set aside. */
  missingGraceMs: number;
  /** A new snapshot is due when the newest is older than this. */
  snapshotEveryMs: number;
  /** Own segments are removed only once older than this (and covered and read by every active desk). */
  retentionMs: number;
  maintenanceEveryMs: number;
  snapshotPartEvents: number;
  kdfIterations: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  segmentEvents: 1000,
  maxSegmentsPerCycle: 50,
  maxReadsPerDesk: 500,
  maxClockSkewMs: 5 * 60_000,
  futureLimitMs: 24 * 3_600_000,
  heartbeatEveryMs: 5 * 60_000,
  deskStatesEveryMs: 2 * 60_000,
  quarantineRetryMs: 10 * 60_000,
  missingGraceMs: 10 * 60_000,
  snapshotEveryMs: 7 * 24 * 3_600_000,
  retentionMs: 30 * 24 * 3_600_000,
  maintenanceEveryMs: 24 * 3_600_000,
  snapshotPartEvents: 5000,
  kdfIterations: DEFAULT_KDF_ITERATIONS,
};

/** What the engine holds in memory only: keys never touch the disk here, the rest is cheap to learn again. */
export interface EngineMemory {
  readonly keys: Map<number, DataKey>;
  /** The same keys' bytes: a passphrase change seals every one of them into the next keyring. */
  readonly raw: Map<number, Uint8Array>;
  /** Keyrings whose older keys were learnt already. */
  readonly olderLoaded: Set<number>;
  /** The newest heartbeat read of each other desk, its number, and when it was read. */
  readonly deskStates: Map<string, { state: DeskState; readAt: number; n: number }>;
  /** Per desk, the missing segment waited for and since when. */
  readonly gaps: Map<string, { seq: number; since: number }>;
  lastHeartbeatAt: number;
  lastStatesReadAt: number;
  lastRetryAt: number;
  /** This desk's clock minus the share's, when last measured. */
  skew: number | null;
  /** When the skew was measured (by this desk's clock). */
  skewAt: number;
  /**
   * Files on the share that do not authenticate (junk under a well-formed name, or a file damaged
   * beyond reading), by path, with when they were first seen: never tried again as a heartbeat or
   * as proof of a desk, and reported once as "unknown files in the share".
   */
  readonly junk: Map<string, { since: number; reason: string }>;
  /** Junk already reported to the person (names only). */
  readonly reported: Set<string>;
  /** Told how far catching up from a snapshot is (null: done); the engine shows it in its status. */
  onProgress?: (p: CatchUpProgress | null) => void;
  /** Folders under devices/ that hold no file that authenticates (not desks), and when they were last examined. */
  readonly unconfirmed: Map<string, number>;
}

/** Catching up from a snapshot: parts applied of all, and the events the snapshot holds. */
export interface CatchUpProgress {
  done: number;
  total: number;
  events: number;
  /** The log is listed already (a new desk took the snapshot's rows); its history is filling in. */
  listed: boolean;
}

/** How many junk names are remembered at most (the oldest are forgotten first). */
const JUNK_REMEMBERED = 10_000;

export const emptyMemory = (): EngineMemory => ({
  keys: new Map(),
  raw: new Map(),
  olderLoaded: new Set(),
  deskStates: new Map(),
  gaps: new Map(),
  lastHeartbeatAt: 0,
  lastStatesReadAt: 0,
  lastRetryAt: 0,
  skew: null,
  skewAt: 0,
  junk: new Map(),
  reported: new Set(),
  unconfirmed: new Map(),
});

export interface SyncEnv {
  folder: ShareFolder;
  store: SyncStore;
  clock: Clock;
  platform: SyncPlatform;
  options: SyncOptions;
  memory: EngineMemory;
}

export interface CycleContext {
  now: number;
  me: string;
  state: SyncLocalState;
  desks: string[];
  problems: SyncProblem[];
  published: number;
  received: number;
  inquiryIds: Set<string>;
  force: boolean;
  /** Something others should learn from this desk's heartbeat changed. */
  dirty: boolean;
  /** When the share was created (SHARE.json). */
  shareCreatedAt: number;
  /** Files found this cycle that do not authenticate and were not known before (reported once). */
  unknownFound: string[];
}

export async function newCycle(env: Pick<SyncEnv, 'store' | 'clock'>, force: boolean): Promise<CycleContext> {
  const { store, clock } = env;
  return {
    now: clock.now(),
    me: await store.deviceId(),
    state: await store.loadState(),
    desks: [],
    problems: [],
    published: 0,
    received: 0,
    inquiryIds: new Set(),
    force,
    dirty: false,
    shareCreatedAt: 0,
    unknownFound: [],
  };
}

/** How long a measured skew is trusted for bounding received stamps (publishing always measures afresh). */
const SKEW_FRESH_MS = 10 * 60_000;

/**
 * Measures this desk's clock against the share's: a fresh file's modification time is the file
 * server's clock. A skew beyond the allowed one is a problem the person is told about (once per cycle).
 */
export async function probeClock(
  env: Pick<SyncEnv, 'folder' | 'clock' | 'platform' | 'memory' | 'options'>,
  ctx: CycleContext,
): Promise<number> {
  const { folder, clock, platform, memory } = env;
  const before = clock.now();
  const mtime = await folder.probe(probePath(ctx.me, toHex(platform.randomBytes(8))));
  const after = clock.now();
  memory.skew = Math.round((before + after) / 2 - mtime);
  memory.skewAt = after;
  if (Math.abs(memory.skew) > env.options.maxClockSkewMs && !ctx.problems.some((p) => p.code === 'clock_off'))
    ctx.problems.push(problems.clockOff(memory.skew));
  return memory.skew;
}

/**
 * Now by the share's clock, the one every desk agrees on: this desk's clock corrected by the skew
 * last measured (measured now if it is unknown or stale). Received stamps are bounded by it, not by
 * this desk's clock, so a desk whose clock runs slow still moves its clock to what it received and
 * its later edits come after it. If the share cannot be probed, this desk's own clock.
 */
export async function shareNow(
  env: Pick<SyncEnv, 'folder' | 'clock' | 'platform' | 'memory' | 'options'>,
  ctx: CycleContext,
): Promise<number> {
  const { memory } = env;
  if (memory.skew === null || Math.abs(ctx.now - memory.skewAt) > SKEW_FRESH_MS) {
    try {
      await probeClock(env, ctx);
    } catch {
      return ctx.now;
    }
  }
  return ctx.now - (memory.skew ?? 0);
}

/** Thrown inside a cycle to stop it with a blocking problem. */
export class StopCycle extends Error {
  constructor(readonly problem: SyncProblem) {
    super(problem.code);
  }
}

/** The key new files are sealed with; without it the cycle stops (locked). */
export function currentKey(memory: EngineMemory, ctx: CycleContext): DataKey {
  const key = ctx.state.keyId === null ? undefined : memory.keys.get(ctx.state.keyId);
  if (!key) throw new StopCycle(problems.locked());
  return key;
}

/** Opens a sealed file with whichever known key sealed it. */
export function openSealed(
  env: Pick<SyncEnv, 'platform' | 'memory'>,
  kind: FileKind,
  path: string,
  bytes: Uint8Array,
): Promise<OpenResult> {
  return openFile(env.platform, env.memory.keys, kind, path, bytes);
}

/** How people know a desk: the code from its heartbeat, or the start of its id before one is read. */
export function deskCode(memory: EngineMemory, deviceId: string): string {
  return memory.deskStates.get(deviceId)?.state.deskCode || deviceId.slice(0, 5);
}

/**
 * A file that does not authenticate: remembered (so it is never tried again as a heartbeat or as
 * proof that a folder is a desk) and reported once. Its name is all that is kept: never its bytes.
 */
export function noteJunk(memory: EngineMemory, ctx: CycleContext, path: string, reason: string): void {
  if (!memory.junk.has(path)) memory.junk.set(path, { since: ctx.now, reason });
  if (memory.junk.size > JUNK_REMEMBERED) memory.junk.delete(memory.junk.keys().next().value as string);
  // A file sealed with a key or format this desk does not have yet is skipped, not called unknown.
  if (notYetReadable(reason) || memory.reported.has(path)) return;
  memory.reported.add(path);
  if (memory.reported.size > JUNK_REMEMBERED) memory.reported.delete(memory.reported.values().next().value as string);
  ctx.unknownFound.push(path);
}

/** After a new key is added: files skipped for want of a key may open now. */
export function forgetKeyJunk(memory: EngineMemory): void {
  for (const [path, j] of memory.junk) if (j.reason === 'unknown_key') memory.junk.delete(path);
}

/** Reasons a file fails to open that say nothing against it: a key or a format this desk does not have yet. */
export const notYetReadable = (reason: string): boolean => reason === 'unknown_key' || reason === 'newer_format';
