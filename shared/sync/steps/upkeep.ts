import type { InquiryEvent } from '../../inquiry/events';
import type { InquiryRecord } from '../../inquiry/projection';
import { sealFile } from '../fileBox';
import type { FolderEntry } from '../folder';
import { isFolderError } from '../folder';
import { decodeHlc, encodeHlc } from '../hlc';
import {
  deviceDir,
  parseSegmentName,
  parseSnapshotDirName,
  parseSnapshotPartName,
  parseStateName,
  SNAPSHOTS_DIR,
  segmentPath,
  snapshotDir,
  snapshotManifestPath,
  snapshotPartPath,
  stateDir,
  statePath,
} from '../layout';
import {
  type DeskState,
  decodeDeskState,
  decodeManifest,
  decodeSegment,
  encodeDeskState,
  encodeManifest,
  encodePart,
  encodeRowPart,
  PAYLOAD_VERSION,
  ROW_FORMAT,
  type SnapshotManifest,
} from '../payloads';
import { sha256Hex } from '../platform';
import type { SyncLocalState } from '../store';
import { type CycleContext, currentKey, noteJunk, openSealed, type SyncEnv } from './context';

/**
 * Upkeep: heartbeats (this desk's, written; other desks', read), snapshots and clean-up of this
 * desk's own old files.
 */

type UpkeepEnv = Pick<SyncEnv, 'folder' | 'store' | 'platform' | 'options' | 'memory'>;

// ---------------------------------------------------------------- heartbeats

/** The newest heartbeat of a desk, read now if the one held is stale. */
export async function deskState(
  env: Pick<SyncEnv, 'folder' | 'platform' | 'options' | 'memory'>,
  ctx: CycleContext,
  device: string,
): Promise<DeskState | null> {
  const held = env.memory.deskStates.get(device);
  if (held && ctx.now - held.readAt < env.options.deskStatesEveryMs) return held.state;
  return readDeskState(env, ctx, device);
}

/** Heartbeat names tried per read at most, newest first, before the one held is used. */
const HEARTBEAT_TRIES = 20;

/**
 * The newest heartbeat of `device` that authenticates, or null. Names are only candidates: they
 * are tried newest first until one opens (at most HEARTBEAT_TRIES a read); a name that does not
 * open is junk, remembered and never tried again, so junk under high numbers cannot hide a desk's
 * real heartbeat for more than a cycle or two.
 */
export async function newestHeartbeat(
  env: Pick<SyncEnv, 'folder' | 'platform' | 'memory'>,
  ctx: CycleContext,
  device: string,
): Promise<{ state: DeskState; n: number } | null> {
  const { folder, platform, memory } = env;
  const entries = (await folder.list(stateDir(device))) ?? [];
  const numbers = entries
    .filter((e) => e.kind === 'file')
    .map((e) => parseStateName(e.name))
    .filter((n): n is number => n !== null)
    .sort((a, b) => b - a);
  const held = memory.deskStates.get(device);
  let tries = 0;
  for (const n of numbers) {
    const path = statePath(device, n);
    if (memory.junk.has(path)) continue;
    // Nothing newer than the heartbeat already read: it is still the newest.
    if (held && held.n === n) return { state: held.state, n };
    if (tries++ >= HEARTBEAT_TRIES) break;
    const bytes = await folder.read(path);
    if (!bytes) continue;
    const opened = await openSealed(env, 'state', path, bytes);
    if (!opened.ok) {
      noteJunk(memory, ctx, path, opened.reason);
      continue;
    }
    const decoded = await decodeDeskState(platform, opened.plaintext);
    if (!decoded.ok || decoded.value.device !== device) {
      noteJunk(memory, ctx, path, decoded.ok ? 'wrong_device' : decoded.reason);
      continue;
    }
    return { state: decoded.value, n };
  }
  return null;
}

