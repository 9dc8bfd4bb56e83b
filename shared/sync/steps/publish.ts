import { sealFile } from '../fileBox';
import { isFolderError } from '../folder';
import type { HlcStamp } from '../hlc';
import { segmentPath } from '../layout';
import { decodeSegment, encodeSegment } from '../payloads';
import { folderProblem } from '../problems';
import { type CycleContext, currentKey, noteJunk, notYetReadable, openSealed, probeClock, type SyncEnv } from './context';
import { newestHeartbeat } from './upkeep';

/**
 * Publishing: this desk's outbox becomes new segment files, under numbers never used before, and
 * segments other desks could not read go out again.
 */

/**
 * This desk's next segment number is taken. Never read a number off a listed name (junk can name
 * any number, up to the layout's width); ask the file itself. One this desk wrote (a database
 * restored from a backup, or a crash before the outbox was cleared): move past it, and past every
 * number its newest authenticated heartbeat says it used. Junk: skip this one number, and say so
 * in the heartbeat so readers pass it at once.
 */
async function movePastTaken(env: Pick<SyncEnv, 'folder' | 'platform' | 'memory'>, ctx: CycleContext, seq: number): Promise<void> {
  const path = segmentPath(ctx.me, seq);
  const bytes = await env.folder.read(path);
  if (!bytes) return; // gone again: try the same number
  const opened = await openSealed(env, 'segment', path, bytes);
  const decoded = opened.ok ? await decodeSegment(env.platform, opened.plaintext, ctx.me, seq) : null;
  if (decoded?.ok) {
    const own = await newestHeartbeat(env, ctx, ctx.me);
    ctx.state.nextSeq = Math.max(seq + 1, ctx.state.nextSeq, (own?.state.lastSeq ?? 0) + 1);
    return;
  }
  if (opened.ok || !notYetReadable(opened.reason)) noteJunk(env.memory, ctx, path, opened.ok ? 'damaged' : opened.reason);
  ctx.state.skipped = [...ctx.state.skipped.filter((s) => s !== seq), seq].slice(-1000);
  ctx.state.nextSeq = Math.max(ctx.state.nextSeq, seq + 1);
  ctx.dirty = true;
}

function noteOwnFolder(ctx: CycleContext): void {
  if (!ctx.state.knownDesks.includes(ctx.me)) ctx.state.knownDesks = [...ctx.state.knownDesks, ctx.me].sort();
}

/** Outbox → new segment files, each verified on the share before its events count as published. */
export async function publish(env: SyncEnv, ctx: CycleContext): Promise<void> {
  const { store, folder, platform, options } = env;
  if ((await store.pendingCount()) === 0) return;
  const skew = await probeClock(env, ctx);
  if (Math.abs(skew) > options.maxClockSkewMs) return; // the person is told (clock_off); receiving goes on
  // Work recorded while the clock was wrong carries stamps far ahead of the share's clock; nobody
  // has seen it yet, so re-stamp it now.
  const share = ctx.now - skew;
  const local = await store.localClock();
  if (local && local.wall > share + options.maxClockSkewMs) await store.restampFuture(share + options.maxClockSkewMs, ctx.now);
  const dataKey = currentKey(env.memory, ctx);
  for (let written = 0; written < options.maxSegmentsPerCycle; written++) {
    const events = await store.outboxBatch(options.segmentEvents);
    if (events.length === 0) return;
    const seq = ctx.state.nextSeq;
    const path = segmentPath(ctx.me, seq);
    const bytes = await sealFile(platform, dataKey, 'segment', path, await encodeSegment(platform, ctx.me, seq, events));
    try {
      await folder.writeNew(path, bytes);
    } catch (e) {
      if (isFolderError(e) && e.code === 'exists') {
        await movePastTaken(env, ctx, seq);
        continue;
      }
      if (isFolderError(e) && e.code !== 'unreachable' && e.code !== 'timeout' && e.code !== 'denied') {
        ctx.problems.push(folderProblem(e.code));
        return;
      }
      throw e;
    }
    const stamps = events.map((e) => e.hlc).sort();
    ctx.state.nextSeq = seq + 1;
    noteOwnFolder(ctx);
    ctx.state.published.push({
      seq,
      first: stamps[0] as HlcStamp,
      last: stamps[stamps.length - 1] as HlcStamp,
      count: events.length,
      at: ctx.now,
    });
    await store.markPublished(
      events.map((e) => e.id),
      ctx.state,
    );
    ctx.published += events.length;
    ctx.dirty = true;
  }
}

/**
 * Other desks could not read one of this desk's segments: put its events back in the outbox (for
 * a file this desk never wrote, a stray copy, there is nothing to send) and acknowledge it in the
 * heartbeat. True when events went back in the outbox: the caller publishes them again.
 */
export async function requeueReported(env: Pick<SyncEnv, 'store' | 'memory'>, ctx: CycleContext): Promise<boolean> {
  const { store, memory } = env;
  let requeued = false;
  for (const d of ctx.desks) {
    if (d === ctx.me) continue;
    const seen = memory.deskStates.get(d)?.state;
    for (const q of seen?.quarantined ?? []) {
      if (q.device !== ctx.me || ctx.state.republished.includes(q.seq) || q.seq < ctx.state.oldestSeq) continue;
      const segment = ctx.state.published.find((p) => p.seq === q.seq);
      if (segment) requeued = (await store.requeue(segment.first, segment.last)) > 0 || requeued;
      ctx.state.republished.push(q.seq);
      ctx.dirty = true;
      await store.saveState(ctx.state);
    }
  }
  return requeued;
}
