import { useLiveQuery } from 'dexie-react-hooks';
import type { SignOff } from '../../shared/inquiry/chainReport';
import { loadSignOffs, type StoredFinding, storedFindings, verifiedPrefixes } from './chainStore';
import { type SweepState, sweepState } from './chainSweep';
import { useServices } from './hooks';
import { type ImportRecord, importRecords } from './verifyImport';

export interface ChainStatus {
  /** Per desk, the last link the background check got to with nothing missing before it. */
  verified: Record<string, { seq: number }>;
  /** Breaks found (by sync, the background check, a full verify or an import's check) and not put right since. */
  findings: StoredFinding[];
  signOffs: SignOff[];
  /** Case numbers of the findings' inquiries, by inquiry id (absent: not in this log). */
  cases: Record<string, string>;
  /** The daily pass over every chain (null: not begun). */
  sweep: SweepState | null;
  /** Imports and restores of full copies, with what their check found. */
  imports: ImportRecord[];
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
    return {
      verified: await verifiedPrefixes(repo.db),
      findings,
      signOffs: await loadSignOffs(repo.db),
      cases,
      sweep: await sweepState(repo.db),
      imports: await importRecords(repo.db),
    };
  }, [repo]);
}

/** The stored findings (breaks not put right), for the header notice and the timelines; undefined while loading. */
export function useChainFindings(): StoredFinding[] | undefined {
  const { repo } = useServices();
  return useLiveQuery(() => storedFindings(repo.db), [repo]);
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
