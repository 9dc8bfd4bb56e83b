import { type ReactNode, useEffect } from 'react';
import type { Profile } from '../../shared/people';
import { LockScreen } from './LockScreen';
import { useLock, useLockState } from './lockContext';
import type { LockController } from './lockController';
import { PinSetup } from './PinSetup';

/** Keyboard and pointer input that counts as someone at the desk. */
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'] as const;
/** How often the idle time is checked; also catches a desk waking from sleep. */
const CHECK_EVERY_MS = 1000;

/**
 * Shows `children` (the app) only while the desk is unlocked. Locked, the app's content is not
 * rendered at all, so nothing of it stays in the page. A profile without a PIN is asked for one first.
 */
export function LockGate({ profile, children }: { profile: Profile; children: ReactNode }) {
  const lock = useLock();
  const state = useLockState();
  const hasPin = profile.pin !== undefined;
  const watching = lock !== null && hasPin && state?.locked === false;

  useIdleWatch(watching ? lock : null);
  useLockShortcut(lock !== null && hasPin ? lock : null);

  // Another window of the app locked or unlocked: follow it.
  useEffect(() => {
    if (!lock) return;
    const onStorage = (e: StorageEvent) => {
      if (e.key === lock.storageKey) lock.reload();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [lock]);

  if (!lock || !state) return children;
  if (!hasPin) return <PinSetup profile={profile} lock={lock} />;
  if (state.locked) return <LockScreen profile={profile} lock={lock} state={state} />;
  return children;
}

function useIdleWatch(lock: LockController | null): void {
  useEffect(() => {
    if (!lock) return;
    const onActivity = () => lock.activity();
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { capture: true, passive: true });
    const onWake = () => lock.check();
    document.addEventListener('visibilitychange', onWake);
    window.addEventListener('focus', onWake);
    const timer = setInterval(() => lock.check(), CHECK_EVERY_MS);
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
      document.removeEventListener('visibilitychange', onWake);
      window.removeEventListener('focus', onWake);
      clearInterval(timer);
    };
  }, [lock]);
}

/** Ctrl+L (⌘L on a Mac) locks the desk from anywhere. */
function useLockShortcut(lock: LockController | null): void {
  useEffect(() => {
    if (!lock) return;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l') {
        e.preventDefault();
        lock.lock();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [lock]);
}

/** The header's Lock button; nothing where the app runs without a lock. */
export function LockButton({ profile }: { profile: Profile }) {
  const lock = useLock();
  if (!lock || !profile.pin) return null;
  return (
    <button type="button" className="secondary lock-button" onClick={() => lock.lock()} aria-keyshortcuts="Control+L">
      Lock <kbd>Ctrl+L</kbd>
    </button>
  );
}
