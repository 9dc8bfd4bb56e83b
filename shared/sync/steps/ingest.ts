import type { InquiryEvent } from '../../inquiry/events';
import type { InquiryRecord } from '../../inquiry/projection';
import { decodeHlc } from '../hlc';
import { segmentPath, snapshotPartPath } from '../layout';
import { type Decoded, decodePart, decodeRowPart, decodeSegment, ROW_FORMAT, type SnapshotManifest } from '../payloads';
import { sha256Hex } from '../platform';
import { problems } from '../problems';
import { type QuarantineEntry, type QuarantineReason, receivableStamp, type SyncLocalState, type SyncStore } from '../store';
import { type CycleContext, deskCode, noteJunk, openSealed, type SyncEnv, shareNow } from './context';
import { deskState, listSnapshots } from './upkeep';

/**
 * Ingesting: other desks' segments applied in order, gaps waited out or caught up from a
 * snapshot, and files that cannot be used set aside (quarantined) and retried now and then.
 */

type IngestEnv = Pick<SyncEnv, 'folder' | 'store' | 'platform' | 'options' | 'memory' | 'clock'>;

/** Reads and checks one segment: its events, or why it cannot be used. */
async function readSegment(
  env: Pick<SyncEnv, 'platform' | 'memory'>,
  device: string,
  seq: number,
  bytes: Uint8Array,
): Promise<{ ok: true; events: InquiryEvent[]; rejected: number } | { ok: false; reason: QuarantineReason }> {
  const path = segmentPath(device, seq);
  const opened = await openSealed(env, 'segment', path, bytes);
  if (!opened.ok) return { ok: false, reason: opened.reason };
  const decoded = await decodeSegment(env.platform, opened.plaintext, device, seq);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  return { ok: true, events: decoded.value.events, rejected: decoded.value.rejected };
}

/** Applies events: those dated beyond the future limit are returned as held back, never applied. */
async function apply(
  env: IngestEnv,
  ctx: CycleContext,
  events: readonly InquiryEvent[],
  fill = false,
): Promise<{ held: number; heldIds: Set<string> }> {
  const { options } = env;
  // The share's clock bounds what is accepted and what may move this desk's clock, not this desk's
  // own: it is asked only when a stamp is ahead of this desk's clock (the idle cycle stays cheap).
  const walls = events.map((e) => decodeHlc(e.hlc)?.wall ?? 0);
  const ahead = walls.some((w) => w > ctx.now + options.maxClockSkewMs);
  const now = ahead ? await shareNow(env, ctx) : ctx.now;
  const limit = now + options.futureLimitMs;
  const accepted = events.filter((_, i) => (walls[i] as number) <= limit);
  const receive = receivableStamp(
    accepted.map((e) => e.hlc),
    now,
    options.maxClockSkewMs,
  );
  const r = await env.store.ingest(accepted, ctx.state, receive, ctx.now, fill);
  ctx.received += r.added;
  for (const id of r.inquiryIds) ctx.inquiryIds.add(id);
  const heldIds = new Set(events.filter((_, i) => (walls[i] as number) > limit).map((e) => e.id));
  return { held: heldIds.size, heldIds };
}

/** Events applied in one transaction at most when several segments of a desk are read in a row. */
const BATCH_EVENTS = 10_000;

/** Its writer's heartbeat says it never used this number (junk had taken the name). */
const skippedBy = (memory: SyncEnv['memory'], device: string, seq: number): boolean =>
  memory.deskStates.get(device)?.state.skipped.includes(seq) ?? false;

function setAside(ctx: CycleContext, entry: Omit<QuarantineEntry, 'since' | 'lastTry' | 'tries'>): void {
  const existing = ctx.state.quarantine.find((q) => q.device === entry.device && q.seq === entry.seq);
  if (existing) {
    Object.assign(existing, entry, { lastTry: ctx.now, tries: existing.tries + 1 });
    return;
  }
  ctx.state.quarantine.push({ ...entry, since: ctx.now, lastTry: ctx.now, tries: 1 });
  if (ctx.state.quarantine.length > 1000) ctx.state.quarantine.splice(0, ctx.state.quarantine.length - 1000);
  ctx.dirty = true;
}

