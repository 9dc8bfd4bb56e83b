import type { Clock } from '../time/types';
import { FolderError, isFolderError, type ShareFolder } from './folder';
import type { SyncPlatform } from './platform';
import { folderProblem, problems, type SyncProblem } from './problems';
import {
  type CatchUpProgress,
  type CycleContext,
  DEFAULT_SYNC_OPTIONS,
  deskCode,
  emptyMemory,
  newCycle,
  StopCycle,
  type SyncEnv,
  type SyncOptions,
} from './steps/context';
import { bootstrap, forgetSettled, ingestDesk, retryQuarantine } from './steps/ingest';
import { followKeys, writeNextKeyring } from './steps/keys';
import { publish, requeueReported } from './steps/publish';
import {
  addKey,
  checkShare,
  createShare,
  type FolderInspection,
  forgetKnownDesks,
  inspectFolder,
  joinShare,
  leaveShare,
  pinShare,
  type SetupResult,
} from './steps/setup';
import { heartbeat, maintain, readDeskStates } from './steps/upkeep';
import type { QuarantineEntry, SyncStore } from './store';

/**
 * The sync engine: one cycle publishes this desk's outbox, applies other desks' new segments,
 * writes a heartbeat, and now and then a snapshot and clean-up. It runs wherever the desk's
 * database is (the renderer) and reaches the folder through `ShareFolder` (the main process on
 * a desk, temp folders in tests). docs/sync.md explains the design; the rules that matter:
 *
 * - every desk writes only its own files, under new names, and never changes a written file;
 * - a missing, empty or shrunken folder, a foreign SHARE.json or a newer format stops the
 *   cycle before anything is written or deleted; nothing local is ever deleted by sync;
 * - segments of a desk are applied in order; a gap waits, a damaged file is set aside;
 * - the merge is the projection's: order by HLC, last writer per field, notes add-only.
 *
 * This class holds the status and runs the steps in order; the steps live in ./steps/ (set-up and
 * keys, publish, ingest, upkeep), each taking the dependencies it uses.
 */

export { type CatchUpProgress, DEFAULT_SYNC_OPTIONS, type SyncOptions } from './steps/context';
export type { FolderInspection, FolderKind, SetupResult } from './steps/setup';

export interface SyncDeps {
  folder: ShareFolder;
  store: SyncStore;
  clock: Clock;
  platform: SyncPlatform;
  options?: Partial<SyncOptions>;
  /** Called when this desk moves to a newer data key (a passphrase change): the desktop keeps it with the OS's protection. */
  onKey?: (shareId: string, keyId: number, raw: Uint8Array) => Promise<void>;
}

export interface DeskSeen {
  deviceId: string;
  deskCode: string;
  label: string;
  /** When it last wrote its heartbeat (null: never seen one). */
  lastHeartbeat: number | null;
  you: boolean;
}

export type SyncPhase = 'not_set_up' | 'locked' | 'idle' | 'syncing' | 'problem';

export interface SyncStatus {
  phase: SyncPhase;
  shareId: string | null;
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  /** Events recorded here and not yet published. */
  pending: number;
  desks: DeskSeen[];
  problems: SyncProblem[];
  quarantined: QuarantineEntry[];
  /** This desk's clock minus the share's, when last measured. */
  clockSkewMs: number | null;
  /** Catching up from a snapshot (a new desk joining): how far (null: not catching up). */
  catchingUp: CatchUpProgress | null;
}

export interface CycleReport {
  /** False when another sync of this desk was running and this one did nothing. */
  ran: boolean;
  ok: boolean;
  published: number;
  received: number;
  inquiryIds: string[];
  problems: SyncProblem[];
}

const NOT_RUN: CycleReport = { ran: false, ok: true, published: 0, received: 0, inquiryIds: [], problems: [] };

/** The problem that stops a cycle, for a failure a cycle expects (null: a failure nobody expected). */
function stopProblem(e: unknown): SyncProblem | null {
  if (e instanceof StopCycle) return e.problem;
  if (isFolderError(e)) return folderProblem(e.code);
  return null;
}

export class SyncEngine {
  readonly options: SyncOptions;
  private readonly env: SyncEnv;
  private statusValue: SyncStatus = {
    phase: 'not_set_up',
    shareId: null,
    lastSuccessAt: null,
    lastAttemptAt: null,
    pending: 0,
    desks: [],
    problems: [],
    quarantined: [],
    clockSkewMs: null,
    catchingUp: null,
  };
  private readonly listeners = new Set<(s: SyncStatus) => void>();
  private readonly onKey: SyncDeps['onKey'];

  constructor(deps: SyncDeps) {
    this.onKey = deps.onKey;
    const given = Object.entries(deps.options ?? {}).filter(([, v]) => v !== undefined);
    this.options = { ...DEFAULT_SYNC_OPTIONS, ...Object.fromEntries(given) };
    const { folder, store, clock, platform } = deps;
    this.env = { folder, store, clock, platform, options: this.options, memory: emptyMemory() };
    this.env.memory.onProgress = (catchingUp) => this.setStatus({ ...this.statusValue, catchingUp });
  }

