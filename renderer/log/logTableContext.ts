import { createContext, useContext } from 'react';
import type { TimeZone } from '../../shared/time/types';

export interface LogTableContextValue {
  zone: TimeZone;
  /** The clock's time the due states are read at (re-read every 30 s). */
  now: number;
  /** "2 h 15 m business time left" for a deadline, at `now` (computed for the rows in view only). */
  timeLeft(deadline: number): string;
  revealed: ReadonlySet<string>;
  toggleReveal(id: string): void;
  /** Assigned to the person at the desk and not opened by them since (marked "New to you"). */
  isNew(row: { id: string; status?: string; assigneeId: string; assignedHlc: string }): boolean;
}

export const LogTableContext = createContext<LogTableContextValue | null>(null);

export function useLogTableContext(): LogTableContextValue {
  const v = useContext(LogTableContext);
  if (!v) throw new Error('log cells must render inside <LogTableContext.Provider>');
  return v;
}

export const useLogNow = (): number => useLogTableContext().now;
export const useLogZone = (): TimeZone => useLogTableContext().zone;
export const useTimeLeft = (): ((deadline: number) => string) => useLogTableContext().timeLeft;