/** Applies a desk's segments after this desk's cursor, in order, stopping at the first gap. */
export async function ingestDesk(env: IngestEnv, ctx: CycleContext, device: string): Promise<void> {
  const { folder, store, options, memory } = env;
  // Segments read in a row are applied together, in one transaction (with the cursor past them):
  // a large catch-up costs a few transactions, not one per segment.
  let batch: Array<{ seq: number; events: InquiryEvent[]; rejected: number }> = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const segments = batch;
    batch = [];
    let heldIds: Set<string>;
    try {
      ({ heldIds } = await apply(
        env,
        ctx,
        segments.flatMap((x) => x.events),
      ));
    } catch (e) {
      // Not applied: the cursor goes back before them, so nothing saved later can skip them.
      ctx.state.cursors[device] = (segments[0] as { seq: number }).seq - 1;
      throw e;
    }
    let partial = false;
    for (const x of segments) {
      const held = x.events.some((e) => heldIds.has(e.id));
      if (!held && x.rejected === 0) continue;
      setAside(ctx, { device, seq: x.seq, kind: 'partial', reason: held ? 'future_events' : 'unknown_events' });
      partial = true;
    }
    if (partial) await store.saveState(ctx.state);
  };
  for (let reads = 0; reads < options.maxReadsPerDesk; reads++) {
    const next = (ctx.state.cursors[device] ?? 0) + 1;
    const bytes = await folder.read(segmentPath(device, next));
    if (!bytes) {
      await flush(); // before anything saves the cursor on its own
      if (!(await handleGap(env, ctx, device, next))) return;
      continue;
    }
    memory.gaps.delete(device);
    const r = await readSegment(env, device, next, bytes);
    if (!r.ok) {
      await flush();
      ctx.state.cursors[device] = next;
      ctx.dirty = true;
      // A number its writer says it never used holds junk: nothing to wait for or set aside.
      if (skippedBy(memory, device, next)) noteJunk(memory, ctx, segmentPath(device, next), r.reason);
      else setAside(ctx, { device, seq: next, kind: 'file', reason: r.reason });
      await store.saveState(ctx.state);
      continue;
    }
    // The cursor moves in memory now; it is saved with the batch's events.
    ctx.state.cursors[device] = next;
    ctx.dirty = true;
    batch.push({ seq: next, events: r.events, rejected: r.rejected });
    if (batch.reduce((n, x) => n + x.events.length, 0) >= BATCH_EVENTS) await flush();
  }
  await flush();
}

/**
 * The next segment of a desk is not there. Usually it is simply not written yet (or the
 * folder's listing lags): wait. If the desk has cleaned it up, catch up from a snapshot; if it
 * went missing while later ones exist, set it aside after a grace period (its writer
 * republishes it). Returns true when the cursor moved and reading can go on.
 */
async function handleGap(env: IngestEnv, ctx: CycleContext, device: string, missing: number): Promise<boolean> {
  const { memory } = env;
  const known = await deskState(env, ctx, device);
  if (!known || known.lastSeq < missing) return false;
  if (known.skipped.includes(missing)) {
    // Its writer never used this number (junk had taken the name): go on at once.
    memory.gaps.delete(device);
    ctx.state.cursors[device] = missing;
    ctx.dirty = true;
    await env.store.saveState(ctx.state);
    return true;
  }
  if (known.oldestSeq > missing) {
    const caught = await catchUp(env, ctx, { [device]: known.oldestSeq - 1 });
    if (!caught) ctx.problems.push(problems.historyMissing(deskCode(memory, device)));
    return caught;
  }
  const gap = memory.gaps.get(device);
  if (!gap || gap.seq !== missing) {
    memory.gaps.set(device, { seq: missing, since: ctx.now });
    return false;
  }
  if (ctx.now - gap.since < env.options.missingGraceMs) return false;
  memory.gaps.delete(device);
  ctx.state.cursors[device] = missing;
  setAside(ctx, { device, seq: missing, kind: 'file', reason: 'missing' });
  await env.store.saveState(ctx.state);
  return true;
}

