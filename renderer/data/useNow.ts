import { useEffect, useMemo, useState } from 'react';
import { type QueueTime, queueTimeAt } from '../../shared/log/logQuery';
import type { Instant, TimeZone } from '../../shared/time/types';
import { useServices } from './hooks';

/** The app clock's time, re-read every `everyMs` (default 30 s), so due states turn without a reload. */
export function useNow(everyMs = 30_000): Instant {
  const { clock } = useServices();
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(clock.now()), everyMs);
    return () => clearInterval(timer);
  }, [clock, everyMs]);
  return now;
}

/** The queue time (now and the end of the agency's day), re-read with the clock. */
export function useQueueTime(zone: TimeZone): QueueTime {
  const now = useNow();
  return useMemo(() => queueTimeAt(now, zone), [now, zone]);
}
