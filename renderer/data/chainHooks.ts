import { useLiveQuery } from 'dexie-react-hooks';
import type { StoredFinding } from './chainStore';
import type { DeskChainStatus } from './deskServices';
import { useServices } from './hooks';

export type ChainStatus = DeskChainStatus;

/** What is known of the desks' hash chains without verifying (Settings → Verify the log); undefined while loading. */
export function useChainStatus(): ChainStatus | undefined {
  const { repo } = useServices();
  return useLiveQuery(() => repo.chain.status(), [repo]);
}

/** The stored findings (breaks not put right), for the header notice and the timelines; undefined while loading. */
export function useChainFindings(): StoredFinding[] | undefined {
  const { repo } = useServices();
  return useLiveQuery(() => repo.chain.findings(), [repo]);
}

/** The events named by the findings: how many, and what was found about each one of an inquiry. */
export function findingsByEvent(findings: readonly StoredFinding[]): Map<string, StoredFinding[]> {
  const byEvent = new Map<string, StoredFinding[]>();
  for (const f of findings) {
    const list = byEvent.get(f.event.eventId);
    if (list) list.push(f);
    else byEvent.set(f.event.eventId, [f]);
  }
  return byEvent;
}
