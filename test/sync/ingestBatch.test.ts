import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_SET, generateInquiries } from '../../bench/data/generate';
import { ChangeFeed } from '../../renderer/data/changes';
import { LiaisonDb } from '../../renderer/data/db';
import { DexieSyncStore } from '../../renderer/data/syncStore';
import type { InquiryEvent } from '../../shared/inquiry/events';
import { projectInquiry } from '../../shared/inquiry/projection';
import { initialSyncState } from '../../shared/sync/store';

/**
 * A large ingest batch (issue 18): the sync store applies it in chunks of whole inquiries appended side
 * by side in one transaction. Every row must still be the fold of all its events, whatever was held before.
 */
describe('remote events applied by the sync store', () => {
  it('gives every inquiry the fold of all its events, with duplicates, events held before, and rows missing their first event', async () => {
    const events: InquiryEvent[] = [];
    for (const g of generateInquiries({ ...DEFAULT_DATA_SET, inquiries: 400 })) events.push(...g.events);
    expect(events.length).toBeGreaterThan(2500);
    const db = new LiaisonDb(`ingest-batch-${crypto.randomUUID()}`);
    const changes = new ChangeFeed(db.name);
    const store = new DexieSyncStore(db, changes, async () => ({ deviceId: 'Z9DESK00000000ZZ', deskCode: 'Z9DES' }));
    try {
      // Held before: every third event (so some inquiries have a row, some only later events and no row).
      await store.ingest(
        events.filter((_, i) => i % 3 === 0),
        initialSyncState(),
        null,
        Date.now(),
      );
      // Then everything, newest first and with repeats, in one batch.
      const batch = [...events].reverse().concat(events.filter((_, i) => i % 7 === 0));
      const r = await store.ingest(batch, initialSyncState(), null, Date.now());
      expect(r.added).toBe(events.length - Math.ceil(events.length / 3));
      expect(await db.events.count()).toBe(events.length);
      const rows = await db.inquiries.toArray();
      const byInquiry = new Map<string, InquiryEvent[]>();
      for (const e of events) byInquiry.set(e.inquiryId, [...(byInquiry.get(e.inquiryId) ?? []), e]);
      expect(rows).toHaveLength(byInquiry.size);
      for (const row of rows) expect(row).toEqual(projectInquiry(byInquiry.get(row.id) ?? []));
    } finally {
      changes.close();
      db.close();
      await db.delete();
    }
  });

  it('an event that arrives after a snapshot row already holding it is not counted twice (the row is folded again)', async () => {
    const [g] = [...generateInquiries({ ...DEFAULT_DATA_SET, inquiries: 3 })].filter((x) => x.events.length >= 3);
    if (!g) throw new Error('the data set has no inquiry with three events');
    const db = new LiaisonDb(`ingest-row-ahead-${crypto.randomUUID()}`);
    const changes = new ChangeFeed(db.name);
    const store = new DexieSyncStore(db, changes, async () => ({ deviceId: 'Z9DESK00000000ZZ', deskCode: 'Z9DES' }));
    try {
      // A joining desk took the row (folded from every event) and filled in all events but the newest,
      // which its writer made while writing the snapshot and published after it.
      const newest = g.events.reduce((a, b) => (b.hlc > a.hlc ? b : a));
      await store.adoptRows([g.record], initialSyncState(), null, Date.now());
      await store.ingest(
        g.events.filter((e) => e !== newest),
        initialSyncState(),
        null,
        Date.now(),
        true,
      );
      expect(await db.inquiries.get(g.record.id)).toEqual(g.record);
      await store.ingest([newest], initialSyncState(), null, Date.now());
      expect(await db.inquiries.get(g.record.id)).toEqual(projectInquiry(g.events));
      expect((await db.inquiries.get(g.record.id))?.eventCount).toBe(g.events.length);
    } finally {
      changes.close();
      db.close();
      await db.delete();
    }
  });
});
