import type { InquiryEvent } from '../../inquiry/events';
import { sealFile } from '../fileBox';
import type { FolderEntry } from '../folder';
import { isFolderError } from '../folder';
import { decodeHlc, encodeHlc } from '../hlc';
import {
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
  encodeDeskState,
  encodeManifest,
  encodePart,
  PAYLOAD_VERSION,
  type SnapshotManifest,
} from '../payloads';
import { sha256Hex } from '../platform';
import type { SyncLocalState } from '../store';
import { type CycleContext, currentKey, openSealed, type SyncEnv } from './context';

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

async function readDeskState(
  env: Pick<SyncEnv, 'folder' | 'platform' | 'memory'>,
  ctx: CycleContext,
  device: string,
): Promise<DeskState | null> {
  const { folder, platform, memory } = env;
  const entries = (await folder.list(stateDir(device))) ?? [];
  const numbers = entries
    .map((e) => parseStateName(e.name))
    .filter((n): n is number => n !== null)
    .sort((a, b) => b - a);
  for (const n of numbers.slice(0, 3)) {
    const path = statePath(device, n);
    const bytes = await folder.read(path);
    if (!bytes) continue;
    const opened = await openSealed(env, 'state', path, bytes);
    if (!opened.ok) continue;
    const decoded = await decodeDeskState(platform, opened.plaintext);
    if (!decoded.ok || decoded.value.device !== device) continue;
    memory.deskStates.set(device, { state: decoded.value, readAt: ctx.now });
    return decoded.value;
  }
  const held = memory.deskStates.get(device);
  return held?.state ?? null;
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
  };
  const key = currentKey(memory, ctx);
  for (let attempt = 0; attempt < 3; attempt++) {
    const n = ctx.state.stateSeq;
    const path = statePath(ctx.me, n);
    try {
      await folder.writeNew(path, await sealFile(platform, key, 'state', path, await encodeDeskState(platform, state)));
    } catch (e) {
      if (isFolderError(e) && e.code === 'exists') {
        const entries = (await folder.list(stateDir(ctx.me))) ?? [];
        ctx.state.stateSeq = Math.max(n + 1, ...entries.map((x) => (parseStateName(x.name) ?? 0) + 1));
        continue;
      }
      throw e;
    }
    ctx.state.stateSeq = n + 1;
    memory.lastHeartbeatAt = ctx.now;
    await store.saveState(ctx.state);
    // Older heartbeats of this desk are of no use to anyone.
    for (const old of (await folder.list(stateDir(ctx.me))) ?? []) {
      const m = parseStateName(old.name);
      if (m !== null && m < n) await folder.remove(statePath(ctx.me, m));
    }
    return;
  }
}

// ---------------------------------------------------------------- snapshots and clean-up

export type SnapshotListing = Array<{ stamp: string; manifest: SnapshotManifest | null }>;

/** The snapshots on the share, newest first, each with its manifest when it is complete and readable. */
export async function listSnapshots(env: Pick<SyncEnv, 'folder' | 'platform' | 'memory'>): Promise<SnapshotListing> {
  const entries = (await env.folder.list(SNAPSHOTS_DIR)) ?? [];
  const stamps = entries
    .filter((e) => e.kind === 'dir')
    .map((e) => parseSnapshotDirName(e.name))
    .filter((s): s is string => s !== null)
    .sort()
    .reverse();
  const out: SnapshotListing = [];
  for (const stamp of stamps) out.push({ stamp, manifest: await readManifest(env, stamp) });
  return out;
}

async function readManifest(env: Pick<SyncEnv, 'folder' | 'platform' | 'memory'>, stamp: string): Promise<SnapshotManifest | null> {
  const path = snapshotManifestPath(stamp);
  const bytes = await env.folder.read(path);
  if (!bytes) return null;
  const opened = await openSealed(env, 'snapshotManifest', path, bytes);
  if (!opened.ok) return null;
  const decoded = await decodeManifest(env.platform, opened.plaintext);
  return decoded.ok && decoded.value.stamp === stamp ? decoded.value : null;
}

/** Snapshots and clean-up, at most once per maintenance period unless forced. */
export async function maintain(env: UpkeepEnv, ctx: CycleContext, force: boolean): Promise<void> {
  if (ctx.problems.some((p) => p.blocking)) return;
  const last = ctx.state.lastCleanupAt ?? 0;
  if (!force && ctx.now - last < env.options.maintenanceEveryMs) return;
  ctx.state.lastCleanupAt = ctx.now;
  const snapshots = await listSnapshots(env);
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
  const manifest: SnapshotManifest = {
    v: PAYLOAD_VERSION,
    stamp,
    by: ctx.me,
    at: ctx.now,
    frontier,
    parts: digests.length,
    events: count,
    partDigests: digests,
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
  const snapshots = await listSnapshots(env);
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
  // Own snapshots: keep the newest complete one; remove older ones it supersedes, and abandoned partial ones.
  const mine = snapshots.filter((s) => decodeHlc(s.stamp)?.deviceId === ctx.me);
  const keep = mine.find((s) => s.manifest !== null);
  for (const s of mine) {
    if (s === keep) continue;
    const stampWall = decodeHlc(s.stamp)?.wall ?? 0;
    const superseded =
      keep?.manifest && s.manifest && Object.entries(s.manifest.frontier).every(([d, n]) => (keep.manifest?.frontier[d] ?? 0) >= n);
    const abandoned = !s.manifest && stampWall < ctx.now - options.maintenanceEveryMs;
    if (superseded || abandoned) await removeSnapshot(env, s.stamp);
  }
}

async function removeSnapshot(env: Pick<SyncEnv, 'folder'>, stamp: string): Promise<void> {
  const { folder } = env;
  // The manifest first: from that moment nobody takes the snapshot as complete.
  await folder.remove(snapshotManifestPath(stamp));
  const entries: FolderEntry[] = (await folder.list(snapshotDir(stamp))) ?? [];
  for (const e of entries) {
    const n = parseSnapshotPartName(e.name);
    if (n !== null) await folder.remove(snapshotPartPath(stamp, n));
  }
  await folder.remove(snapshotDir(stamp));
}
