import { useLiveQuery } from 'dexie-react-hooks';
import type { SignOff } from '../../shared/inquiry/chainReport';
import { loadSignOffs, type StoredFinding, storedFindings, verifiedPrefixes } from './chainStore';
import { useServices } from './hooks';

export interface ChainStatus {
  /** Per desk, the last link the background check got to with nothing missing before it. */
  verified: Record<string, { seq: number }>;
  /** Breaks found by sync or the background check since the last full verify. */
  findings: StoredFinding[];
  signOffs: SignOff[];
}

/** What is known of the desks' hash chains without verifying (Settings → Verify the log); undefined while loading. */
export function useChainStatus(): ChainStatus | undefined {
  const { repo } = useServices();
  return useLiveQuery(
    async () => ({
      verified: await verifiedPrefixes(repo.db),
      findings: await storedFindings(repo.db),
      signOffs: await loadSignOffs(repo.db),
    }),
    [repo],
  );
}
