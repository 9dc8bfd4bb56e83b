import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../../shared/config/agencyConfig';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import { comparatorOf, filterLogRows } from '../../shared/log/logQuery';
import { type LogRow, toLogRow } from '../../shared/log/logRow';
import { actorOf, type Profile } from '../../shared/people';
import { asInstant } from '../../shared/time/types';
import { freshDeskPerTest, PAT_LEE, seedInquiries, type TestDesk } from '../test/fixtures';
import { type LogSnapshot, LogStore, type SizeMemory } from './logStore';

/** Every snapshot the store publishes, in order, from its first subscriber on. */
function recordSnapshots(store: LogStore): LogSnapshot[] {
  const seen: LogSnapshot[] = [];
  store.subscribe(() => seen.push(store.getSnapshot()));
  return seen;
}

/** Resolves with the first published snapshot that passes `test`. */
function snapshotWhere(store: LogStore, test: (s: LogSnapshot) => boolean): Promise<LogSnapshot> {
  return new Promise((resolve) => {
    const stop = store.subscribe(() => {
      const s = store.getSnapshot();
      if (test(s)) {
        stop();
        resolve(s);
      }
    });
  });
}

const summary = (s: LogSnapshot) => ({ loaded: s.loaded, total: s.total, complete: s.complete, rows: s.rows.length });
const idsOf = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();

let desk: TestDesk;
let ana: Profile;

freshDeskPerTest((d, profile) => {
  desk = d;
  ana = profile;
});
afterEach(async () => {
  vi.restoreAllMocks();
});