/** Retries set-aside files now and then: a file that reappears, or a newer app version, makes them readable. */
export async function retryQuarantine(env: IngestEnv, ctx: CycleContext): Promise<void> {
  if (ctx.state.quarantine.length === 0) return;
  if (!ctx.force && ctx.now - env.memory.lastRetryAt < env.options.quarantineRetryMs) return;
  env.memory.lastRetryAt = ctx.now;
  for (const entry of [...ctx.state.quarantine]) {
    const bytes = await env.folder.read(segmentPath(entry.device, entry.seq));
    entry.lastTry = ctx.now;
    entry.tries += 1;
    if (!bytes) continue;
    const r = await readSegment(env, entry.device, entry.seq, bytes);
    if (!r.ok) {
      entry.reason = r.reason;
      continue;
    }
    const { held } = await apply(env, ctx, r.events);
    if (held === 0 && r.rejected === 0) {
      ctx.state.quarantine = ctx.state.quarantine.filter((q) => q !== entry);
      ctx.dirty = true;
    } else {
      entry.kind = 'partial';
      entry.reason = held > 0 ? 'future_events' : 'unknown_events';
    }
  }
  await env.store.saveState(ctx.state);
}

/** Set-aside files of other desks that their writer has republished, and that this desk has read past, are done with. */
export function forgetSettled(env: Pick<SyncEnv, 'memory'>, ctx: CycleContext): void {
  const before = ctx.state.quarantine.length;
  ctx.state.quarantine = ctx.state.quarantine.filter((q) => {
    const writer = env.memory.deskStates.get(q.device)?.state;
    if (q.kind === 'file' && writer?.skipped.includes(q.seq)) return false; // junk under a number its writer never used
    const dealtWith = q.kind === 'file' && writer?.republished.includes(q.seq) && (ctx.state.cursors[q.device] ?? 0) >= writer.lastSeq;
    return !dealtWith;
  });
  if (ctx.state.quarantine.length !== before) ctx.dirty = true;
}

/** A new desk starts from the newest snapshot instead of replaying every segment. */
export async function bootstrap(env: IngestEnv, ctx: CycleContext): Promise<void> {
  if (Object.keys(ctx.state.cursors).length > 0 || ctx.desks.every((d) => d === ctx.me)) return;
  await catchUp(env, ctx, {});
  // Started: desks without a cursor now are new ones, read from their first segment.
  for (const d of ctx.desks) if (d !== ctx.me) ctx.state.cursors[d] ??= 0;
}

/**
 * Applies the newest complete snapshot that covers `needs` (desk → segment) and moves the
 * cursors to its frontier. A damaged snapshot is skipped for an older one. True when one was applied.
 *
 * A new desk (one that holds no inquiries) takes the snapshot's rows first, so the log is listed and
 * searchable within the first minutes, then fills in the events behind them (timelines, chains)
 * without folding the rows again (docs/sync.md "Joining"); a restart goes on where it stopped.
 */
