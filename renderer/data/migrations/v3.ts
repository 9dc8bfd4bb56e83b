import type { Migration } from './migration';
import { v2 } from './v2';

/**
 * Version 3: events gain the index `[deviceId+chain.seq]`, each desk's hash chain in order
 * (shared/inquiry/chain.ts): a desk's chain head is one index read before a write, and "Verify the log"
 * walks each desk's chain a chunk at a time. Events without a `chain` (everything stored before this
 * version) are simply not in the index; nothing is rewritten. Every other store is kept as it was.
 * Frozen: never edit; a change of schema is a new file.
 */
export const v3: Migration = {
  version: 3,
  stores: {
    ...v2.stores,
    events: 'id, [inquiryId+hlc], hlc, [deviceId+chain.seq]',
  },
};
