/**
 * An error whose message is written for the person who met it (what is wrong, what to do): a backup that
 * cannot be read, an import file refused, a share folder out of reach, a domain rule. `failureText` shows
 * such a message as it is; any other error is "unexpected", its message only the detail.
 */
export class PlainWordsError extends Error {}

/** An error a person can act on: a stable code the UI can map, and a message in plain words. */
export class DomainError extends PlainWordsError {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input the message is about, when it is one (`happenedAt`): a form shows it beside that field. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export type DomainErrorCode =
  | 'validation'
  | 'not_found'
  | 'no_change'
  | 'no_profile'
  | 'invalid_payload'
  | 'storage'
  /** The step does not fit where the inquiry stands in the process (resolving a resolved inquiry, a report-back with no referral). */
  | 'invalid_step';

/**
 * What a person reads about a failed action: one sentence (or two) saying what went wrong and what to do.
 * A DomainError's message is already written for people; the storage's errors (Dexie and IndexedDB name
 * them, a `DOMException` or a Dexie error alike) get words by their name, and anything else is "unexpected",
 * with its own message as the detail a support person can act on. Screens put their own lead-in before it
 * ("The inquiry was not saved: …"), so nothing here says which action failed.
 */
export function failureText(err: unknown): string {
  if (err instanceof DomainError) return withAdvice(err.message, ADVICE[err.code]);
  if (err instanceof PlainWordsError) return withAdvice(err.message, undefined);
  const first = (err as { failures?: unknown[] } | null)?.failures?.[0];
  if (first !== undefined) return failureText(first); // Dexie's BulkError: the first row's reason
  const name = (err as { name?: unknown } | null)?.name;
  const storage = typeof name === 'string' ? STORAGE_WORDS[name] : undefined;
  if (storage) return storage;
  const detail = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  return detail ? `Something unexpected went wrong (${detail}).` : 'Something unexpected went wrong.';
}

const ADVICE: Partial<Record<DomainErrorCode, string>> = {
  not_found: 'It may not have reached this desk yet: go back to the log and open it again.',
  no_profile: 'Set up your profile first (your name and role), then try again.',
  invalid_payload: 'The app refused data it could not read; nothing was changed.',
  storage: 'Nothing was stored; try again, and if it keeps failing restart the app.',
};

function withAdvice(message: string, advice: string | undefined): string {
  const said = message.trim();
  const sentence = /[.!?:]$/.test(said) ? said : `${said}.`;
  return advice && !said.includes(advice) ? `${sentence} ${advice}` : sentence;
}

const STORAGE_WORDS: Readonly<Record<string, string>> = {
  QuotaExceededError: 'The disk is full: free some space on this computer, then try again.',
  DatabaseClosedError: "The log's storage was closed (another window of the app may have updated it): restart the app.",
  VersionError: 'A newer version of the app has used this log: install the same or a newer version.',
  ConstraintError: 'Two records would have the same key (for example two inquiries with one case number).',
  AbortError: 'The storage stopped the change before it finished, so nothing was changed. Try again.',
  TimeoutError: 'The storage took too long to answer; nothing was stored. Try again.',
  TransactionInactiveError: 'The storage stopped the change before it finished, so nothing was changed. Try again.',
  InvalidStateError: "The log's storage is not ready: restart the app.",
  UnknownError: 'The storage failed to write (the disk may be full or failing); try again.',
};
