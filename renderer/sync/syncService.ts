import type { LiaisonApi } from '../../shared/ipc';
import { type FolderInspection, type SetupResult, SyncEngine, type SyncStatus } from '../../shared/sync/engine';
import { passphraseProblem } from '../../shared/sync/keyring';
import { webPlatform } from '../../shared/sync/platform';
import { problems } from '../../shared/sync/problems';
import type { Clock } from '../../shared/time/types';
import { ChangeFeed } from '../data/changes';
import type { DataServices } from '../data/hooks';
import type { DexieSyncStore } from '../data/syncStore';
import { BridgeFolder } from './bridgeFolder';

/**
 * Sync on this desk: the engine (shared/sync/engine.ts) over the desk's database and the
 * bridge's folder, run every few seconds, when the window regains focus, and on "Sync now".
 * One per database, made on first use; screens read its `SyncView` through `useSync`.
 */

/** How often to sync, in seconds (SYNC.md: every 15–30 s; longer for a slow link). */
export const SYNC_INTERVALS = [15, 30, 60, 300] as const;
export const DEFAULT_INTERVAL = 30;

export interface SyncView {
  /** False in the browser build: it cannot reach a folder. */
  desktop: boolean;
  /** The folder chosen on this desk (a path the person recognises), or null. */
  folder: string | null;
  /** What the chosen folder holds, once looked at (choosing a folder, or set-up not finished). */
  inspection: FolderInspection | null;
  status: SyncStatus;
  intervalSec: number;
  /** A set-up step under way (creating or joining takes a few seconds: the passphrase is stretched). */
  busy: 'choosing' | 'creating' | 'joining' | 'changing' | 'syncing' | 'leaving' | null;
  /** The key could not be kept with the OS's protection: the passphrase is asked at every start. */
  keyNotKept: boolean;
  /** Why: no protection at all, or (Linux) no secret store, only the browser engine's built-in key. */
  keyNotKeptReason: 'no_protection' | 'no_secret_store' | null;
}

export type ActionResult = { ok: true; message: string } | { ok: false; message: string };

export class SyncService {
  readonly engine: SyncEngine;
  private view: SyncView;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private started = false;
  private stopped = false;
  private readonly onFocus = () => {
    const last = this.view.status.lastAttemptAt ?? 0;
    if (this.deps.clock.now() - last > 10_000) void this.runCycle(false).catch(() => undefined);
  };

