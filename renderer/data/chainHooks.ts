import { useLiveQuery } from 'dexie-react-hooks';
import type { ChainStatus } from './chainStore';
import { useServices } from './hooks';

export type { ChainStatus } from './chainStore';

/** What is known of the desks' hash chains without verifying (Settings → Verify the log); undefined while loading. */
export function useChainStatus(): ChainStatus | undefined {
  const { repo } = useServices();
  return useLiveQuery(() => repo.chain.status(), [repo]);
}
