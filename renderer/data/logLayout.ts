import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import { DEFAULT_LOG_LAYOUT, type LogLayout, normaliseLayout } from '../../shared/log/logLayout';
import { useServices } from './hooks';

/**
 * The person's log columns (shared/log/logLayout.ts), remembered on this desk: what they set shows at once and is
 * stored behind it; until the stored layout is read, the default.
 */
export function useLogLayout(profileId: string): [LogLayout, (next: LogLayout) => void] {
  const { repo } = useServices();
  const stored = useLiveQuery(async () => normaliseLayout(await repo.logLayout(profileId)), [repo, profileId]);
  const [local, setLocal] = useState<{ profileId: string; layout: LogLayout } | null>(null);
  const set = useCallback(
    (next: LogLayout) => {
      setLocal({ profileId, layout: next });
      void repo.setLogLayout(profileId, next);
    },
    [repo, profileId],
  );
  const layout = local?.profileId === profileId ? local.layout : (stored ?? DEFAULT_LOG_LAYOUT);
  return [layout, set];
}