  constructor(private readonly deps: { store: DexieSyncStore; api: LiaisonApi; clock: Clock; desktop: boolean }) {
    this.engine = new SyncEngine({
      folder: new BridgeFolder(deps.api),
      store: deps.store,
      clock: deps.clock,
      platform: webPlatform(),
      // A newer key (the passphrase was changed here or on another desk) is kept like the first.
      onKey: (shareId, keyId, key) => this.keep(shareId, keyId, key),
    });
    this.view = {
      desktop: deps.desktop,
      folder: null,
      inspection: null,
      status: this.engine.status,
      intervalSec: DEFAULT_INTERVAL,
      busy: null,
      keyNotKept: false,
      keyNotKeptReason: null,
    };
    if (!deps.desktop) this.set({ status: { ...this.engine.status, phase: 'problem', problems: [problems.desktopOnly()] } });
    this.engine.onStatus((status) => this.set({ status: this.deps.desktop ? status : this.view.status }));
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  getSnapshot = (): SyncView => this.view;

  private set(patch: Partial<SyncView>): void {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }

  /** Loads the folder, the remembered key and the interval, and starts the timer. Safe to call more than once. */
  async start(): Promise<void> {
    if (this.started || !this.deps.desktop) return;
    this.started = true;
    const { api, store } = this.deps;
    const { intervalSec } = await store.loadPrefs({ intervalSec: DEFAULT_INTERVAL }, (p) =>
      (SYNC_INTERVALS as readonly number[]).includes(p.intervalSec),
    );
    const { path } = await api.syncFolderInfo();
    this.set({ folder: path, intervalSec });
    const state = await store.loadState();
    if (state.shareId) {
      const key = await api.syncRecallKey({ shareId: state.shareId });
      if (key.found) await this.engine.unlock(key.keyId, key.key);
      else {
        this.engine.lock();
        if (key.reason) this.set({ keyNotKept: true, keyNotKeptReason: key.reason });
      }
      await this.engine.syncOnce().catch(() => undefined); // sets the status (locked, or the first result)
    } else if (path) {
      this.set({ inspection: await this.engine.inspect() });
    }
    if (typeof window !== 'undefined') window.addEventListener('focus', this.onFocus);
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (typeof window !== 'undefined') window.removeEventListener('focus', this.onFocus);
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // A cycle reports its problems in the status; what escapes it (the database closing as the app quits) waits for the next turn.
      void this.runCycle(false)
        .catch(() => undefined)
        .finally(() => this.schedule());
    }, this.view.intervalSec * 1000);
  }

  private async runCycle(force: boolean): Promise<void> {
    if (!this.deps.desktop) return;
    const state = await this.deps.store.loadState();
    if (!state.shareId) return;
    await this.engine.syncOnce({ force });
  }

  /** "Sync now": a full cycle, also re-reading every desk's heartbeat and retrying set-aside files. */
  async syncNow(): Promise<void> {
    if (!this.deps.desktop) return;
    this.set({ busy: 'syncing' });
    try {
      await this.runCycle(true);
    } finally {
      this.set({ busy: null });
      this.schedule();
    }
  }

  /** Opens the native folder picker and looks at what the chosen folder holds. */
  async chooseFolder(): Promise<void> {
    if (!this.deps.desktop) return;
    this.set({ busy: 'choosing' });
    try {
      const { path } = await this.deps.api.syncChooseFolder();
      if (path) this.set({ folder: path, inspection: await this.engine.inspect() });
    } finally {
      this.set({ busy: null });
    }
  }

  async createShare(passphrase: string, confirmation: string): Promise<ActionResult> {
    const problem = passphraseProblem(passphrase, confirmation);
    if (problem) return { ok: false, message: problem };
    return this.setUp(
      'creating',
      () => this.engine.createShare(passphrase),
      'The share is created and this desk is its first member. Tell colleagues the folder and the passphrase (in person, not by e-mail).',
    );
  }

  async joinShare(passphrase: string): Promise<ActionResult> {
    if (passphrase.length === 0) return { ok: false, message: 'Type the team passphrase.' };
    return this.setUp(
      'joining',
      () => this.engine.joinShare(passphrase),
      'This desk has joined the share. Colleagues’ work appears as it arrives; this desk’s work is sent to them.',
    );
  }

  /**
   * Changes the team passphrase (a new data key; old files stay readable). Other desks follow on their
   * next sync, unless `lockOut`: then each is asked for the new passphrase.
   */
  async changePassphrase(passphrase: string, confirmation: string, lockOut: boolean): Promise<ActionResult> {
    const problem = passphraseProblem(passphrase, confirmation);
    if (problem) return { ok: false, message: problem };
    this.set({ busy: 'changing' });
    try {
      const r = await this.engine.changePassphrase(passphrase, lockOut);
      if (!r.ok) return r;
      await this.engine.syncOnce({ force: true });
      return {
        ok: true,
        message: lockOut
          ? 'The passphrase is changed. Every other desk will ask for the new one: tell colleagues in person, not by e-mail.'
          : 'The passphrase is changed. Other desks switch over at their next sync; a desk that has to be set up again needs the new passphrase. Tell colleagues in person, not by e-mail.',
      };
    } finally {
      this.set({ busy: null });
    }
  }

  /** Creating or joining: on success the key is kept on this desk and a first full sync runs. */
  private async setUp(busy: 'creating' | 'joining', run: () => Promise<SetupResult>, done: string): Promise<ActionResult> {
    this.set({ busy });
    try {
      const r = await run();
      if (!r.ok) return { ok: false, message: r.message };
      await this.keep(r.shareId, r.keyId, r.dataKey);
      this.set({ inspection: null });
      await this.engine.syncOnce({ force: true });
      return { ok: true, message: done };
    } finally {
      this.set({ busy: null });
    }
  }

  private async keep(shareId: string, keyId: number, key: Uint8Array): Promise<void> {
    const { stored, reason } = await this.deps.api.syncRememberKey({ shareId, keyId, key });
    this.set({ keyNotKept: !stored, keyNotKeptReason: stored ? null : (reason ?? 'no_protection') });
  }

  async setIntervalSec(intervalSec: number): Promise<void> {
    await this.deps.store.savePrefs({ intervalSec });
    this.set({ intervalSec });
    this.schedule();
  }

  /** Stops syncing on this desk: the share is left as it is; local data stays. */
  async leave(): Promise<void> {
    this.set({ busy: 'leaving' });
    try {
      await this.engine.leave();
      await this.deps.api.syncForget();
      this.set({ folder: null, inspection: null });
    } finally {
      this.set({ busy: null });
    }
  }

  async acceptFolderAsIs(): Promise<void> {
    await this.engine.acceptFolderAsIs();
    await this.syncNow();
  }
}

const services = new WeakMap<object, SyncService>();

/** The sync service of this database if one was made (tests stop it before closing the database). */
export const existingSyncService = (data: DataServices): SyncService | undefined => services.get(data.repo);

/**
 * The sync service of this desk's database (made, and started, on first use). It announces the
 * inquiries it changed on its own ChangeFeed of the same name: the BroadcastChannel carries that
 * to the log's feed in this window and in any other.
 */
export function syncServiceFor(data: DataServices, api: LiaisonApi, desktop: boolean): SyncService {
  const found = services.get(data.repo);
  if (found) return found;
  // The browser build never syncs: no feed (and no BroadcastChannel) for it.
  const changes = desktop ? new ChangeFeed(data.repo.backups.name) : { publish: () => undefined };
  const store = data.repo.syncStore(changes, () => data.repo.device());
  const service = new SyncService({ store, api, clock: data.clock, desktop });
  services.set(data.repo, service);
  void service.start();
  return service;
}
