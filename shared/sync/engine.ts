import { newId } from '../ids';
import type { InquiryEvent } from '../inquiry/events';
import type { Clock } from '../time/types';
import { type DataKey, type FileKind, importDataKey, openFile, sealFile } from './fileBox';
import { type FolderEntry, FolderError, isFolderError, type ShareFolder } from './folder';
import { decodeHlc, encodeHlc, type HlcStamp } from './hlc';
import { createKeyring, DEFAULT_KDF_ITERATIONS, type KeyringFailure, openKeyring } from './keyring';
import {
  DEVICES_DIR,
  deviceDir,
  isDeviceId,
  keyringPath,
  parseSegmentName,
  parseSnapshotDirName,
  parseSnapshotPartName,
  parseStateName,
  probePath,
  SHARE_FILE,
  SNAPSHOTS_DIR,
  segmentPath,
  snapshotDir,
  snapshotManifestPath,
  snapshotPartPath,
  stateDir,
  statePath,
} from './layout';
import {
  type DeskState,
  decodeDeskState,
  decodeManifest,
  decodePart,
  decodeSegment,
  encodeDeskState,
  encodeManifest,
  encodePart,
  encodeSegment,
  PAYLOAD_VERSION,
  type SnapshotManifest,
} from './payloads';
import { fromUtf8, type SyncPlatform, sha256Hex, toHex, utf8 } from './platform';
import { folderProblem, problems, type SyncProblem } from './problems';
import { encodeShareFile, parseShareFile, SHARE_FORMAT, type ShareInfo } from './share';
import { type QuarantineEntry, type QuarantineReason, receivableStamp, type SyncLocalState, type SyncStore } from './store';

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

export interface SyncDeps {
  folder: ShareFolder;
  store: SyncStore;
  clock: Clock;
  platform: SyncPlatform;
  options?: Partial<SyncOptions>;
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

export type FolderKind = 'empty' | 'share' | 'other';
export interface FolderInspection {
  kind: FolderKind;
  share?: ShareInfo;
  problem?: SyncProblem;
}

export type SetupResult =
  | { ok: true; shareId: string; keyId: number; dataKey: Uint8Array }
  | {
      ok: false;
      code: KeyringFailure | 'share_exists' | 'folder_not_empty' | 'no_share' | 'share_damaged' | 'keyring_missing' | 'folder';
      message: string;
    };

/** Files that operating systems drop into any folder; an otherwise empty folder with them counts as empty. */
const OS_LITTER = new Set(['desktop.ini', 'thumbs.db', '.ds_store']);

const SETUP_MESSAGES: Record<Exclude<Extract<SetupResult, { ok: false }>['code'], 'folder'>, string> = {
  wrong_passphrase: 'That passphrase does not open this share. Check it with a colleague whose desk already syncs, and try again.',
  keyring_damaged:
    "The share's key file (keys/keyring-1.json) is damaged, so no passphrase can open it. Ask IT to restore the keys folder from a backup.",
  keyring_missing: "The share's key file (keys folder) is missing. Ask IT to restore the keys folder from a backup.",
  newer_format: 'A newer version of Liaison Log created this share. Update Liaison Log on this desk, then join.',
  other_share: "The share's key file belongs to another share. Ask IT to restore the keys folder from a backup.",
  share_exists: 'This folder already holds a team share. Join it with the team passphrase instead of creating a new one.',
  folder_not_empty:
    'This folder has other files in it. Choose an empty folder to create a new share, or the folder that holds the team’s SHARE.json to join.',
  no_share:
    'This folder does not hold a team share (there is no SHARE.json). Choose the team’s folder, or create a new share in an empty folder.',
  share_damaged: "The share's SHARE.json file is damaged. Ask IT to restore it from a backup.",
};

const fail = (code: Exclude<Extract<SetupResult, { ok: false }>['code'], 'folder'>): SetupResult => ({
  ok: false,
  code,
  message: SETUP_MESSAGES[code],
});

interface CycleContext {
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
}

/** Thrown inside a cycle to stop it with a blocking problem. */
class StopCycle extends Error {
  constructor(readonly problem: SyncProblem) {
    super(problem.code);
  }
}

export class SyncEngine {
  readonly options: SyncOptions;
  private readonly keys = new Map<number, DataKey>();
  private readonly deskStates = new Map<string, { state: DeskState; readAt: number }>();
  private readonly gaps = new Map<string, { seq: number; since: number }>();
  private lastHeartbeatAt = 0;
  private lastStatesReadAt = 0;
  private lastRetryAt = 0;
  private skew: number | null = null;
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
  };
  private readonly listeners = new Set<(s: SyncStatus) => void>();

