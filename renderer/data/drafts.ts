import { useEffect, useRef, useState } from 'react';
import { useServices } from './hooks';

export { draftKey, loadDraft } from './draftStore';

export const AUTOSAVE_DELAY_MS = 500;

export interface FormDraft {
  /** The draft found when the form opened, once it has been applied; null when there was none. */
  restoredFrom: number | null;
  /** The last autosave did not reach the database (the form itself is unaffected). */
  autosaveFailed: boolean;
  /** Throws the draft away (the "Discard draft" action) and stops the notice. */
  discard(): Promise<void>;
  /** Call after the form's content is stored for good: the draft is no longer needed. */
  clear(): Promise<void>;
}

/**
 * Autosaves `values` as a draft (debounced, and at once when the form closes) and offers a stored
 * draft back once when the form opens. `pristine` values (the form as it opens) are never saved,
 * so opening and leaving a form leaves no draft. `onRestore` receives the stored values.
 */
export function useFormDraft<T extends object>(
  id: string,
  values: T,
  pristine: boolean,
  onRestore: (values: Record<string, string>) => void,
): FormDraft {
  const { repo, clock } = useServices();
  const { drafts } = repo;
  const [restoredFrom, setRestoredFrom] = useState<number | null>(null);
  const [loaded, setLoaded] = useState(false);
  const finished = useRef(false);
  const pending = useRef<{ values: T; pristine: boolean } | null>(null);
  const restore = useRef(onRestore);
  restore.current = onRestore;

  // Offer the stored draft once, before any autosave can overwrite it.
  useEffect(() => {
    let live = true;
    setLoaded(false);
    finished.current = false;
    drafts
      .load(id)
      .then((draft) => {
        if (!live) return;
        if (draft) {
          restore.current(draft.values);
          setRestoredFrom(draft.savedAt);
        }
        setLoaded(true);
      })
      .catch(() => {
        if (live) setLoaded(true);
      });
    return () => {
      live = false;
    };
  }, [drafts, id]);

  // What the latest render holds; the timers and the close handler read it through this ref.
  const flush = useRef<() => Promise<void>>(async () => undefined);
  const [autosaveFailed, setAutosaveFailed] = useState(false);
  const mounted = useRef(true);
  flush.current = async () => {
    const next = pending.current;
    pending.current = null;
    if (!next || finished.current) return;
    try {
      if (next.pristine) await drafts.clear(id);
      else await drafts.save({ id, profileId: id.slice(id.indexOf(':') + 1), savedAt: clock.now(), values: toStrings(next.values) });
      if (mounted.current) setAutosaveFailed(false);
    } catch (err) {
      // The database closing with the window is not a failure anyone can act on; anything else is shown.
      if ((err as Error)?.name !== 'DatabaseClosedError' && mounted.current) setAutosaveFailed(true);
    }
  };

  useEffect(() => {
    if (!loaded || finished.current) return;
    pending.current = { values, pristine };
    const timer = setTimeout(() => {
      void flush.current();
    }, AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  });

  // Closing the form (navigating away, the idle lock, a reload) saves what is pending at once.
  useEffect(() => {
    mounted.current = true;
    const onHide = () => void flush.current();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') onHide();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      mounted.current = false;
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHidden);
      void flush.current();
    };
  }, []);

  return {
    restoredFrom,
    autosaveFailed,
    discard: async () => {
      pending.current = null;
      setRestoredFrom(null);
      await drafts.clear(id);
    },
    clear: async () => {
      finished.current = true;
      pending.current = null;
      await drafts.clear(id);
    },
  };
}

function toStrings(values: object): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (typeof v === 'string') out[k] = v;
  return out;
}
