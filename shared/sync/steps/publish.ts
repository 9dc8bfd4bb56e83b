import { sealFile } from '../fileBox';
import { isFolderError } from '../folder';
import type { HlcStamp } from '../hlc';
import { deviceDir, parseSegmentName, probePath, segmentPath } from '../layout';
import { encodeSegment } from '../payloads';
import { toHex } from '../platform';
import { folderProblem, problems } from '../problems';
import { type CycleContext, currentKey, type SyncEnv } from './context';

/**
 * Publishing: this desk's outbox becomes new segment files, under numbers never used before, and
 * segments other desks could not read go out again.
 */

/** Measures this desk's clock against the share's (a fresh file's modification time). */
async function probeClock(env: Pick<SyncEnv, 'folder' | 'clock' | 'platform' | 'memory'>, ctx: CycleContext): Promise<number> {
  const { folder, clock, platform, memory } = env;
  const before = clock.now();
  const mtime = await folder.probe(probePath(ctx.me, toHex(platform.randomBytes(8))));
  const after = clock.now();
  memory.skew = Math.round((before + after) / 2 - mtime);
  return memory.skew;
}

async function highestOwnSegment(env: Pick<SyncEnv, 'folder'>, ctx: CycleContext): Promise<number> {
  const entries = (await env.folder.list(deviceDir(ctx.me))) ?? [];
  return Math.max(0, ...entries.map((e) => parseSegmentName(e.name) ?? 0));
}

function noteOwnFolder(ctx: CycleContext): void {
  if (!ctx.state.knownDesks.includes(ctx.me)) ctx.state.knownDesks = [...ctx.state.knownDesks, ctx.me].sort();
}

/** Outbox → new segment files, each verified on the share before its events count as published. */
export async function publish(env: SyncEnv, ctx: CycleContext): Promise<void> {
  const { store, folder, platform, options } = env;
  if ((await store.pendingCount()) === 0) return;
  const skew = await probeClock(env, ctx);
  if (Math.abs(skew) > options.maxClockSkewMs) {
    ctx.problems.push(problems.clockOff(skew));
    return;
  }
  // Work recorded while the clock was wrong carries stamps far ahead; nobody has seen it yet, so re-stamp it now.
  const local = await store.localClock();
  if (local && local.wall > ctx.now + options.maxClockSkewMs) await store.restampFuture(ctx.now + options.maxClockSkewMs, ctx.now);
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
        // The number is taken (a restored database, or this desk's files from before): move past it.
        ctx.state.nextSeq = Math.max(seq + 1, (await highestOwnSegment(env, ctx)) + 1);
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
