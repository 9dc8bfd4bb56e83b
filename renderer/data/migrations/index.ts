import type Dexie from 'dexie';

/**
 * Schema versions, oldest first. A new version adds a file here and never edits an earlier one,
 * so every desk upgrades in place from whatever it last ran (Dexie runs each step in order).
 *
 * Indexes (why each exists):
 * - events `id`: the event's ULID; sync ingests idempotently by it.
 * - events `[inquiryId+hlc]`: an inquiry's timeline in HLC order, and its re-fold.
 * - events `hlc`: everything after a point, for sync publishing and full rebuilds in order.
 * - inquiries `id`: primary key; also the paging key for the chunked load of the log.
 * - inquiries `&caseNumber`: case numbers are unique; lookup by the number people quote.
 * - inquiries `receivedAt`: the first screen shows the newest inquiries without reading the whole log.
 * - outbox `eventId`, `hlc`: events this desk has not yet published, in order.
 * - meta `key`, profiles `id`: small keyed records.
 */
export function declareSchema(db: Dexie): void {
  db.version(1).stores({
    events: 'id, [inquiryId+hlc], hlc',
    inquiries: 'id, &caseNumber, receivedAt',
    outbox: 'eventId, hlc',
    meta: 'key',
    profiles: 'id',
  });
}

export const SCHEMA_VERSION = 1;
