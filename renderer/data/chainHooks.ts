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
  /** Case numbers of the findings' inquiries, by inquiry id (absent: not in this log). */
  cases: Record<string, string>;
}

/** What is known of the desks' hash chains without verifying (Settings → Verify the log); undefined while loading. */
export function useChainStatus(): ChainStatus | undefined {
  const { repo } = useServices();
  return useLiveQuery(async () => {
    const findings = await storedFindings(repo.db);
    const ids = [...new Set(findings.flatMap((f) => [f.event.inquiryId, ...(f.other ? [f.other.inquiryId] : [])]))];
    const rows = await repo.db.inquiries.bulkGet(ids);
    const cases: Record<string, string> = {};
    rows.forEach((r, i) => {
      if (r) cases[ids[i] as string] = r.caseNumber;
    });
    return { verified: await verifiedPrefixes(repo.db), findings, signOffs: await loadSignOffs(repo.db), cases };
  }, [repo]);
}
