import { useLiveQuery } from 'dexie-react-hooks';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import type { ConfigHistoryEntry } from './agencySettings';
import { useServices } from './hooks';

/** The stored configuration, or undefined while it loads (settings forms must not start from the defaults by mistake). */
export function useStoredAgencyConfig(): AgencyConfig | undefined {
  const { repo } = useServices();
  return useLiveQuery(() => repo.config(), [repo]);
}

/** Saved configuration changes, newest first; undefined while loading. */
export function useConfigHistory(): ConfigHistoryEntry[] | undefined {
  const { repo } = useServices();
  return useLiveQuery(() => repo.configHistory(), [repo]);
}
