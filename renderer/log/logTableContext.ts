import { createContext, useContext } from 'react';
import type { NewToYouRow } from '../../shared/log/logRow';
import type { BusinessCalendar } from '../../shared/time/calendar';
import type { Instant, TimeZone } from '../../shared/time/types';

export interface LogTableContextValue {
  zone: TimeZone;
  /** The clock's time the due states are read at (re-read every 30 s). */
  now: Instant;
  /** The business calendar the countdowns count in (computed for the rows in view only). */
  cal: BusinessCalendar;
  revealed: ReadonlySet<string>;
  toggleReveal(id: string): void;
  /** Assigned to the person at the desk and not opened by them since (marked "New to you"). */
  isNew(row: NewToYouRow): boolean;
}

export const LogTableContext = createContext<LogTableContextValue | null>(null);

export function useLogTableContext(): LogTableContextValue {
  const v = useContext(LogTableContext);
  if (!v) throw new Error('log cells must render inside <LogTableContext.Provider>');
  return v;
}

export const useLogNow = (): Instant => useLogTableContext().now;
export const useLogZone = (): TimeZone => useLogTableContext().zone;
export const useLogCalendar = (): BusinessCalendar => useLogTableContext().cal;