  constructor(private readonly deps: SyncDeps) {
    const given = Object.entries(deps.options ?? {}).filter(([, v]) => v !== undefined);
    this.options = { ...DEFAULT_SYNC_OPTIONS, ...Object.fromEntries(given) };
  }

  get status(): SyncStatus {
    return this.statusValue;
  }

  onStatus(listener: (s: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get unlocked(): boolean {
    return this.keys.size > 0;
  }

  // ---------------------------------------------------------------- setting up

  /** What the chosen folder holds: nothing yet, a share, or something else. */
  async inspect(): Promise<FolderInspection> {
    const { folder } = this.deps;
    try {
      const root = (await folder.list('')) ?? [];
      const shareBytes = root.some((e) => e.name === SHARE_FILE) ? await folder.read(SHARE_FILE) : null;
      if (shareBytes) {
        const parsed = parseShareFile(shareBytes);
        if (parsed.ok) return { kind: 'share', share: parsed.share };
        if (parsed.reason === 'newer_format') return { kind: 'share', problem: problems.newerFormat(parsed.format) };
        return { kind: 'share', problem: problems.shareDamaged() };
      }
      return { kind: root.every((e) => OS_LITTER.has(e.name.toLowerCase())) ? 'empty' : 'other' };
    } catch (e) {
      if (isFolderError(e)) return { kind: 'other', problem: folderProblem(e.code) };
      throw e;
    }
  }

  /** Creates a new share in an empty folder, with this desk as its first member. */
  async createShare(passphrase: string): Promise<SetupResult> {
    const { folder, platform, clock } = this.deps;
    try {
      const inspection = await this.inspect();
      if (inspection.problem) return { ok: false, code: 'folder', message: inspection.problem.message };
      if (inspection.kind === 'share') return fail('share_exists');
      if (inspection.kind === 'other') return fail('folder_not_empty');
      const now = clock.now();
      const shareId = newId(now);
      const keyId = 1;
      const { file, dataKey } = await createKeyring(platform, passphrase, shareId, keyId, this.options.kdfIterations);
      // The keyring first: SHARE.json appears only once the share is complete. A desk creating a
      // share here at the same moment finds the keyring taken and is told to join instead.
      await folder.writeNew(keyringPath(keyId), utf8(`${JSON.stringify(file, null, 2)}\n`));
      await folder.writeNew(SHARE_FILE, encodeShareFile({ app: 'Liaison Log', format: SHARE_FORMAT, shareId, keyId, createdAt: now }));
      await this.pin(shareId, keyId, dataKey);
      return { ok: true, shareId, keyId, dataKey };
    } catch (e) {
      if (isFolderError(e) && e.code === 'exists') return fail('share_exists');
      if (isFolderError(e)) return { ok: false, code: 'folder', message: folderProblem(e.code).message };
      throw e;
    }
  }

  /** Joins the share in the chosen folder with the team passphrase. */
  async joinShare(passphrase: string): Promise<SetupResult> {
    const { folder, platform } = this.deps;
    try {
      const bytes = await folder.read(SHARE_FILE);
      if (!bytes) return fail('no_share');
      const parsed = parseShareFile(bytes);
      if (!parsed.ok) return fail(parsed.reason === 'newer_format' ? 'newer_format' : 'share_damaged');
      const { shareId, keyId } = parsed.share;
      const ring = await folder.read(keyringPath(keyId));
      if (!ring) return fail('keyring_missing');
      let text: string;
      try {
        text = fromUtf8(ring);
      } catch {
        return fail('keyring_damaged');
      }
      const opened = await openKeyring(platform, text, passphrase, shareId);
      if (!opened.ok) return fail(opened.reason);
      await this.pin(shareId, opened.keyId, opened.dataKey);
      return { ok: true, shareId, keyId: opened.keyId, dataKey: opened.dataKey };
    } catch (e) {
      if (isFolderError(e)) return { ok: false, code: 'folder', message: folderProblem(e.code).message };
      throw e;
    }
  }

  /** Resumes with a data key remembered on this desk (the desktop keeps it with the OS's safeStorage). */
  async unlock(keyId: number, raw: Uint8Array): Promise<void> {
    this.keys.set(keyId, await importDataKey(this.deps.platform, keyId, raw));
    await this.refreshStatus();
  }

  /** Forgets the key in memory (sync stops until unlocked again). */
  lock(): void {
    this.keys.clear();
  }

  /**
   * Leaves the share: unpins it and forgets the key. Local data stays; this desk's own events
   * go back in the outbox so a share joined later receives all of them.
   */
  async leave(): Promise<void> {
    const { store } = this.deps;
    await store.withLock(async () => {
      const state = await store.loadState();
      await store.requeue('' as HlcStamp, '\uffff' as HlcStamp);
      await store.saveState({ ...freshShareState(state), shareId: null, keyId: null });
    });
    this.keys.clear();
    this.deskStates.clear();
    await this.refreshStatus();
  }

  /** Forgets which desks were seen, after a person confirmed that a desk's files were removed on purpose. */
  async acceptFolderAsIs(): Promise<void> {
    const { store } = this.deps;
    await store.withLock(async () => {
      const state = await store.loadState();
      await store.saveState({ ...state, knownDesks: [] });
    });
  }

  private async pin(shareId: string, keyId: number, raw: Uint8Array): Promise<void> {
    const { store } = this.deps;
    await store.withLock(async () => {
      const state = await store.loadState();
      if (state.shareId === shareId) {
        await store.saveState({ ...state, keyId });
        return;
      }
      // A different share than before: start its bookkeeping afresh and publish all of this desk's work to it.
      if (state.shareId !== null) await store.requeue('' as HlcStamp, '\uffff' as HlcStamp);
      await store.saveState({ ...freshShareState(state), shareId, keyId });
    });
    this.keys.clear();
    this.deskStates.clear();
    await this.unlock(keyId, raw);
  }

  // ---------------------------------------------------------------- the cycle

  /** One sync cycle. `force` (a person pressed "Sync now") also re-reads heartbeats and retries set-aside files. */
  async syncOnce(opts: { force?: boolean } = {}): Promise<CycleReport> {
    const report = await this.deps.store.withLock(() => this.cycle(opts.force ?? false));
    return report ?? { ran: false, ok: true, published: 0, received: 0, inquiryIds: [], problems: [] };
  }

  private async cycle(force: boolean): Promise<CycleReport> {
    const { store, clock } = this.deps;
    const state = await store.loadState();
    const ctx: CycleContext = {
      now: clock.now(),
      me: await store.deviceId(),
      state,
      desks: [],
      problems: [],
      published: 0,
      received: 0,
      inquiryIds: new Set(),
      force,
      dirty: false,
      shareCreatedAt: 0,
    };
    if (state.shareId === null) return this.finish(ctx, 'not_set_up');
    if (!state.keyId || !this.keys.has(state.keyId)) {
      ctx.problems.push(problems.locked());
      return this.finish(ctx, 'locked');
    }
    this.setStatus({ ...this.statusValue, phase: 'syncing' });
    try {
      await this.checkShare(ctx);
      await this.publish(ctx);
      await this.bootstrap(ctx);
      for (const desk of ctx.desks) if (desk !== ctx.me) await this.ingestDesk(ctx, desk);
      await this.retryQuarantine(ctx);
      await this.readDeskStates(ctx);
      await this.republishRequested(ctx);
      await this.heartbeat(ctx);
      await this.maintain(ctx, false);
    } catch (e) {
      if (e instanceof StopCycle) ctx.problems.push(e.problem);
      else if (isFolderError(e)) ctx.problems.push(folderProblem(e.code));
      else ctx.problems.push(problems.internal(e instanceof Error ? e.name : 'unknown'));
    }
    return this.finish(ctx, null);
  }

  private async finish(ctx: CycleContext, phase: SyncPhase | null): Promise<CycleReport> {
    const { store } = this.deps;
    const blocking = ctx.problems.some((p) => p.blocking);
    if (phase === null && !blocking) ctx.state.lastSuccessAt = ctx.now;
    if (ctx.state.shareId !== null) await store.saveState(ctx.state);
    const quarantined = ctx.state.quarantine;
    const all = [...ctx.problems];
    const files = quarantined.filter((q) => q.kind === 'file' && q.reason !== 'newer_format');
    if (files.length > 0) all.push(problems.quarantined(files, (d) => this.deskCode(d)));
    const newer = quarantined.filter((q) => q.reason === 'newer_format' || q.reason === 'unknown_events');
    if (newer.length > 0) all.push(problems.newerFiles(newer.length));
    if (quarantined.some((q) => q.reason === 'future_events'))
      all.push(problems.heldEvents(quarantined.filter((q) => q.reason === 'future_events').length));
    const unique = all.filter((p, i) => all.findIndex((q) => q.code === p.code && q.message === p.message) === i);
    const finalPhase: SyncPhase = phase ?? (unique.length > 0 ? 'problem' : 'idle');
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
    const { store } = this.deps;
    const state = await store.loadState();
    const me = await store.deviceId();
    const mine = await store.deskLabel();
    const desks: DeskSeen[] = [
      { deviceId: me, deskCode: mine.deskCode, label: mine.label, lastHeartbeat: this.lastHeartbeatAt || null, you: true },
    ];
    for (const id of state.knownDesks) {
      if (id === me) continue;
      const seen = this.deskStates.get(id)?.state;
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
      clockSkewMs: this.skew,
    });
  }

  private setStatus(s: SyncStatus): void {
    this.statusValue = s;
    for (const l of this.listeners) l(s);
  }

  private deskCode(deviceId: string): string {
    return this.deskStates.get(deviceId)?.state.deskCode || deviceId.slice(0, 5);
  }

  // ---------------------------------------------------------------- steps

  /** The folder must still be this share, complete, in a format this version reads. */
  private async checkShare(ctx: CycleContext): Promise<void> {
    const { folder } = this.deps;
    const bytes = await folder.read(SHARE_FILE);
    if (!bytes) throw new StopCycle(problems.shareMissing());
    const parsed = parseShareFile(bytes);
    if (!parsed.ok) throw new StopCycle(parsed.reason === 'newer_format' ? problems.newerFormat(parsed.format) : problems.shareDamaged());
    if (parsed.share.shareId !== ctx.state.shareId) throw new StopCycle(problems.shareMismatch());
    ctx.shareCreatedAt = parsed.share.createdAt;
    const listed = await folder.list(DEVICES_DIR);
    const desks = (listed ?? []).filter((e) => e.kind === 'dir' && isDeviceId(e.name)).map((e) => e.name);
    const everSynced = ctx.state.knownDesks.length > 0 || ctx.state.nextSeq > 1;
    if (desks.length === 0 && everSynced) throw new StopCycle(problems.listingEmpty());
    const present = new Set(desks);
    const gone = ctx.state.knownDesks.filter((d) => !present.has(d));
    if (gone.length > 0) throw new StopCycle(problems.listingShrank(gone.map((d) => this.deskCode(d))));
    ctx.desks = desks.sort();
    const known = new Set(ctx.state.knownDesks);
    for (const d of desks) known.add(d);
    ctx.state.knownDesks = [...known].sort();
  }

  private noteOwnFolder(ctx: CycleContext): void {
    if (!ctx.state.knownDesks.includes(ctx.me)) ctx.state.knownDesks = [...ctx.state.knownDesks, ctx.me].sort();
  }

  /** Measures this desk's clock against the share's (a fresh file's modification time). */
  private async probeClock(ctx: CycleContext): Promise<number> {
    const { folder, clock, platform } = this.deps;
    const before = clock.now();
    const mtime = await folder.probe(probePath(ctx.me, toHex(platform.randomBytes(8))));
    const after = clock.now();
    this.skew = Math.round((before + after) / 2 - mtime);
    return this.skew;
  }

  /** Outbox → new segment files, each verified on the share before its events count as published. */
  private async publish(ctx: CycleContext): Promise<void> {
    const { store, folder, platform } = this.deps;
    if ((await store.pendingCount()) === 0) return;
    const skew = await this.probeClock(ctx);
    if (Math.abs(skew) > this.options.maxClockSkewMs) {
      ctx.problems.push(problems.clockOff(skew));
      return;
    }
    // Work recorded while the clock was wrong carries stamps far ahead; nobody has seen it yet, so re-stamp it now.
    const local = await store.localClock();
    if (local && local.wall > ctx.now + this.options.maxClockSkewMs)
      await store.restampFuture(ctx.now + this.options.maxClockSkewMs, ctx.now);
    const dataKey = this.currentKey(ctx);
    for (let written = 0; written < this.options.maxSegmentsPerCycle; written++) {
      const events = await store.outboxBatch(this.options.segmentEvents);
      if (events.length === 0) return;
      const seq = ctx.state.nextSeq;
      const path = segmentPath(ctx.me, seq);
      const bytes = await sealFile(platform, dataKey, 'segment', path, await encodeSegment(platform, ctx.me, seq, events));
      try {
        await folder.writeNew(path, bytes);
      } catch (e) {
        if (isFolderError(e) && e.code === 'exists') {
          // The number is taken (a restored database, or this desk's files from before): move past it.
          ctx.state.nextSeq = Math.max(seq + 1, (await this.highestOwnSegment(ctx)) + 1);
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
      this.noteOwnFolder(ctx);
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

  private async highestOwnSegment(ctx: CycleContext): Promise<number> {
    const entries = (await this.deps.folder.list(deviceDir(ctx.me))) ?? [];
    return Math.max(0, ...entries.map((e) => parseSegmentName(e.name) ?? 0));
  }

  private currentKey(ctx: CycleContext): DataKey {
    const key = ctx.state.keyId === null ? undefined : this.keys.get(ctx.state.keyId);
    if (!key) throw new StopCycle(problems.locked());
    return key;
  }

  private async open(kind: FileKind, path: string, bytes: Uint8Array) {
    return openFile(this.deps.platform, this.keys, kind, path, bytes);
  }

  /** Reads and checks one segment: its events, or why it cannot be used. */
  private async readSegment(
    device: string,
    seq: number,
    bytes: Uint8Array,
  ): Promise<{ ok: true; events: InquiryEvent[]; rejected: number } | { ok: false; reason: QuarantineReason }> {
    const path = segmentPath(device, seq);
    const opened = await this.open('segment', path, bytes);
    if (!opened.ok) return { ok: false, reason: opened.reason };
    const decoded = await decodeSegment(this.deps.platform, opened.plaintext, device, seq);
    if (!decoded.ok) return { ok: false, reason: decoded.reason };
    return { ok: true, events: decoded.value.events, rejected: decoded.value.rejected };
  }

  /** Applies events: those dated beyond the future limit are returned as held back, never applied. */
  private async apply(ctx: CycleContext, events: readonly InquiryEvent[]): Promise<{ held: number }> {
    const limit = ctx.now + this.options.futureLimitMs;
    const accepted = events.filter((e) => (decodeHlc(e.hlc)?.wall ?? 0) <= limit);
    const receive = receivableStamp(
      accepted.map((e) => e.hlc),
      ctx.now,
      this.options.maxClockSkewMs,
    );
    const r = await this.deps.store.ingest(accepted, ctx.state, receive, ctx.now);
    ctx.received += r.added;
    for (const id of r.inquiryIds) ctx.inquiryIds.add(id);
    return { held: events.length - accepted.length };
  }

  private quarantine(ctx: CycleContext, entry: Omit<QuarantineEntry, 'since' | 'lastTry' | 'tries'>): void {
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
  private async ingestDesk(ctx: CycleContext, device: string): Promise<void> {
    const { folder, store } = this.deps;
    for (let reads = 0; reads < this.options.maxReadsPerDesk; reads++) {
      const next = (ctx.state.cursors[device] ?? 0) + 1;
      const bytes = await folder.read(segmentPath(device, next));
      if (!bytes) {
        if (!(await this.handleGap(ctx, device, next))) return;
        continue;
      }
      this.gaps.delete(device);
      const r = await this.readSegment(device, next, bytes);
      ctx.state.cursors[device] = next;
      ctx.dirty = true;
      if (!r.ok) {
        this.quarantine(ctx, { device, seq: next, kind: 'file', reason: r.reason });
        await store.saveState(ctx.state);
        continue;
      }
      const { held } = await this.apply(ctx, r.events);
      if (held > 0 || r.rejected > 0)
        this.quarantine(ctx, { device, seq: next, kind: 'partial', reason: held > 0 ? 'future_events' : 'unknown_events' });
      if (held > 0 || r.rejected > 0) await store.saveState(ctx.state);
    }
  }

  /**
   * The next segment of a desk is not there. Usually it is simply not written yet (or the
   * folder's listing lags): wait. If the desk has cleaned it up, catch up from a snapshot; if it
   * went missing while later ones exist, set it aside after a grace period (its writer
   * republishes it). Returns true when the cursor moved and reading can go on.
   */
  private async handleGap(ctx: CycleContext, device: string, missing: number): Promise<boolean> {
    const known = await this.deskState(ctx, device);
    if (!known || known.lastSeq < missing) return false;
    if (known.oldestSeq > missing) {
      const caught = await this.catchUp(ctx, { [device]: known.oldestSeq - 1 });
      if (!caught) ctx.problems.push(problems.historyMissing(this.deskCode(device)));
      return caught;
    }
    const gap = this.gaps.get(device);
    if (!gap || gap.seq !== missing) {
      this.gaps.set(device, { seq: missing, since: ctx.now });
      return false;
    }
    if (ctx.now - gap.since < this.options.missingGraceMs) return false;
    this.gaps.delete(device);
    ctx.state.cursors[device] = missing;
    this.quarantine(ctx, { device, seq: missing, kind: 'file', reason: 'missing' });
    await this.deps.store.saveState(ctx.state);
    return true;
  }

  /** Retries set-aside files now and then: a file that reappears, or a newer app version, makes them readable. */
  private async retryQuarantine(ctx: CycleContext): Promise<void> {
    if (ctx.state.quarantine.length === 0) return;
    if (!ctx.force && ctx.now - this.lastRetryAt < this.options.quarantineRetryMs) return;
    this.lastRetryAt = ctx.now;
    for (const entry of [...ctx.state.quarantine]) {
      const bytes = await this.deps.folder.read(segmentPath(entry.device, entry.seq));
      entry.lastTry = ctx.now;
      entry.tries += 1;
      if (!bytes) continue;
      const r = await this.readSegment(entry.device, entry.seq, bytes);
      if (!r.ok) {
        entry.reason = r.reason;
        continue;
      }
      const { held } = await this.apply(ctx, r.events);
      if (held === 0 && r.rejected === 0) {
        ctx.state.quarantine = ctx.state.quarantine.filter((q) => q !== entry);
        ctx.dirty = true;
      } else {
        entry.kind = 'partial';
        entry.reason = held > 0 ? 'future_events' : 'unknown_events';
      }
    }
    await this.deps.store.saveState(ctx.state);
  }

  // ---------------------------------------------------------------- heartbeats

  /** The newest heartbeat of a desk, read now if the one held is stale. */
  private async deskState(ctx: CycleContext, device: string): Promise<DeskState | null> {
    const held = this.deskStates.get(device);
    if (held && ctx.now - held.readAt < this.options.deskStatesEveryMs) return held.state;
    return this.readDeskState(ctx, device);
  }

  private async readDeskState(ctx: CycleContext, device: string): Promise<DeskState | null> {
    const { folder, platform } = this.deps;
    const entries = (await folder.list(stateDir(device))) ?? [];
    const numbers = entries
      .map((e) => parseStateName(e.name))
      .filter((n): n is number => n !== null)
      .sort((a, b) => b - a);
    for (const n of numbers.slice(0, 3)) {
      const path = statePath(device, n);
      const bytes = await folder.read(path);
      if (!bytes) continue;
      const opened = await this.open('state', path, bytes);
      if (!opened.ok) continue;
      const decoded = await decodeDeskState(platform, opened.plaintext);
      if (!decoded.ok || decoded.value.device !== device) continue;
      this.deskStates.set(device, { state: decoded.value, readAt: ctx.now });
      return decoded.value;
    }
    const held = this.deskStates.get(device);
    return held?.state ?? null;
  }

  private async readDeskStates(ctx: CycleContext): Promise<void> {
    if (!ctx.force && ctx.now - this.lastStatesReadAt < this.options.deskStatesEveryMs) return;
    this.lastStatesReadAt = ctx.now;
    for (const d of ctx.desks) if (d !== ctx.me) await this.readDeskState(ctx, d);
  }

  /** Per desk, the highest segment applied together with every earlier one (set-aside files excluded). */
  private readThrough(state: SyncLocalState): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [d, c] of Object.entries(state.cursors)) {
      // Held-back events count as unread too: a snapshot must not claim them, nor their writer clean them up.
      const holes = state.quarantine.filter((q) => q.device === d).map((q) => q.seq - 1);
      out[d] = Math.min(c, ...holes);
    }
    return out;
  }

  private async heartbeat(ctx: CycleContext): Promise<void> {
    const { folder, platform, store } = this.deps;
    const due = ctx.now - this.lastHeartbeatAt >= this.options.heartbeatEveryMs;
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
      readThrough: this.readThrough(ctx.state),
      quarantined: ctx.state.quarantine.filter((q) => q.kind === 'file').map((q) => ({ device: q.device, seq: q.seq })),
      republished: ctx.state.republished.slice(-1000),
    };
    const key = this.currentKey(ctx);
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
      this.lastHeartbeatAt = ctx.now;
      await store.saveState(ctx.state);
      // Older heartbeats of this desk are of no use to anyone.
      for (const old of (await folder.list(stateDir(ctx.me))) ?? []) {
        const m = parseStateName(old.name);
        if (m !== null && m < n) await folder.remove(statePath(ctx.me, m));
      }
      return;
    }
  }

  /**
   * Other desks could not read one of this desk's segments: publish its events again (or, for a
   * file this desk never wrote, a stray copy, just say so), and acknowledge it in the heartbeat.
   * Set-aside files of other desks that their writer has dealt with, and that this desk has
   * read past, are done with.
   */
  private async republishRequested(ctx: CycleContext): Promise<void> {
    const { store } = this.deps;
    let requeued = false;
    for (const d of ctx.desks) {
      if (d === ctx.me) continue;
      const seen = this.deskStates.get(d)?.state;
      for (const q of seen?.quarantined ?? []) {
        if (q.device !== ctx.me || ctx.state.republished.includes(q.seq) || q.seq < ctx.state.oldestSeq) continue;
        const segment = ctx.state.published.find((p) => p.seq === q.seq);
        if (segment) requeued = (await store.requeue(segment.first, segment.last)) > 0 || requeued;
        ctx.state.republished.push(q.seq);
        ctx.dirty = true;
        await store.saveState(ctx.state);
      }
    }
    if (requeued) await this.publish(ctx);
    const before = ctx.state.quarantine.length;
    ctx.state.quarantine = ctx.state.quarantine.filter((q) => {
      const writer = this.deskStates.get(q.device)?.state;
      const dealtWith = q.kind === 'file' && writer?.republished.includes(q.seq) && (ctx.state.cursors[q.device] ?? 0) >= writer.lastSeq;
      return !dealtWith;
    });
    if (ctx.state.quarantine.length !== before) ctx.dirty = true;
  }

  // ---------------------------------------------------------------- snapshots and clean-up

  /** Snapshots and clean-up, at most once per maintenance period (or when forced, in tests and by the bench). */
  async maintainNow(): Promise<CycleReport> {
    const report = await this.deps.store.withLock(async () => {
      const { store, clock } = this.deps;
      const ctx: CycleContext = {
        now: clock.now(),
        me: await store.deviceId(),
        state: await store.loadState(),
        desks: [],
        problems: [],
        published: 0,
        received: 0,
        inquiryIds: new Set(),
        force: true,
        dirty: false,
        shareCreatedAt: 0,
      };
      if (ctx.state.shareId === null || !this.unlocked) return this.finish(ctx, ctx.state.shareId === null ? 'not_set_up' : 'locked');
      try {
        await this.checkShare(ctx);
        await this.readDeskStates(ctx);
        await this.maintain(ctx, true);
        await this.heartbeat(ctx);
      } catch (e) {
        if (e instanceof StopCycle) ctx.problems.push(e.problem);
        else if (isFolderError(e)) ctx.problems.push(folderProblem(e.code));
        else throw e;
      }
      return this.finish(ctx, null);
    });
    return report ?? { ran: false, ok: true, published: 0, received: 0, inquiryIds: [], problems: [] };
  }

  private async maintain(ctx: CycleContext, force: boolean): Promise<void> {
    if (ctx.problems.some((p) => p.blocking)) return;
    const last = ctx.state.lastCleanupAt ?? 0;
    if (!force && ctx.now - last < this.options.maintenanceEveryMs) return;
    ctx.state.lastCleanupAt = ctx.now;
    const snapshots = await this.listSnapshots();
    const newest = snapshots.find((s) => s.manifest !== null);
    if (force || this.snapshotDue(ctx, newest?.manifest ?? null)) await this.writeSnapshot(ctx);
    await this.cleanUp(ctx);
    await this.deps.store.saveState(ctx.state);
  }

  /**
   * A snapshot is due once the newest is older than the interval (or there is none and the share
   * is that old). One desk takes the turn, the lowest id among those heard from in the last day;
   * if it has not within twice the interval, any desk does. Two at once do no harm.
   */
  private snapshotDue(ctx: CycleContext, newest: SnapshotManifest | null): boolean {
    const every = this.options.snapshotEveryMs;
    const age = newest ? ctx.now - newest.at : ctx.now - ctx.shareCreatedAt;
    if (age < every) return false;
    if (age >= 2 * every) return true;
    const recent = [...new Set([...ctx.desks, ctx.me])].filter(
      (d) => d === ctx.me || (this.deskStates.get(d)?.state.at ?? 0) >= ctx.now - 86_400_000,
    );
    return recent.sort()[0] === ctx.me;
  }

  /** The snapshots on the share, newest first, each with its manifest when it is complete and readable. */
  private async listSnapshots(): Promise<Array<{ stamp: string; manifest: SnapshotManifest | null }>> {
    const entries = (await this.deps.folder.list(SNAPSHOTS_DIR)) ?? [];
    const stamps = entries
      .filter((e) => e.kind === 'dir')
      .map((e) => parseSnapshotDirName(e.name))
      .filter((s): s is string => s !== null)
      .sort()
      .reverse();
    const out: Array<{ stamp: string; manifest: SnapshotManifest | null }> = [];
    for (const stamp of stamps) out.push({ stamp, manifest: await this.readManifest(stamp) });
    return out;
  }

  private async readManifest(stamp: string): Promise<SnapshotManifest | null> {
    const path = snapshotManifestPath(stamp);
    const bytes = await this.deps.folder.read(path);
    if (!bytes) return null;
    const opened = await this.open('snapshotManifest', path, bytes);
    if (!opened.ok) return null;
    const decoded = await decodeManifest(this.deps.platform, opened.plaintext);
    return decoded.ok && decoded.value.stamp === stamp ? decoded.value : null;
  }

  /** Writes every event this desk holds, in parts, then the manifest that makes the snapshot complete. */
  private async writeSnapshot(ctx: CycleContext): Promise<void> {
    const { folder, platform, store } = this.deps;
    const key = this.currentKey(ctx);
    const stamp = encodeHlc({ wall: ctx.now, counter: 0, deviceId: ctx.me });
    const frontier = { ...this.readThrough(ctx.state), [ctx.me]: ctx.state.nextSeq - 1 };
    const digests: string[] = [];
    let after: string | null = null;
    let count = 0;
    for (let n = 1; ; n++) {
      const events = await store.eventsPage(after, this.options.snapshotPartEvents);
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

  /** A new desk starts from the newest snapshot instead of replaying every segment. */
  private async bootstrap(ctx: CycleContext): Promise<void> {
    if (Object.keys(ctx.state.cursors).length > 0 || ctx.desks.every((d) => d === ctx.me)) return;
    await this.catchUp(ctx, {});
    // Started: desks without a cursor now are new ones, read from their first segment.
    for (const d of ctx.desks) if (d !== ctx.me) ctx.state.cursors[d] ??= 0;
  }

  /**
   * Applies the newest complete snapshot that covers `needs` (desk → segment) and moves the
   * cursors to its frontier. A damaged snapshot is skipped for an older one. True when one was applied.
   */
  private async catchUp(ctx: CycleContext, needs: Record<string, number>): Promise<boolean> {
    const { folder, platform } = this.deps;
    for (const { stamp, manifest } of await this.listSnapshots()) {
      if (!manifest) continue;
      if (Object.entries(needs).some(([d, s]) => (manifest.frontier[d] ?? 0) < s)) continue;
      if (Object.entries(manifest.frontier).every(([d, s]) => d === ctx.me || (ctx.state.cursors[d] ?? 0) >= s)) {
        if (Object.keys(needs).length === 0) return false; // nothing to gain
      }
      // Part by part, so a large snapshot never sits whole in memory. Events of a snapshot found
      // damaged half-way are still genuine (each part is authenticated) and stay applied.
      let good = true;
      for (let n = 1; n <= manifest.parts && good; n++) {
        const path = snapshotPartPath(stamp, n);
        const bytes = await folder.read(path);
        const opened =
          bytes && (await sha256Hex(platform, bytes)) === manifest.partDigests[n - 1] ? await this.open('snapshotPart', path, bytes) : null;
        const decoded = opened?.ok ? await decodePart(platform, opened.plaintext, n) : null;
        if (decoded?.ok) await this.apply(ctx, decoded.value.events);
        else good = false;
      }
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
      ctx.dirty = true;
      await this.deps.store.ingest([], ctx.state, null, ctx.now);
      return true;
    }
    return false;
  }

  /**
   * Removes this desk's own segments once a snapshot covers them, every desk heard from within
   * the retention period has read them, and they are older than the retention period; and its
   * own snapshots made obsolete by its newer one. Never anything of another desk's.
   */
  private async cleanUp(ctx: CycleContext): Promise<void> {
    const { folder } = this.deps;
    const snapshots = await this.listSnapshots();
    const covered = Math.max(0, ...snapshots.map((s) => s.manifest?.frontier[ctx.me] ?? 0));
    let readByAll = Number.POSITIVE_INFINITY;
    for (const d of ctx.desks) {
      if (d === ctx.me) continue;
      const seen = await this.readDeskState(ctx, d);
      if (seen && seen.at < ctx.now - this.options.retentionMs) continue; // away longer than retention: it will use a snapshot
      readByAll = Math.min(readByAll, seen?.readThrough[ctx.me] ?? 0);
    }
    const limit = Math.min(covered, readByAll);
    const removable = ctx.state.published
      .filter((p) => p.seq <= limit && p.at <= ctx.now - this.options.retentionMs)
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
      const abandoned = !s.manifest && stampWall < ctx.now - this.options.maintenanceEveryMs;
      if (superseded || abandoned) await this.removeSnapshot(s.stamp);
    }
  }

  private async removeSnapshot(stamp: string): Promise<void> {
    const { folder } = this.deps;
    // The manifest first: from that moment nobody takes the snapshot as complete.
    await folder.remove(snapshotManifestPath(stamp));
    const entries: FolderEntry[] = (await folder.list(snapshotDir(stamp))) ?? [];
    for (const e of entries) {
      const n = parseSnapshotPartName(e.name);
      if (n !== null) await folder.remove(snapshotPartPath(stamp, n));
    }
    await folder.remove(snapshotDir(stamp));
  }
}

function freshShareState(state: SyncLocalState): SyncLocalState {
  return {
    ...state,
    nextSeq: 1,
    oldestSeq: 1,
    stateSeq: 1,
    cursors: {},
    knownDesks: [],
    quarantine: [],
    published: [],
    republished: [],
    lastSuccessAt: null,
    lastSnapshotAt: null,
    lastCleanupAt: null,
  };
}

export { FolderError };
