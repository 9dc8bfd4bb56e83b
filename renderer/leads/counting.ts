import { failureText } from '../../shared/errors';

/** How far a count over the log has got. */
export interface CountProgress {
  done: number;
  total: number;
}

/**
 * Starts a count over many inquiries for a lead screen's effect: its progress while it runs, then its result
 * or why it failed. Returns the effect's clean-up, after which the count (overtaken by a newer one) reports nothing.
 */
export function startCount<T>(
  count: (onProgress: (done: number, total: number) => void) => Promise<T>,
  on: { progress: (p: CountProgress | null) => void; result: (r: T) => void; failed: (message: string) => void },
): () => void {
  let cancelled = false;
  count((done, total) => {
    if (!cancelled) on.progress({ done, total });
  })
    .then((r) => {
      if (cancelled) return;
      on.result(r);
      on.progress(null);
    })
    .catch((e: unknown) => {
      if (cancelled) return;
      on.progress(null);
      on.failed(failureText(e));
    });
  return () => {
    cancelled = true;
  };
}