describe('LogStore loading', () => {
  it('indexes each version of the rows, and prepares the search text in idle time once the log is in', async () => {
    await seedInquiries(desk.db, 450, actorOf(ana));
    const seen = recordSnapshots(desk.logStore);
    await desk.logStore.whenComplete();
    for (const s of seen) expect(s.index.rows).toBe(s.rows);
    const { index } = desk.logStore.getSnapshot();
    // Built when nothing else wanted the window: no time is needed to finish it.
    await vi.waitFor(() => expect(index.prepare(() => 0)).toBe(true));
    const query = { queue: 'all' as const, search: 'member 249', filters: {} };
    const at = { now: asInstant(0), endOfToday: asInstant(0) };
    const found = index.select(index.order([], at.now), query, ana.id, at);
    expect(found.map((r) => r.memberName)).toContain('Member 249');
    expect(found).toEqual(filterLogRows([...index.rows].sort(comparatorOf([], at.now)), query, ana.id, at));
  });

  it('shows the 200 newest of 450 inquiries first, then the whole log', async () => {
    const seeded = await seedInquiries(desk.db, 450, actorOf(ana));
    const newest200 = [...seeded].sort((a, b) => b.receivedAt - a.receivedAt).slice(0, 200);

    const seen = recordSnapshots(desk.logStore);
    await desk.logStore.whenComplete();

    // Nothing counts the records first (seconds at 100,000): the total is what has been read so far.
    expect(seen.map(summary)).toEqual([
      { loaded: 200, total: 200, complete: false, rows: 200 },
      { loaded: 450, total: 450, complete: true, rows: 450 },
    ]);
    const [first, last] = seen as [LogSnapshot, LogSnapshot];
    expect(idsOf(first.rows)).toEqual(idsOf(newest200));
    expect(first.rows.some((r) => r.memberName === 'Member 249')).toBe(false);
    expect(first.rows.some((r) => r.memberName === 'Member 250')).toBe(true);
    expect(idsOf(last.rows)).toEqual(idsOf(seeded));
    const sample = seeded[17] as InquiryRecord;
    expect(last.rows.find((r) => r.id === sample.id)).toEqual(toLogRow(sample, DEFAULT_AGENCY_CONFIG));
  });

  it('estimates the total while loading from the size the log had when it last finished loading', async () => {
    await seedInquiries(desk.db, 450, actorOf(ana));
    let stored: number | null = null;
    const memory: SizeMemory = { read: () => stored, write: (n) => (stored = n) };
    const first = new LogStore(desk.db, desk.changes, () => desk.repo.config(), {}, memory);
    recordSnapshots(first);
    await first.whenComplete();
    expect(stored).toBe(450);
    await desk.db.inquiries.limit(5).delete();

    const next = new LogStore(desk.db, desk.changes, () => desk.repo.config(), {}, memory);
    const seen = recordSnapshots(next);
    await next.whenComplete();

    expect(seen.map(summary)).toEqual([
      { loaded: 200, total: 450, complete: false, rows: 200 },
      { loaded: 445, total: 445, complete: true, rows: 445 },
    ]);
    expect(stored).toBe(445);
  });

  it('publishes a small log complete in its first snapshot', async () => {
    await seedInquiries(desk.db, 3, actorOf(ana));

    const seen = recordSnapshots(desk.logStore);
    await desk.logStore.whenComplete();

    expect(seen.map(summary)).toEqual([{ loaded: 3, total: 3, complete: true, rows: 3 }]);
  });

  it('hands over new rows only when the rows in memory have doubled, moving just the count in between', async () => {
    const seeded = await seedInquiries(desk.db, 450, actorOf(ana));
    const store = new LogStore(desk.db, desk.changes, () => desk.repo.config(), { chunk: 50 });

    const seen = recordSnapshots(store);
    await store.whenComplete();

    // Chunks read by primary key: 0–49, 50–99, … (the newest 200, 250–449, were read first).
    expect(seen.map(summary)).toEqual([
      { loaded: 200, total: 200, complete: false, rows: 200 },
      { loaded: 250, total: 250, complete: false, rows: 200 },
      { loaded: 300, total: 300, complete: false, rows: 200 },
      { loaded: 350, total: 350, complete: false, rows: 200 },
      { loaded: 400, total: 400, complete: false, rows: 400 },
      { loaded: 450, total: 450, complete: false, rows: 400 },
      { loaded: 450, total: 450, complete: true, rows: 450 },
    ]);
    // A snapshot that only moves the count keeps the very same rows, so views keyed on them do nothing.
    expect(seen[1]?.rows).toBe(seen[0]?.rows);
    expect(seen[5]?.rows).toBe(seen[4]?.rows);
    expect(idsOf((seen[6] as LogSnapshot).rows)).toEqual(idsOf(seeded));
  });

  it('reads a burst of changes (an import, a rebuild) a chunk at a time and publishes it once', async () => {
    const seeded = await seedInquiries(desk.db, 450, actorOf(ana));
    const store = new LogStore(desk.db, desk.changes, () => desk.repo.config(), { chunk: 50 });
    const seen = recordSnapshots(store);
    await store.whenComplete();
    const changed = seeded.slice(0, 120).map((r) => ({ ...r, memberName: `Renamed ${r.memberName}` }));
    await desk.db.inquiries.bulkPut(changed);
    const bulkGet = vi.spyOn(desk.db.inquiries, 'bulkGet');
    const before = seen.length;
    const updated = snapshotWhere(store, (s) => s.rows.filter((r) => r.memberName.startsWith('Renamed')).length === 120);

    desk.changes.publish(changed.map((r) => r.id));
    await updated;

    expect(bulkGet.mock.calls.map(([keys]) => keys.length)).toEqual([50, 50, 20]);
    expect(seen.length).toBe(before + 1);
  });

  it('gathers changes arriving soon after the last publish (a rebuild, a sync) into one publish', async () => {
    const seeded = await seedInquiries(desk.db, 30, actorOf(ana));
    const seen = recordSnapshots(desk.logStore);
    await desk.logStore.whenComplete();
    const before = seen.length;
    const renamed = seeded.slice(0, 3).map((r) => ({ ...r, memberName: `Renamed ${r.memberName}` }));
    await desk.db.inquiries.bulkPut(renamed);
    const all = snapshotWhere(desk.logStore, (s) => s.rows.filter((r) => r.memberName.startsWith('Renamed')).length === 3);

    for (const r of renamed) {
      desk.changes.publish([r.id]);
      await new Promise((ok) => setTimeout(ok, 30));
    }
    await all;

    expect(seen.length).toBe(before + 1);
  });

  it('publishes an empty log as complete with no rows', async () => {
    const seen = recordSnapshots(desk.logStore);
    await desk.logStore.whenComplete();

    expect(seen.map(summary)[0]).toEqual({ loaded: 0, total: 0, complete: true, rows: 0 });
  });
});

