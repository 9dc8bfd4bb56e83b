import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LockController, LockState } from './lockController';

/** The desk's lock; null where the app runs without one (component tests of other screens). */
export const LockContext = createContext<LockController | null>(null);

export const useLock = (): LockController | null => useContext(LockContext);

const NO_LOCK = () => () => undefined;
const UNLOCKED: LockState = { locked: false, lastActiveAt: 0, failures: 0, retryAt: 0, idleMinutes: 0 };

export function useLockState(): LockState | null {
  const lock = useLock();
  const state = useSyncExternalStore(lock ? lock.subscribe : NO_LOCK, lock ? lock.getSnapshot : () => UNLOCKED);
  return lock ? state : null;
}
