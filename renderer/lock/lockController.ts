import { DomainError } from '../../shared/errors';
/**
 * Whether the desk is locked, when it was last used, and how many wrong PINs were typed. Kept in
 * localStorage (per database) so it is known synchronously before the first paint and survives a
 * reload: closing or reloading the app never gets past the lock, and an app opened after the idle
 * time starts locked. Holds no member data.
 */
export const DEFAULT_IDLE_MINUTES = 10;
export const IDLE_CHOICES = [1, 2, 5, 10, 15, 30, 60] as const;
export const FAILURES_BEFORE_WAIT = 5;
export const WAIT_MS = 30_000;
/** Activity is written down at most this often. */
const ACTIVITY_WRITE_MS = 5_000;

export interface LockState {
  locked: boolean;
  /** Epoch ms of the last keyboard or pointer activity. */
  lastActiveAt: number;
  /** Wrong PINs since the last unlock. */
  failures: number;
  /** No PIN is checked before this moment (epoch ms), after too many wrong ones. */
  retryAt: number;
  idleMinutes: number;
}

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type UnlockResult =
  | { ok: true }
  | { ok: false; reason: 'wrong'; triesLeft: number; retryAt: number }
  | { ok: false; reason: 'wait'; retryAt: number };

export class LockController {
  private state: LockState;
  private readonly listeners = new Set<() => void>();
  private lastWrite = 0;

  constructor(
    private readonly key: string,
    private readonly storage: KeyValueStorage,
    private readonly now: () => number = Date.now,
  ) {
    const stored = read(storage, key);
    const idleMinutes = stored?.idleMinutes ?? DEFAULT_IDLE_MINUTES;
    const at = now();
    const lastActiveAt = stored?.lastActiveAt ?? at;
    this.state = {
      locked: stored?.locked === true || at - lastActiveAt >= idleMinutes * 60_000,
      lastActiveAt: at,
      failures: stored?.failures ?? 0,
      retryAt: stored?.retryAt ?? 0,
      idleMinutes,
    };
    this.write();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LockState => this.state;

  lock(): void {
    if (this.state.locked) return;
    this.set({ locked: true });
  }

  /** Keyboard or pointer activity: postpones the idle lock. */
  activity(): void {
    if (this.state.locked) return;
    const at = this.now();
    this.state = { ...this.state, lastActiveAt: at };
    if (at - this.lastWrite >= ACTIVITY_WRITE_MS) this.write();
  }

  /** Locks when the idle time has passed since the last activity (called on a timer and when the window regains focus). */
  check(): void {
    if (!this.state.locked && this.now() - this.state.lastActiveAt >= this.state.idleMinutes * 60_000) this.lock();
  }

  /** Milliseconds until the idle lock, for scheduling the next check. */
  msUntilIdle(): number {
    return Math.max(0, this.state.lastActiveAt + this.state.idleMinutes * 60_000 - this.now());
  }

  setIdleMinutes(minutes: number): void {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240)
      throw new DomainError('validation', 'The idle time is 1 to 240 minutes.');
    this.set({ idleMinutes: minutes, lastActiveAt: this.now() });
  }

  /** Checks a PIN attempt (`verify` does the slow hash); counts failures and enforces the wait after too many. */
  async unlock(verify: () => Promise<boolean>): Promise<UnlockResult> {
    if (this.now() < this.state.retryAt) return { ok: false, reason: 'wait', retryAt: this.state.retryAt };
    if (await verify()) {
      this.set({ locked: false, failures: 0, retryAt: 0, lastActiveAt: this.now() });
      return { ok: true };
    }
    const failures = this.state.failures + 1;
    const retryAt = failures >= FAILURES_BEFORE_WAIT ? this.now() + WAIT_MS : 0;
    this.set({ failures, retryAt });
    return { ok: false, reason: 'wrong', triesLeft: Math.max(0, FAILURES_BEFORE_WAIT - failures), retryAt };
  }

  /** Another window of the app changed the stored state (the `storage` event). */
  reload(): void {
    const stored = read(this.storage, this.key);
    if (!stored) return;
    this.state = { ...this.state, ...stored, lastActiveAt: Math.max(this.state.lastActiveAt, stored.lastActiveAt ?? 0) };
    this.emit();
  }

  get storageKey(): string {
    return this.key;
  }

  private set(patch: Partial<LockState>): void {
    this.state = { ...this.state, ...patch };
    this.write();
    this.emit();
  }

  private write(): void {
    this.lastWrite = this.now();
    try {
      this.storage.setItem(this.key, JSON.stringify(this.state));
    } catch {
      // Storage full or unavailable: the lock still works for this session.
    }
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }
}

function read(storage: KeyValueStorage, key: string): Partial<LockState> | null {
  try {
    const raw = storage.getItem(key);
    if (!raw) return null;
    const v = JSON.parse(raw) as Record<string, unknown>;
    const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);
    const out: Partial<LockState> = { locked: v.locked === true };
    const lastActiveAt = num(v.lastActiveAt);
    if (lastActiveAt !== undefined) out.lastActiveAt = lastActiveAt;
    const failures = num(v.failures);
    if (failures !== undefined && failures >= 0) out.failures = failures;
    const retryAt = num(v.retryAt);
    if (retryAt !== undefined) out.retryAt = retryAt;
    const idle = num(v.idleMinutes);
    if (idle !== undefined && Number.isInteger(idle) && idle >= 1 && idle <= 240) out.idleMinutes = idle;
    return out;
  } catch {
    // Unreadable state locks: better to ask for the PIN than to show member data.
    return { locked: true };
  }
}

/** A storage that lives in memory (tests, and where localStorage is unavailable). */
export function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}