async function readDeskState(
  env: Pick<SyncEnv, 'folder' | 'platform' | 'memory'>,
  ctx: CycleContext,
  device: string,
): Promise<DeskState | null> {
  const { memory } = env;
  const found = await newestHeartbeat(env, ctx, device);
  const held = memory.deskStates.get(device);
  // A heartbeat older than one already read (a file restored from a backup) never replaces it.
  if (found && (!held || found.n >= held.n || found.state.at > held.state.at)) {
    memory.deskStates.set(device, { state: found.state, readAt: ctx.now, n: found.n });
    return found.state;
  }
  if (held) memory.deskStates.set(device, { ...held, readAt: ctx.now });
  return held?.state ?? null;
}

/** Files a desk leaves for a moment (a write under way, a clock probe): never junk, never proof of a desk. */
const transient = (name: string): boolean => (name.startsWith('.') && name.endsWith('.tmp')) || name.startsWith('probe-');

/** Segment names tried per examination of a folder that is not a desk yet. */
const SEGMENT_TRIES = 3;

/**
 * A folder under devices/ counts as a desk only once a file in it authenticates: its heartbeat,
 * or one of its segments (a desk that has published but not written its first heartbeat yet).
 * Until then it is examined at most every `deskStatesEveryMs` (at once when forced), and files in
 * it that do not authenticate are reported once as unknown.
 */
export async function confirmDesk(
  env: Pick<SyncEnv, 'folder' | 'platform' | 'options' | 'memory'>,
  ctx: CycleContext,
  device: string,
): Promise<boolean> {
  const { folder, memory, platform } = env;
  const last = memory.unconfirmed.get(device);
  if (last !== undefined && !ctx.force && ctx.now - last < env.options.deskStatesEveryMs) return false;
  memory.unconfirmed.set(device, ctx.now);
  if (await readDeskState(env, ctx, device)) {
    memory.unconfirmed.delete(device);
    return true;
  }
  const entries = (await folder.list(deviceDir(device))) ?? [];
  const segments = entries
    .filter((e) => e.kind === 'file')
    .map((e) => parseSegmentName(e.name))
    .filter((n): n is number => n !== null)
    .sort((a, b) => a - b);
  let tries = 0;
  for (const seq of segments) {
    const path = segmentPath(device, seq);
    if (memory.junk.has(path)) continue;
    if (tries++ >= SEGMENT_TRIES) break;
    const bytes = await folder.read(path);
    if (!bytes) continue;
    const opened = await openSealed(env, 'segment', path, bytes);
    const decoded = opened.ok ? await decodeSegment(platform, opened.plaintext, device, seq) : null;
    if (decoded?.ok) {
      memory.unconfirmed.delete(device);
      return true;
    }
    noteJunk(memory, ctx, path, opened.ok ? 'damaged' : opened.reason);
  }
  for (const e of entries) {
    if (transient(e.name) || (e.kind === 'dir' && e.name === 'state') || (e.kind === 'file' && parseSegmentName(e.name) !== null)) continue;
    noteJunk(memory, ctx, `${deviceDir(device)}/${e.name}`, 'unknown');
  }
  // A folder with nothing in it yet (a desk's first write under way) is looked at again next cycle.
  if (entries.every((e) => transient(e.name) || e.name === 'state')) memory.unconfirmed.delete(device);
  return false;
}

/** Reads every other desk's heartbeat, at most once per `deskStatesEveryMs` unless forced. */
export async function readDeskStates(env: Pick<SyncEnv, 'folder' | 'platform' | 'options' | 'memory'>, ctx: CycleContext): Promise<void> {
  if (!ctx.force && ctx.now - env.memory.lastStatesReadAt < env.options.deskStatesEveryMs) return;
  env.memory.lastStatesReadAt = ctx.now;
  for (const d of ctx.desks) if (d !== ctx.me) await readDeskState(env, ctx, d);
}

/** Per desk, the highest segment applied together with every earlier one (set-aside files excluded). */
function readThrough(state: SyncLocalState): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [d, c] of Object.entries(state.cursors)) {
    // Held-back events count as unread too: a snapshot must not claim them, nor their writer clean them up.
    const holes = state.quarantine.filter((q) => q.device === d).map((q) => q.seq - 1);
    out[d] = Math.min(c, ...holes);
  }
  return out;
}

