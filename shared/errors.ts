/** An error a person can act on: a stable code the UI can map, and a message in plain words. */
export class DomainError extends Error {
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
