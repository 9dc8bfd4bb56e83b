import { useCallback, useState } from 'react';
import { failureText } from '../../shared/errors';
import type { SaveOutcome } from '../../shared/ipc';

/** Where a save stands, as the lead screens show it beside the button that started it. */
export interface SaveStatus {
  kind: 'working' | 'saved' | 'error' | 'cancelled';
  text: string;
  /** Progress of a long save (the export), when known. */
  done?: number;
  total?: number;
}

/** What to say about each end of a save. */
export interface SaveWords {
  saved: (fileName: string) => string;
  /** Null: a cancelled dialog (or the print dialog) clears the status, there being nothing to report. */
  cancelled: string | null;
  failed: (message: string) => string;
}

/** A file saved through the Save dialog: a cancel is said, since the person may have missed that nothing was written. */
export const fileWords = (saved: (fileName: string) => string): SaveWords => ({
  saved,
  cancelled: 'Not saved: the Save dialog was cancelled.',
  failed: (message) => `The export failed; nothing was saved. ${message}`,
});

/** A page printed to PDF: a cancel needs no words. */
export const pdfWords = (saved: (fileName: string) => string): SaveWords => ({
  saved,
  cancelled: null,
  failed: (message) => `The PDF could not be made: ${message}`,
});

/**
 * A save's outcome as a status: saved (the file's name), refused (the shell's reason), cancelled, or failed
 * (the error's message). `save` runs the work and says how it ended; `setStatus` reports progress on the way.
 */
export function useSaveOutcome() {
  const [status, setStatus] = useState<SaveStatus | null>(null);
  const save = useCallback(async (work: () => Promise<SaveOutcome>, words: SaveWords) => {
    try {
      const outcome = await work();
      if (outcome.outcome === 'saved') setStatus({ kind: 'saved', text: words.saved(outcome.fileName) });
      else if (outcome.outcome === 'refused') setStatus({ kind: 'error', text: outcome.message });
      else setStatus(words.cancelled === null ? null : { kind: 'cancelled', text: words.cancelled });
    } catch (e) {
      setStatus({ kind: 'error', text: words.failed(failureText(e)) });
    }
  }, []);
  return { status, setStatus, save, working: status?.kind === 'working' };
}

/** The status as a notice: an error is an alert, the rest are polite status messages. */
export function SaveStatusNote({ status, noPrint }: { status: SaveStatus | null; noPrint?: boolean }) {
  if (!status) return null;
  const tone = status.kind === 'error' ? 'notice-error' : status.kind === 'saved' ? 'notice-ok' : 'notice-info';
  return (
    <p className={`notice${noPrint ? ' no-print' : ''} ${tone}`} role={status.kind === 'error' ? 'alert' : 'status'}>
      {status.text}
    </p>
  );
}