/** Writes this desk's heartbeat when due, when something in it changed, or when forced; older ones go. */
export async function heartbeat(env: UpkeepEnv, ctx: CycleContext): Promise<void> {
  const { folder, platform, store, memory } = env;
  const due = ctx.now - memory.lastHeartbeatAt >= env.options.heartbeatEveryMs;
  if (!due && !ctx.dirty && !ctx.force) return;
  const { deskCode, label } = await store.deskLabel();
  const state: DeskState = {
    v: PAYLOAD_VERSION,
    device: ctx.me,
    deskCode,
    label,
    at: ctx.now,
    lastSeq: ctx.state.nextSeq - 1,
    oldestSeq: ctx.state.oldestSeq,
    readThrough: readThrough(ctx.state),
    quarantined: ctx.state.quarantine.filter((q) => q.kind === 'file').map((q) => ({ device: q.device, seq: q.seq })),
    republished: ctx.state.republished.slice(-1000),
    skipped: ctx.state.skipped.slice(-1000),
  };
  const key = currentKey(memory, ctx);
  for (let attempt = 0; attempt < HEARTBEAT_TRIES; attempt++) {
    const n = ctx.state.stateSeq;
    const path = statePath(ctx.me, n);
    try {
      await folder.writeNew(path, await sealFile(platform, key, 'state', path, await encodeDeskState(platform, state)));
    } catch (e) {
      // The name is taken: by a file of this desk's from before a restore, or by junk. Either way,
      // the next number (never a number read off a listed name: junk could name any number).
      if (isFolderError(e) && e.code === 'exists') {
        ctx.state.stateSeq = n + 1;
        continue;
      }
      throw e;
    }
    ctx.state.stateSeq = n + 1;
    memory.lastHeartbeatAt = ctx.now;
    const older = ctx.state.ownStates.filter((m) => m !== n);
    ctx.state.ownStates = [n, ...older];
    await store.saveState(ctx.state);
    // This desk's older heartbeats are of no use to anyone; only files it wrote itself are removed.
    for (const m of older) {
      await folder.remove(statePath(ctx.me, m));
      ctx.state.ownStates = ctx.state.ownStates.filter((x) => x !== m);
    }
    await store.saveState(ctx.state);
    return;
  }
  await store.saveState(ctx.state);
}

// ---------------------------------------------------------------- snapshots and clean-up

export type SnapshotListing = Array<{ stamp: string; manifest: SnapshotManifest | null }>;

/** The snapshots on the share, newest first, each with its manifest when it is complete and readable. */
export async function listSnapshots(env: Pick<SyncEnv, 'folder' | 'platform' | 'memory'>, ctx: CycleContext): Promise<SnapshotListing> {
  const entries = (await env.folder.list(SNAPSHOTS_DIR)) ?? [];
  const stamps = entries
    .filter((e) => e.kind === 'dir')
    .map((e) => parseSnapshotDirName(e.name))
    .filter((s): s is string => s !== null)
    .sort()
    .reverse();
  const out: SnapshotListing = [];
  for (const stamp of stamps) out.push({ stamp, manifest: await readManifest(env, ctx, stamp) });
  return out;
}

/** A snapshot's manifest, when it is there and authenticates (one that does not is junk: remembered, reported once). */
async function readManifest(
  env: Pick<SyncEnv, 'folder' | 'platform' | 'memory'>,
  ctx: CycleContext,
  stamp: string,
): Promise<SnapshotManifest | null> {
  const path = snapshotManifestPath(stamp);
  if (env.memory.junk.has(path)) return null;
  const bytes = await env.folder.read(path);
  if (!bytes) return null;
  const opened = await openSealed(env, 'snapshotManifest', path, bytes);
  if (!opened.ok) {
    noteJunk(env.memory, ctx, path, opened.reason);
    return null;
  }
  const decoded = await decodeManifest(env.platform, opened.plaintext);
  if (decoded.ok && decoded.value.stamp === stamp) return decoded.value;
  noteJunk(env.memory, ctx, path, decoded.ok ? 'wrong_name' : decoded.reason);
  return null;
}

