import type { InquiryEvent } from '../../../shared/inquiry/events';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { rebuild } from '../eventStore/rebuild';
import type { Migration } from './migration';
import { v1 } from './v1';

/**
 * Version 2:
 * - `drafts` holds forms in progress (the intake form's autosave), keyed `intake:<profileId>`, so a
 *   crash or an accidental close loses nothing typed.
 * - Every inquiry row is re-folded from its events: rows written by release 0.1 have no `workflow`
 *   (the process state added after it), and the current fold expects one.
 * Every v1 store is kept as it was. Frozen: never edit; a change of schema is a new file.
 */
export const v2: Migration = {
  version: 2,
  stores: {
    ...v1.stores,
    drafts: 'id',
  },
  upgrade: async (tx) => {
    await rebuild(tx.table<InquiryEvent, string>('events'), tx.table<InquiryRecord, string>('inquiries'));
  },
};