  get status(): SyncStatus {
    return this.statusValue;
  }

  onStatus(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get unlocked(): boolean {
    return this.env.memory.keys.size > 0;
  }

  // ---------------------------------------------------------------- setting up (./steps/setup.ts)

  /** What the chosen folder holds: nothing yet, a share, or something else. */
  inspect(): Promise<FolderInspection> {
    return inspectFolder(this.env);
  }

  /** Creates a new share in an empty folder, with this desk as its first member. */
  async createShare(passphrase: string): Promise<SetupResult> {
    return this.pinned(await createShare(this.env, passphrase));
  }

  /** Joins the share in the chosen folder with the team passphrase. */
  async joinShare(passphrase: string): Promise<SetupResult> {
    return this.pinned(await joinShare(this.env, passphrase));
  }

  /** Resumes with a data key remembered on this desk (the desktop keeps it with the OS's safeStorage). */
  async unlock(keyId: number, raw: Uint8Array): Promise<void> {
    await addKey(this.env, keyId, raw);
    await this.refreshStatus();
  }

  /** Forgets the key in memory (sync stops until unlocked again). */
  lock(): void {
    this.env.memory.keys.clear();
    this.env.memory.raw.clear();
    this.env.memory.olderLoaded.clear();
  }

  /**
   * Leaves the share: unpins it and forgets the key. Local data stays; this desk's own events
   * go back in the outbox so a share joined later receives all of them.
   */
  async leave(): Promise<void> {
    await leaveShare(this.env);
    await this.refreshStatus();
  }

  /** Forgets which desks were seen, after a person confirmed that a desk's files were removed on purpose. */
  acceptFolderAsIs(): Promise<void> {
    return forgetKnownDesks(this.env);
  }

  private async pinned(result: SetupResult): Promise<SetupResult> {
    if (!result.ok) return result;
    await pinShare(this.env, result.shareId, result.keyId);
    await this.unlock(result.keyId, result.dataKey);
    return result;
  }

  /**
   * Changes the team passphrase: the next keyring with a new data key (./steps/keys.ts). Other desks
   * follow on their next cycle, unless `lockOut`: then the old passphrase opens nothing new, and
   * every other desk is asked for the new one.
   */
  async changePassphrase(passphrase: string, lockOut: boolean): Promise<{ ok: true; keyId: number } | { ok: false; message: string }> {
    const env = this.env;
    const result = await env.store.withLock(async (): Promise<{ ok: true; keyId: number } | { ok: false; message: string }> => {
      const ctx = await newCycle(env, true);
      if (ctx.state.shareId === null) return { ok: false, message: 'This desk has not joined a share.' };
      if (!this.unlocked) return { ok: false, message: problems.locked().message };
      try {
        await checkShare(env, ctx);
        await this.followKeys(ctx);
        const { keyId, raw } = await writeNextKeyring(env, ctx, passphrase, lockOut);
        await this.onKey?.(ctx.state.shareId, keyId, raw);
        ctx.dirty = true;
        await heartbeat(env, ctx);
        return { ok: true, keyId };
      } catch (e) {
        const problem = stopProblem(e);
        if (!problem) throw e;
        return { ok: false, message: problem.message };
      } finally {
        await env.store.saveState(ctx.state);
      }
    });
    return result ?? { ok: false, message: 'Sync is running on this desk at this moment. Try again in a few seconds.' };
  }

  /** Follows a newer keyring, and keeps the key this desk moved to. */
  private async followKeys(ctx: CycleContext): Promise<void> {
    for (const { keyId, raw } of await followKeys(this.env, ctx)) if (ctx.state.shareId) await this.onKey?.(ctx.state.shareId, keyId, raw);
  }

  // ---------------------------------------------------------------- the cycle

  /** One sync cycle. `force` (a person pressed "Sync now") also re-reads heartbeats and retries set-aside files. */
  async syncOnce(opts: { force?: boolean } = {}): Promise<CycleReport> {
    const report = await this.env.store.withLock(() => this.cycle(opts.force ?? false));
    return report ?? NOT_RUN;
  }

  private async cycle(force: boolean): Promise<CycleReport> {
    const env = this.env;
    const ctx = await newCycle(env, force);
    if (ctx.state.shareId === null) return this.finish(ctx, 'not_set_up');
    if (!ctx.state.keyId || !env.memory.keys.has(ctx.state.keyId)) {
      ctx.problems.push(problems.locked());
      return this.finish(ctx, 'locked');
    }
    this.setStatus({ ...this.statusValue, phase: 'syncing' });
    try {
      await checkShare(env, ctx);
      await this.followKeys(ctx);
      await publish(env, ctx);
      await bootstrap(env, ctx);
      for (const desk of ctx.desks) if (desk !== ctx.me) await ingestDesk(env, ctx, desk);
      await retryQuarantine(env, ctx);
      await readDeskStates(env, ctx);
      if (await requeueReported(env, ctx)) await publish(env, ctx);
      forgetSettled(env, ctx);
      await heartbeat(env, ctx);
      await maintain(env, ctx, false);
    } catch (e) {
      ctx.problems.push(stopProblem(e) ?? problems.internal(e instanceof Error ? e.name : 'unknown'));
    }
    return this.finish(ctx, null);
  }

  /** Snapshots and clean-up, at most once per maintenance period (or when forced, in tests and by the bench). */
  async maintainNow(): Promise<CycleReport> {
    const report = await this.env.store.withLock(async () => {
      const env = this.env;
      const ctx = await newCycle(env, true);
      if (ctx.state.shareId === null || !this.unlocked) return this.finish(ctx, ctx.state.shareId === null ? 'not_set_up' : 'locked');
      try {
        await checkShare(env, ctx);
        await readDeskStates(env, ctx);
        await maintain(env, ctx, true);
        await heartbeat(env, ctx);
      } catch (e) {
        const problem = stopProblem(e);
        if (!problem) throw e;
        ctx.problems.push(problem);
      }
      return this.finish(ctx, null);
    });
    return report ?? NOT_RUN;
  }

  // ---------------------------------------------------------------- status

  private async finish(ctx: CycleContext, phase: SyncPhase | null): Promise<CycleReport> {
    const { store, memory } = this.env;
    const blocking = ctx.problems.some((p) => p.blocking);
    if (phase === null && !blocking) ctx.state.lastSuccessAt = ctx.now;
    if (ctx.state.shareId !== null) await store.saveState(ctx.state);
    const quarantined = ctx.state.quarantine;
    const all = [...ctx.problems];
    const files = quarantined.filter((q) => q.kind === 'file' && q.reason !== 'newer_format');
    if (files.length > 0) all.push(problems.quarantined(files, (d) => deskCode(memory, d)));
    const newer = quarantined.filter((q) => q.reason === 'newer_format' || q.reason === 'unknown_events');
    if (newer.length > 0) all.push(problems.newerFiles(newer.length));
    if (quarantined.some((q) => q.reason === 'future_events'))
      all.push(problems.heldEvents(quarantined.filter((q) => q.reason === 'future_events').length));
    // Junk found this cycle, once: names only.
    if (ctx.unknownFound.length > 0) all.push(problems.unknownFiles(ctx.unknownFound));
    const unique = all.filter((p, i) => all.findIndex((q) => q.code === p.code && q.message === p.message) === i);
    // A passphrase changed elsewhere with the old one locked out: the desk is locked until the new one is typed.
    const lockedOut = unique.some((p) => p.blocking && p.code === 'locked');
    const finalPhase: SyncPhase = phase ?? (lockedOut ? 'locked' : unique.length > 0 ? 'problem' : 'idle');
    await this.refreshStatus(finalPhase, unique, ctx.now);
    return {
      ran: true,
      ok: !blocking && phase === null,
      published: ctx.published,
      received: ctx.received,
      inquiryIds: [...ctx.inquiryIds],
      problems: unique,
    };
  }

  private async refreshStatus(phase?: SyncPhase, list?: SyncProblem[], now?: number): Promise<void> {
    const { store, memory } = this.env;
    const state = await store.loadState();
    const me = await store.deviceId();
    const mine = await store.deskLabel();
    const desks: DeskSeen[] = [
      { deviceId: me, deskCode: mine.deskCode, label: mine.label, lastHeartbeat: memory.lastHeartbeatAt || null, you: true },
    ];
    for (const id of state.knownDesks) {
      if (id === me) continue;
      const seen = memory.deskStates.get(id)?.state;
      desks.push({
        deviceId: id,
        deskCode: seen?.deskCode || id.slice(0, 5),
        label: seen?.label ?? '',
        lastHeartbeat: seen?.at ?? null,
        you: false,
      });
    }
    const previous = this.statusValue.phase;
    const settled = previous === 'not_set_up' || previous === 'locked' ? 'idle' : previous;
    const resolvedPhase: SyncPhase = phase ?? (state.shareId === null ? 'not_set_up' : !this.unlocked ? 'locked' : settled);
    this.setStatus({
      phase: resolvedPhase,
      shareId: state.shareId,
      lastSuccessAt: state.lastSuccessAt,
      lastAttemptAt: now ?? this.statusValue.lastAttemptAt,
      pending: await store.pendingCount(),
      desks,
      problems: list ?? (resolvedPhase === 'locked' ? [problems.locked()] : this.statusValue.problems),
      quarantined: state.quarantine,
      clockSkewMs: memory.skew,
      catchingUp: null,
    });
  }

  private setStatus(s: SyncStatus): void {
    this.statusValue = s;
    for (const l of this.listeners) l(s);
  }
}

export { FolderError };