/** Snapshots and clean-up, at most once per maintenance period unless forced. */
export async function maintain(env: UpkeepEnv, ctx: CycleContext, force: boolean): Promise<void> {
  if (ctx.problems.some((p) => p.blocking)) return;
  const last = ctx.state.lastCleanupAt ?? 0;
  if (!force && ctx.now - last < env.options.maintenanceEveryMs) return;
  ctx.state.lastCleanupAt = ctx.now;
  const snapshots = await listSnapshots(env, ctx);
  const newest = snapshots.find((s) => s.manifest !== null);
  if (force || snapshotDue(env, ctx, newest?.manifest ?? null)) await writeSnapshot(env, ctx);
  await cleanUp(env, ctx);
  await env.store.saveState(ctx.state);
}

/**
 * A snapshot is due once the newest is older than the interval (or there is none and the share
 * is that old). One desk takes the turn, the lowest id among those heard from in the last day;
 * if it has not within twice the interval, any desk does. Two at once do no harm.
 */
function snapshotDue(env: Pick<SyncEnv, 'options' | 'memory'>, ctx: CycleContext, newest: SnapshotManifest | null): boolean {
  const every = env.options.snapshotEveryMs;
  const age = newest ? ctx.now - newest.at : ctx.now - ctx.shareCreatedAt;
  if (age < every) return false;
  if (age >= 2 * every) return true;
  const recent = [...new Set([...ctx.desks, ctx.me])].filter(
    (d) => d === ctx.me || (env.memory.deskStates.get(d)?.state.at ?? 0) >= ctx.now - 86_400_000,
  );
  return recent.sort()[0] === ctx.me;
}

/** Writes every event this desk holds, in parts, then the manifest that makes the snapshot complete. */
async function writeSnapshot(env: Pick<SyncEnv, 'folder' | 'platform' | 'store' | 'options' | 'memory'>, ctx: CycleContext): Promise<void> {
  const { folder, platform, store } = env;
  const key = currentKey(env.memory, ctx);
  const stamp = encodeHlc({ wall: ctx.now, counter: 0, deviceId: ctx.me });
  const frontier = { ...readThrough(ctx.state), [ctx.me]: ctx.state.nextSeq - 1 };
  // Remembered before the first part is written: an abandoned one is this desk's own to remove.
  ctx.state.ownSnapshots = [...ctx.state.ownSnapshots.filter((s) => s !== stamp), stamp];
  await store.saveState(ctx.state);
  const digests: string[] = [];
  let after: string | null = null;
  let count = 0;
  for (let n = 1; ; n++) {
    const events = await store.eventsPage(after, env.options.snapshotPartEvents);
    if (events.length === 0) break;
    after = (events[events.length - 1] as InquiryEvent).id;
    const path = snapshotPartPath(stamp, n);
    const bytes = await sealFile(platform, key, 'snapshotPart', path, await encodePart(platform, n, events));
    await folder.writeNew(path, bytes);
    digests.push(await sha256Hex(platform, bytes));
    count += events.length;
  }
  const parts = digests.length;
  // Then every row, read after the events (rows only gain events meanwhile, so each holds at least
  // the snapshot's events of its inquiry): a new desk lists the log from them (ingest.ts, catchUp).
  let rowParts = 0;
  if (store.rowsPage) {
    let afterRow: string | null = null;
    for (;;) {
      const rows = await store.rowsPage(afterRow, env.options.snapshotPartEvents);
      if (rows.length === 0) break;
      afterRow = (rows[rows.length - 1] as InquiryRecord).id;
      const n = parts + ++rowParts;
      const path = snapshotPartPath(stamp, n);
      const bytes = await sealFile(platform, key, 'snapshotPart', path, await encodeRowPart(platform, n, rows));
      await folder.writeNew(path, bytes);
      digests.push(await sha256Hex(platform, bytes));
    }
  }
  const manifest: SnapshotManifest = {
    v: PAYLOAD_VERSION,
    stamp,
    by: ctx.me,
    at: ctx.now,
    frontier,
    parts,
    events: count,
    partDigests: digests,
    rowParts,
    rowFormat: ROW_FORMAT,
  };
  const path = snapshotManifestPath(stamp);
  await folder.writeNew(path, await sealFile(platform, key, 'snapshotManifest', path, await encodeManifest(platform, manifest)));
  ctx.state.lastSnapshotAt = ctx.now;
}

