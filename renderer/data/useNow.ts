import { useEffect, useMemo, useState } from 'react';
import { type QueueTime, queueTimeAt } from '../../shared/log/logQuery';
import type { Instant, TimeZone } from '../../shared/time/types';
import { useServices } from './hooks';

/**
 * The app clock's time, re-read every `everyMs` (default 30 s) so due states turn without a reload, and at
 * once whenever `freshWhen` changes (the inquiry on screen, say): a step just recorded at the clock's now
 * must not wait for the next tick to show (a snooze that started after a 30-s-old "now" would look absent).
 */
export function useNow({ freshWhen, everyMs = 30_000 }: { freshWhen?: unknown; everyMs?: number } = {}): Instant {
  const { clock } = useServices();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick and freshWhen are when to read the clock again
  return useMemo(() => clock.now(), [clock, tick, freshWhen]);
}

/** The queue time (now and the end of the agency's day), re-read with the clock. */
export function useQueueTime(zone: TimeZone): QueueTime {
  const now = useNow();
  return useMemo(() => queueTimeAt(now, zone), [now, zone]);
}
