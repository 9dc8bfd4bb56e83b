import { useSyncExternalStore } from 'react';
import type { SyncStatus } from '../../shared/sync/engine';
import { useBridge } from '../app/bridgeContext';
import { useServices } from '../data/hooks';
import { type SyncService, type SyncView, syncServiceFor } from './syncService';

/** This desk's sync service and what it shows now. */
export function useSync(): { view: SyncView; service: SyncService } {
  const data = useServices();
  const api = useBridge();
  // The desktop's bridge is window.liaison; anything else (the browser build, tests) cannot reach a folder.
  const desktop = typeof window !== 'undefined' && window.liaison !== undefined && (window.liaison as unknown) === api;
  const service = syncServiceFor(data, api, desktop);
  const view = useSyncExternalStore(service.subscribe, service.getSnapshot);
  return { view, service };
}

/** The clock's time, refreshed now and then (for "2 minutes ago"): the app's one `useNow`. */
export { useNow } from '../data/useNow';

/** "just now", "3 minutes ago", "2 hours ago", "4 days ago". */
export function ago(at: number, now: number): string {
  const s = Math.max(0, Math.round((now - at) / 1000));
  if (s < 60) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} minute${m === 1 ? '' : 's'} ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} hour${h === 1 ? '' : 's'} ago`;
  const d = Math.round(h / 24);
  return `${d} days ago`;
}

function catchingUpText(p: NonNullable<SyncStatus['catchingUp']>): string {
  const part = `part ${Math.min(p.done + 1, p.total).toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')}`;
  // A new desk lists the log from the snapshot's rows first; the timelines fill in behind.
  return p.listed ? `Log ready; filling in its history from the snapshot: ${part}` : `Catching up from a snapshot: ${part}`;
}

/** A few words for the state sync is in, for the header and the settings page. */
export function phaseText(status: SyncStatus, desktop: boolean): string {
  if (!desktop) return 'Sync needs the desktop app';
  switch (status.phase) {
    case 'not_set_up':
      return 'Sync is off';
    case 'locked':
      return 'Sync is waiting for the team passphrase';
    case 'syncing':
      return status.catchingUp ? catchingUpText(status.catchingUp) : 'Syncing…';
    case 'problem':
      return status.problems.some((p) => p.blocking) ? 'Sync has stopped' : 'Sync needs attention';
    case 'idle':
      return status.lastSuccessAt === null ? 'Not synced yet' : 'Up to date';
  }
}
