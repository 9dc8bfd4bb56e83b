import { useLiveQuery } from 'dexie-react-hooks';
import { type AgencyConfig, normaliseAgencyConfig } from '../../shared/config/agencyConfig';
import { CONFIG_KEY, type ConfigHistoryEntry, HISTORY_KEY } from './agencySettings';
import { useServices } from './hooks';

/** The stored configuration, or undefined while it loads (settings forms must not start from the defaults by mistake). */
export function useStoredAgencyConfig(): AgencyConfig | undefined {
  const { repo } = useServices();
  return useLiveQuery(async () => normaliseAgencyConfig((await repo.db.meta.get(CONFIG_KEY))?.value), [repo]);
}

/** Saved configuration changes, newest first; undefined while loading. */
export function useConfigHistory(): ConfigHistoryEntry[] | undefined {
  const { repo } = useServices();
  return useLiveQuery(async () => ((await repo.db.meta.get(HISTORY_KEY))?.value ?? []) as ConfigHistoryEntry[], [repo]);
}
