import Dexie, { type Table } from 'dexie';
import type { InquiryEvent } from '../../shared/inquiry/events';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import type { Profile } from '../../shared/people';
import { DATABASE_NAME } from './diskVersion';
import type { DraftRecord } from './draftStore';
import { declareSchema } from './migrations';

export interface OutboxEntry {
  eventId: string;
  hlc: string;
}

export interface MetaEntry {
  key: string;
  value: unknown;
}

/** The desk's IndexedDB. Only renderer/data/ touches it; components use the hooks in this folder. */
export class LiaisonDb extends Dexie {
  events!: Table<InquiryEvent, string>;
  inquiries!: Table<InquiryRecord, string>;
  outbox!: Table<OutboxEntry, string>;
  meta!: Table<MetaEntry, string>;
  profiles!: Table<Profile, string>;
  /** Forms in progress (schema v2), see drafts.ts. */
  drafts!: Table<DraftRecord, string>;

  constructor(name = DATABASE_NAME) {
    super(name);
    declareSchema(this);
  }
}