/**
 * Removes this desk's own segments once a snapshot covers them, every desk heard from within
 * the retention period has read them, and they are older than the retention period; and its
 * own snapshots made obsolete by its newer one. Never anything of another desk's.
 */
async function cleanUp(env: Pick<SyncEnv, 'folder' | 'platform' | 'options' | 'memory'>, ctx: CycleContext): Promise<void> {
  const { folder, options } = env;
  const snapshots = await listSnapshots(env, ctx);
  const covered = Math.max(0, ...snapshots.map((s) => s.manifest?.frontier[ctx.me] ?? 0));
  let readByAll = Number.POSITIVE_INFINITY;
  for (const d of ctx.desks) {
    if (d === ctx.me) continue;
    const seen = await readDeskState(env, ctx, d);
    if (seen && seen.at < ctx.now - options.retentionMs) continue; // away longer than retention: it will use a snapshot
    readByAll = Math.min(readByAll, seen?.readThrough[ctx.me] ?? 0);
  }
  const limit = Math.min(covered, readByAll);
  const removable = ctx.state.published
    .filter((p) => p.seq <= limit && p.at <= ctx.now - options.retentionMs)
    .sort((a, b) => a.seq - b.seq);
  for (const p of removable) {
    await folder.remove(segmentPath(ctx.me, p.seq));
    ctx.state.published = ctx.state.published.filter((x) => x.seq !== p.seq);
    ctx.state.republished = ctx.state.republished.filter((s) => s !== p.seq);
    ctx.state.oldestSeq = Math.max(ctx.state.oldestSeq, p.seq + 1);
    ctx.dirty = true;
  }
  // Own snapshots (those this desk started, or whose authenticated manifest names it): keep the
  // newest complete one; remove older ones it supersedes, and abandoned partial ones.
  const mine = snapshots.filter((s) => ctx.state.ownSnapshots.includes(s.stamp) || s.manifest?.by === ctx.me);
  const keep = mine.find((s) => s.manifest !== null);
  for (const s of mine) {
    if (s === keep) continue;
    const stampWall = decodeHlc(s.stamp)?.wall ?? 0;
    const superseded =
      keep?.manifest && s.manifest && Object.entries(s.manifest.frontier).every(([d, n]) => (keep.manifest?.frontier[d] ?? 0) >= n);
    const abandoned = !s.manifest && stampWall < ctx.now - options.maintenanceEveryMs;
    if (superseded || abandoned) await removeSnapshot(env, s.stamp, s.manifest);
  }
  const listed = new Set(snapshots.map((s) => s.stamp));
  ctx.state.ownSnapshots = ctx.state.ownSnapshots.filter((s) => listed.has(s));
}

/**
 * Removes one of this desk's snapshots: the manifest first (from that moment nobody takes it as
 * complete), then its parts: those the manifest counts, or, for one abandoned half-way, those
 * that authenticate. A file it did not write stays, and so does the folder then.
 */
async function removeSnapshot(
  env: Pick<SyncEnv, 'folder' | 'platform' | 'memory'>,
  stamp: string,
  manifest: SnapshotManifest | null,
): Promise<void> {
  const { folder } = env;
  if (manifest) await folder.remove(snapshotManifestPath(stamp));
  const entries: FolderEntry[] = (await folder.list(snapshotDir(stamp))) ?? [];
  for (const e of entries) {
    const n = e.kind === 'file' ? parseSnapshotPartName(e.name) : null;
    if (n === null) continue;
    const path = snapshotPartPath(stamp, n);
    if (manifest ? n > manifest.parts + manifest.rowParts : !(await opens(env, path))) continue;
    await folder.remove(path);
  }
  try {
    await folder.remove(snapshotDir(stamp));
  } catch (e) {
    if (!isFolderError(e) || e.code !== 'io') throw e; // not empty: files someone else put there stay
  }
}

async function opens(env: Pick<SyncEnv, 'folder' | 'platform' | 'memory'>, path: string): Promise<boolean> {
  const bytes = await env.folder.read(path);
  return bytes !== null && (await openSealed(env, 'snapshotPart', path, bytes)).ok;
}
