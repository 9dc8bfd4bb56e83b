import { useLiveQuery } from 'dexie-react-hooks';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import type { ConfigHistoryEntry } from './agencySettings';
import type { CalendarPresetNotice } from './calendarPreset';
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

/** Whether a configuration was ever stored on this desk (undefined while loading): first-run set-up asks the state when not. */
export function useConfigStored(): boolean | undefined {
  const { repo } = useServices();
  return useLiveQuery(() => repo.configStored(), [repo]);
}

/** The one-time closed-days notice for a desk set up before state presets, or null (undefined while loading). */
export function useCalendarPresetNotice(): CalendarPresetNotice | null | undefined {
  const { repo } = useServices();
  return useLiveQuery(() => repo.calendarPresetNotice(), [repo]);
}
