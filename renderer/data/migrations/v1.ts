import type { Migration } from './migration';

/**
 * Version 1 (release 0.1): the event log, its projection, the sync outbox, desk metadata and profiles.
 * Frozen: never edit; a change of schema is a new file.
 */
export const v1: Migration = {
  version: 1,
  stores: {
    events: 'id, [inquiryId+hlc], hlc',
    inquiries: 'id, &caseNumber, receivedAt',
    outbox: 'eventId, hlc',
    meta: 'key',
    profiles: 'id',
  },
};