describe('LogStore after a write', () => {
  beforeEach(async () => {
    await seedInquiries(desk.db, 450, actorOf(ana));
    recordSnapshots(desk.logStore);
    await desk.logStore.whenComplete();
  });

  /** Spies on the reads a full load makes, so a test can show the store did not reload. */
  function spyOnFullLoad() {
    return {
      count: vi.spyOn(desk.db.inquiries, 'count'),
      orderBy: vi.spyOn(desk.db.inquiries, 'orderBy'),
      where: vi.spyOn(desk.db.inquiries, 'where'),
      toArray: vi.spyOn(desk.db.inquiries, 'toArray'),
      bulkGet: vi.spyOn(desk.db.inquiries, 'bulkGet'),
    };
  }

  it('adds a newly logged inquiry by reading only that inquiry', async () => {
    const reads = spyOnFullLoad();
    const updated = snapshotWhere(desk.logStore, (s) => s.loaded === 451);

    const { id, caseNumber } = await desk.repo.logInquiry({ ...PAT_LEE, memberName: 'Lou Park' });
    const snapshot = await updated;

    expect(summary(snapshot)).toEqual({ loaded: 451, total: 451, complete: true, rows: 451 });
    const stored = (await desk.db.inquiries.get(id)) as InquiryRecord;
    expect(snapshot.rows.find((r) => r.id === id)).toEqual(toLogRow(stored, DEFAULT_AGENCY_CONFIG));
    expect(snapshot.rows.find((r) => r.id === id)).toMatchObject({ caseNumber, memberName: 'Lou Park', priorityLabel: 'High' });
    expect(reads.count).not.toHaveBeenCalled();
    expect(reads.orderBy).not.toHaveBeenCalled();
    expect(reads.where).not.toHaveBeenCalled();
    expect(reads.bulkGet.mock.calls.filter(([keys]) => keys.includes(id))).toEqual([[[id]]]);
  });

  it('replaces a changed inquiry row in place', async () => {
    const before = desk.logStore.getSnapshot().rows.find((r) => r.memberName === 'Member 123');
    expect(before).toMatchObject({ priority: 'high', priorityLabel: 'High', assigneeName: '' });
    const id = before?.id as string;
    const reads = spyOnFullLoad();
    const updated = snapshotWhere(desk.logStore, (s) => s.rows.find((r) => r.id === id)?.priority === 'escalated');

    await desk.repo.editFields(id, { priority: 'escalated', assignee: { id: ana.id, name: 'Ana Ortiz' } });
    const snapshot = await updated;

    expect(summary(snapshot)).toEqual({ loaded: 450, total: 450, complete: true, rows: 450 });
    expect(snapshot.rows.find((r) => r.id === id)).toMatchObject({
      priority: 'escalated',
      priorityLabel: 'Escalated',
      assigneeId: ana.id,
      assigneeName: 'Ana Ortiz',
    });
    expect(reads.count).not.toHaveBeenCalled();
    expect(reads.orderBy).not.toHaveBeenCalled();
    expect(reads.toArray).not.toHaveBeenCalled();
  });

  it('rebuilds every row when the agency configuration changes, keeping a change made meanwhile', async () => {
    const config = structuredClone(await desk.repo.config());
    const itc = config.mcos.find((m) => m.id === 'itc');
    if (!itc) throw new Error('no itc MCO');
    itc.name = 'Renamed Health Plan of Iowa';
    const member = desk.logStore.getSnapshot().rows.find((r) => r.memberName === 'Member 123') as LogRow;
    const relabelled = snapshotWhere(
      desk.logStore,
      (s) =>
        s.rows.every((r) => r.mcoName === 'Renamed Health Plan of Iowa') &&
        s.rows.find((r) => r.id === member.id)?.priority === 'escalated',
    );

    await desk.repo.saveConfig(config);
    await desk.repo.editFields(member.id, { priority: 'escalated' });
    const snapshot = await relabelled;

    expect(summary(snapshot)).toEqual({ loaded: 450, total: 450, complete: true, rows: 450 });
  });
});
