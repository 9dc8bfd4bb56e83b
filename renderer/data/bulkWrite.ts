/**
 * A bulk write (Repo.appendInBulk, the legacy import) that stopped after some of its batches were stored: each
 * batch is its own transaction of whole inquiries, so what was stored is whole and stays; `cause` says why the
 * next batch failed. Running the same import again skips what was stored (events already held are skipped).
 */
export class BulkWriteStopped extends Error {
  constructor(
    /** Events stored, in the batches before the one that failed. */
    readonly eventsWritten: number,
    override readonly cause: unknown,
  ) {
    super(`The write stopped after ${eventsWritten} events were stored: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'BulkWriteStopped';
  }
}
