import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useMemo, useSyncExternalStore } from 'react';
import { type AgencyConfig, DEFAULT_AGENCY_CONFIG } from '../../shared/config/agencyConfig';
import type { InquiryEvent } from '../../shared/inquiry/events';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import type { Profile } from '../../shared/people';
import { EMPTY_ROSTER, type Roster, type RosterPerson } from '../../shared/roster/roster';
import type { Clock } from '../../shared/time/types';
import type { LogSnapshot, LogStore } from './logStore';
import type { DeviceIdentity, KnownPerson, Repo } from './repo';

export interface DataServices {
  repo: Repo;
  logStore: LogStore;
  clock: Clock;
}

export const DataContext = createContext<DataServices | null>(null);

export function useServices(): DataServices {
  const services = useContext(DataContext);
  if (!services) throw new Error('useServices must be used inside <DataContext.Provider>');
  return services;
}

/** `undefined` while loading, `null` when this desk has no active profile yet. */
export function useActiveProfile(): Profile | null | undefined {
  const { repo } = useServices();
  return useLiveQuery(async () => (await repo.activeProfile()) ?? null, [repo]);
}

export function useProfiles(): Profile[] {
  const { repo } = useServices();
  return useLiveQuery(() => repo.profiles(), [repo]) ?? [];
}

const NO_PEOPLE: KnownPerson[] = [];

/** Everyone this desk knows (its profiles and everyone seen in the log), by name: for assigning and callbacks. */
export function usePeople(): KnownPerson[] {
  const { repo } = useServices();
  return useLiveQuery(() => repo.knownPeople(), [repo]) ?? NO_PEOPLE;
}

/** The unit's roster (Settings → People, the assignee pickers); empty while loading. */
export function useRoster(): Roster {
  const { repo } = useServices();
  return useLiveQuery(() => repo.roster(), [repo]) ?? EMPTY_ROSTER;
}

/** Every roster event, oldest first (each person's history); undefined while loading. */
export function useRosterHistory(): InquiryEvent[] | undefined {
  const { repo } = useServices();
  return useLiveQuery(() => repo.rosterHistory(), [repo]);
}

const _NOTHING_OPENED: Record<string, string> = {};

/** The inquiries this person has opened since they were assigned them (by the assignment's stamp). */
/** The inquiries this person has opened (with the assignment stamp seen then); undefined while it is read. */
export function useOpened(profileId: string): Record<string, string> | undefined {
  const { repo } = useServices();
  return useLiveQuery(() => repo.openedBy(profileId), [repo, profileId]);
}

export function useAgencyConfig(): AgencyConfig {
  const { repo } = useServices();
  return useLiveQuery(() => repo.config(), [repo]) ?? DEFAULT_AGENCY_CONFIG;
}

export function useDevice(): DeviceIdentity | undefined {
  const { repo } = useServices();
  return useLiveQuery(() => repo.storedDevice(), [repo]);
}

/**
 * `undefined` while loading, `null` when there is no such inquiry. The inquiry this desk has just
 * stored (a save opening it) shows at once, while the live read starts (Repo.justStored).
 */
export function useInquiry(id: string): InquiryRecord | null | undefined {
  const { repo } = useServices();
  const justStored = useMemo(() => repo.justStored(id), [repo, id]);
  return useLiveQuery(async () => (await repo.inquiry(id)) ?? null, [repo, id], justStored);
}

/** The inquiry's timeline, oldest first (HLC order). */
export function useTimeline(id: string): InquiryEvent[] | undefined {
  const { repo } = useServices();
  return useLiveQuery(() => repo.timeline(id), [repo, id]);
}

export function useLogSnapshot(): LogSnapshot {
  const { logStore } = useServices();
  return useSyncExternalStore(logStore.subscribe, logStore.getSnapshot);
}

/** The roster entry the person at the desk may be, to ask them (rosterLink.ts); null or undefined: nothing to ask. */
export function useRosterLinkOffer(profileId: string): RosterPerson | null | undefined {
  const { repo } = useServices();
  return useLiveQuery(() => repo.rosterLinkOffer(profileId), [repo, profileId]);
}
