import { useCallback, useEffect, useRef, useState } from 'react';

/** How long a save runs before its form says so: a save takes a few milliseconds, a slow disk far longer. */
export const SHOW_PENDING_AFTER_MS = 150;

/**
 * One save at a time from a form. `start` refuses a second save while one runs (a double Ctrl+Enter);
 * `shown` turns true only once the save has run for `SHOW_PENDING_AFTER_MS`. A quick save then never
 * repaints its form ("Saving…", a disabled button) a frame before its result: that frame would be
 * painted while the save waits on it, and seen for a few milliseconds if at all.
 */
export function usePending(showAfterMs = SHOW_PENDING_AFTER_MS): { shown: boolean; start(): boolean; end(): void } {
  const running = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [shown, setShown] = useState(false);
  useEffect(() => () => clearTimeout(timer.current), []);
  const start = useCallback(() => {
    if (running.current) return false;
    running.current = true;
    timer.current = setTimeout(() => setShown(true), showAfterMs);
    return true;
  }, [showAfterMs]);
  const end = useCallback(() => {
    running.current = false;
    clearTimeout(timer.current);
    setShown(false);
  }, []);
  return { shown, start, end };
}