async function catchUp(env: IngestEnv, ctx: CycleContext, needs: Record<string, number>): Promise<boolean> {
  for (const { stamp, manifest } of await listSnapshots(env, ctx)) {
    if (!manifest) continue;
    if (Object.entries(needs).some(([d, s]) => (manifest.frontier[d] ?? 0) < s)) continue;
    if (Object.entries(manifest.frontier).every(([d, s]) => d === ctx.me || (ctx.state.cursors[d] ?? 0) >= s)) {
      if (Object.keys(needs).length === 0) return false; // nothing to gain
    }
    const joining = await joinsByRows(env, ctx, stamp, manifest, needs);
    const rowParts = joining ? manifest.rowParts : 0;
    const total = manifest.parts + rowParts;
    const progress = (done: number) =>
      env.memory.onProgress?.({ done, total, events: manifest.events, listed: joining !== null && done >= rowParts });
    // Part by part, so a large snapshot never sits whole in memory. Events of a snapshot found
    // damaged half-way are still genuine (each part is authenticated) and stay applied.
    let good = true;
    // Newest part first (parts hold rows and events in id order, and ids grow with time): the newest
    // inquiries, those people work on, are listed within the first parts; older ones fill in behind.
    // Any order folds to the same rows. Each part is its own transaction, and the person sees how far it is.
    for (let done = joining?.rowParts ?? 0; done < rowParts && good; done++) {
      progress(done);
      const n = manifest.parts + rowParts - done;
      const rows = await readPart(env, stamp, manifest, n, decodeRowPart);
      if (rows) {
        ctx.state.joining = { ...(joining as JoinState), rowParts: done + 1 };
        await adopt(env, ctx, rows);
      } else good = false;
    }
    for (let done = joining?.eventParts ?? 0; done < manifest.parts && good; done++) {
      progress(rowParts + done);
      const part = await readPart(env, stamp, manifest, manifest.parts - done, decodePart);
      if (part) {
        if (joining) ctx.state.joining = { ...joining, rowParts, eventParts: done + 1 };
        await apply(env, ctx, part.events, joining !== null);
      } else good = false;
    }
    env.memory.onProgress?.(null);
    if (!good) continue;
    for (const [d, s] of Object.entries(manifest.frontier)) {
      if (d === ctx.me) {
        // This desk's own segments up to there exist: never reuse their numbers.
        ctx.state.nextSeq = Math.max(ctx.state.nextSeq, s + 1);
        continue;
      }
      if ((ctx.state.cursors[d] ?? 0) < s) ctx.state.cursors[d] = s;
    }
    ctx.state.quarantine = ctx.state.quarantine.filter((q) => q.seq > (manifest.frontier[q.device] ?? 0));
    ctx.state.joining = null;
    ctx.dirty = true;
    await env.store.ingest([], ctx.state, null, ctx.now);
    return true;
  }
  return false;
}

type JoinState = NonNullable<SyncLocalState['joining']>;

/**
 * Whether this catch-up takes the snapshot's rows first: a desk starting (no cursors) that holds no
 * inquiries yet, or one that began with this very snapshot and was stopped half-way. Anything else
 * (a desk with history of its own, rows of another projection) folds the events itself.
 */
async function joinsByRows(
  env: IngestEnv,
  ctx: CycleContext,
  stamp: string,
  manifest: SnapshotManifest,
  needs: Record<string, number>,
): Promise<JoinState | null> {
  if (Object.keys(needs).length > 0 || manifest.rowParts === 0 || manifest.rowFormat !== ROW_FORMAT || !env.store.adoptRows) return null;
  const started = ctx.state.joining;
  if (started) return started.stamp === stamp ? { ...started } : null;
  return (await env.store.holdsNoInquiries?.()) ? { stamp, rowParts: 0, eventParts: 0 } : null;
}

/** One part of a snapshot, checked against the manifest's digest, opened and decoded; null if it cannot be used. */
async function readPart<T>(
  env: IngestEnv,
  stamp: string,
  manifest: SnapshotManifest,
  n: number,
  decode: (platform: IngestEnv['platform'], bytes: Uint8Array, n: number) => Promise<Decoded<T>>,
): Promise<T | null> {
  const path = snapshotPartPath(stamp, n);
  const bytes = await env.folder.read(path);
  if (!bytes || (await sha256Hex(env.platform, bytes)) !== manifest.partDigests[n - 1]) return null;
  const opened = await openSealed(env, 'snapshotPart', path, bytes);
  if (!opened.ok) return null;
  const decoded = await decode(env.platform, opened.plaintext, n);
  return decoded.ok ? decoded.value : null;
}

/** A snapshot's rows taken by a joining desk where it has none; its clock moves past them as with events. */
async function adopt(env: IngestEnv, ctx: CycleContext, rows: readonly InquiryRecord[]): Promise<void> {
  const { options } = env;
  const ahead = rows.some((r) => (decodeHlc(r.lastHlc)?.wall ?? 0) > ctx.now + options.maxClockSkewMs);
  const now = ahead ? await shareNow(env, ctx) : ctx.now;
  const receive = receivableStamp(
    rows.map((r) => r.lastHlc),
    now,
    options.maxClockSkewMs,
  );
  const r = await (env.store.adoptRows as NonNullable<SyncStore['adoptRows']>)(rows, ctx.state, receive, ctx.now);
  for (const id of r.inquiryIds) ctx.inquiryIds.add(id);
}
