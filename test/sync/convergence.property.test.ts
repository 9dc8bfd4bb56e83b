import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChangeFeed } from '../../renderer/data/changes';
import { LiaisonDb } from '../../renderer/data/db';
import { DexieSyncStore } from '../../renderer/data/syncStore';
import type { InquiryEvent } from '../../shared/inquiry/events';
import { projectInquiry } from '../../shared/inquiry/projection';
import { encodeHlc } from '../../shared/sync/hlc';
import { initialSyncState } from '../../shared/sync/store';
import { MemoryFolder } from './memoryFolder';
import { comparable, DESK_IDS, FIELDS, type MemoryDesk, memoryDesk, PASSPHRASE } from './memoryHarness';

/**
 * SYNC.md: "shuffled and duplicated delivery (property-based: every order converges to
 * identical state)". Random work on 3–4 desks with clocks a few minutes apart (and sometimes one
 * a day fast), random sync schedules, segments that show up late, crashes between publishing and
 * clearing the outbox (the same events published twice), stray copies of segment files, and an
 * adversary with write access and no passphrase putting junk under any well-formed name not taken
 * yet (a desk's next or far-off segment and heartbeat numbers, a folder that looks like a desk, a
 * snapshot's manifest) at random moments. Once
 * the folder settles and every desk has synced a few times: every desk holds the same events and
 * the same projections, and no note written anywhere is missing.
 */

/** 1,000 runs in CI (CI=true, as .ci/run sets it); fewer on a developer's machine; SYNC_PROPERTY_RUNS overrides. */
const RUNS = Number(process.env.SYNC_PROPERTY_RUNS ?? (process.env.CI === 'true' ? 1000 : 200));
/** Each run opens a fresh IndexedDB: fewer runs, each a real one. */
const DELIVERY_RUNS = Math.min(RUNS, 300);

type Command =
  | { t: 'log'; desk: number }
  | { t: 'note'; desk: number; inquiry: number }
  | { t: 'edit'; desk: number; inquiry: number; field: 'priority' | 'description' | 'callbackAvailability'; value: number }
  | { t: 'sync'; desk: number }
  | { t: 'advance'; ms: number }
  | { t: 'hideLatest'; desk: number }
  | { t: 'unhide' }
  | { t: 'crash'; desk: number }
  | { t: 'strayCopy'; desk: number }
  | { t: 'junk'; desk: number; where: 'segment' | 'heartbeat' | 'folder' | 'snapshot'; ahead: number; huge: boolean; size: number };

const desk = fc.integer({ min: 0, max: 3 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('log' as const), desk }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('note' as const), desk, inquiry: fc.nat(20) }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('edit' as const),
      desk,
      inquiry: fc.nat(20),
      field: fc.constantFrom('priority' as const, 'description' as const, 'callbackAvailability' as const),
      value: fc.nat(3),
    }),
  },
  { weight: 6, arbitrary: fc.record({ t: fc.constant('sync' as const), desk }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 180_000 }) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('hideLatest' as const), desk }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('unhide' as const) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('crash' as const), desk }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('strayCopy' as const), desk }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constant('junk' as const),
      desk,
      where: fc.constantFrom('segment' as const, 'heartbeat' as const, 'folder' as const, 'snapshot' as const),
      ahead: fc.nat(4),
      huge: fc.boolean(),
      size: fc.nat(300),
    }),
  },
);

const scenario = fc.record({
  desks: fc.integer({ min: 3, max: 4 }),
  /** Clocks within the allowed skew of the share's (±4 minutes). */
  skews: fc.array(fc.integer({ min: -240_000, max: 240_000 }), { minLength: 4, maxLength: 4 }),
  /** Sometimes one desk's clock is a day fast until the end. */
  fastDesk: fc.option(fc.nat(3), { freq: 4 }),
  segmentEvents: fc.integer({ min: 1, max: 4 }),
  commands: fc.array(command, { minLength: 5, maxLength: 35 }),
});

const VALUES = {
  priority: ['high', 'escalated', 'high', 'escalated'],
  description: ['Ride missed', 'Ride late', 'Pharmacy refused', 'Card not received'],
  callbackAvailability: ['Mornings', 'Afternoons', 'Any time', 'After 5 pm'],
};

/** Bytes no key opens: some behind the file format's magic, some not. */
function junkBytes(size: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(size + 8);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (seed * 31 + i * 17) & 0xff;
  if (size % 2 === 0) bytes.set([0x4c, 0x4c, 0x53, 0x59, 1, 1, 0, 1]);
  return bytes;
}

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

async function run(s: Scenario): Promise<void> {
  const world = { t: Date.parse('2026-11-23T14:00:00.000Z') };
  const folder = new MemoryFolder(() => world.t);
  const options = { segmentEvents: s.segmentEvents, deskStatesEveryMs: 60_000, quarantineRetryMs: 60_000 };
  const desks: MemoryDesk[] = DESK_IDS.slice(0, s.desks).map((id, i) =>
    memoryDesk(id, folder, world, (s.skews[i] ?? 0) + (s.fastDesk === i ? 26 * 3_600_000 : 0), options),
  );
  const [first, ...rest] = desks as [MemoryDesk, ...MemoryDesk[]];
  await first.engine.createShare(PASSPHRASE);
  for (const d of rest) await d.engine.joinShare(PASSPHRASE);
  const notes = new Set<string>();
  const pick = (i: number) => desks[i % desks.length] as MemoryDesk;
  const known = (d: MemoryDesk) => [...d.store.projections().keys()].sort();

  for (const c of s.commands) {
    switch (c.t) {
      case 'log':
        pick(c.desk).store.log({ ...FIELDS, memberName: `Member ${world.t}` });
        break;
      case 'note': {
        const d = pick(c.desk);
        const ids = known(d);
        if (ids.length === 0) break;
        const id = d.store.note(ids[c.inquiry % ids.length] as string, `Note at ${world.t} on ${d.id}`);
        if (id) notes.add(id);
        break;
      }
      case 'edit': {
        const d = pick(c.desk);
        const ids = known(d);
        if (ids.length > 0) d.store.edit(ids[c.inquiry % ids.length] as string, { [c.field]: VALUES[c.field][c.value] });
        break;
      }
      case 'sync':
        await pick(c.desk).engine.syncOnce();
        break;
      case 'advance':
        world.t += c.ms;
        break;
      case 'hideLatest': {
        const prefix = `devices/${pick(c.desk).id}/seg-`;
        const latest = [...folder.files.keys()]
          .filter((f) => f.startsWith(prefix))
          .sort()
          .at(-1);
        if (latest) folder.hidden.add(latest);
        break;
      }
      case 'unhide':
        folder.hidden.clear();
        break;
      case 'crash': {
        // Publishing succeeds, the app dies before the outbox is cleared.
        const d = pick(c.desk);
        const original = d.store.markPublished.bind(d.store);
        d.store.markPublished = async () => {
          d.store.markPublished = original;
          throw new Error('crashed');
        };
        await d.engine.syncOnce();
        d.store.markPublished = original;
        break;
      }
      case 'strayCopy': {
        const d = pick(c.desk);
        const prefix = `devices/${d.id}/seg-`;
        const segs = [...folder.files.keys()].filter((f) => f.startsWith(prefix)).sort();
        const last = segs.at(-1);
        if (last)
          folder.put(`${prefix}${String(Number(last.slice(-10)) + 1).padStart(10, '0')}`, folder.files.get(last)?.bytes as Uint8Array);
        break;
      }
      case 'junk': {
        // Someone with write access and no passphrase puts a file under any well-formed name not taken yet.
        const d = pick(c.desk);
        const highest = (prefix: string) =>
          Math.max(0, ...[...folder.files.keys()].filter((f) => f.startsWith(prefix)).map((f) => Number(f.slice(prefix.length))));
        const number = (prefix: string) => String(c.huge ? 9_999_999_999 - c.ahead : highest(prefix) + 1 + c.ahead).padStart(10, '0');
        const paths = {
          segment: `devices/${d.id}/seg-${number(`devices/${d.id}/seg-`)}`,
          heartbeat: `devices/${d.id}/state/state-${number(`devices/${d.id}/state/state-`)}`,
          folder: `devices/JUNK${c.ahead}DESK0000000/seg-0000000001`,
          snapshot: `snapshots/snap-${encodeHlc({ wall: world.t - c.ahead * 86_400_000, counter: 0, deviceId: d.id })}/manifest`,
        };
        const target = paths[c.where];
        if (!folder.files.has(target)) folder.put(target, junkBytes(c.size, world.t));
        break;
      }
    }
  }

  // The folder settles, the fast clock is corrected, and everyone syncs a few times.
  folder.hidden.clear();
  for (const d of desks) d.clock.skew = s.skews[desks.indexOf(d)] ?? 0;
  for (let round = 0; round < 4; round++) {
    world.t += 61_000;
    for (const d of desks) await d.engine.syncOnce({ force: true });
  }

  const reference = desks[0] as MemoryDesk;
  const ids = (d: MemoryDesk) => [...d.store.events.keys()].sort();
  for (const d of desks) {
    expect(d.store.outbox.size).toBe(0);
    expect(ids(d)).toEqual(ids(reference));
    expect(comparable(d.store.projections())).toEqual(comparable(reference.store.projections()));
    for (const n of notes) expect(d.store.events.has(n)).toBe(true);
    expect(d.engine.status.problems.filter((p) => p.blocking)).toEqual([]);
  }
}

describe('convergence (property-based)', () => {
  it(`every desk ends with the same events and projections, and no note is lost (${RUNS} runs)`, async () => {
    await fc.assert(fc.asyncProperty(scenario, run), { numRuns: RUNS });
  }, 600_000);

  it(`any delivery order, with duplicates, in any batches, gives the same stored rows (${DELIVERY_RUNS} runs)`, async () => {
    const world = { t: Date.parse('2026-11-23T14:00:00.000Z') };
    const folder = new MemoryFolder(() => world.t);
    // A history from three desks with interleaved edits of the same fields.
    const desks = DESK_IDS.slice(0, 3).map((id, i) => memoryDesk(id, folder, world, i * 7));
    const [a, b, c] = desks as [MemoryDesk, MemoryDesk, MemoryDesk];
    const one = a.store.log(FIELDS);
    const two = b.store.log({ ...FIELDS, memberName: 'Sam Ortiz' });
    const all = (): InquiryEvent[] => desks.flatMap((d) => [...d.store.events.values()]);
    for (const [i, d] of [a, b, c, a, b, c, a].entries()) {
      for (const e of all()) if (!d.store.events.has(e.id)) d.store.events.set(e.id, e);
      world.t += i % 2 ? 0 : 1000;
      d.store.edit(one, { description: `Version ${i}` });
      d.store.edit(two, { priority: i % 2 ? 'high' : 'escalated' });
      d.store.note(i % 2 ? one : two, `Note ${i}`);
    }
    const history = [...new Map(all().map((e) => [e.id, e])).values()];
    const expected = new Map([one, two].map((id) => [id, projectInquiry(history.filter((e) => e.inquiryId === id))]));

    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(history, { minLength: history.length }),
        fc.array(fc.nat(history.length - 1), { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 10 }),
        async (shuffled, dupes, batchSizes) => {
          const delivery = [...shuffled, ...dupes.map((i) => history[i] as InquiryEvent)];
          // The desk's real store: Dexie, folding onto stored rows where it can and re-projecting where it must.
          const db = new LiaisonDb(`delivery-${crypto.randomUUID()}`);
          const changes = new ChangeFeed(db.name);
          const store = new DexieSyncStore(db, changes, async () => ({ deviceId: 'F6DESK00000000FF', deskCode: 'F6DES' }));
          try {
            for (let at = 0, k = 0; at < delivery.length; k++) {
              const size = batchSizes[k % batchSizes.length] as number;
              await store.ingest(delivery.slice(at, at + size), initialSyncState(), null, world.t);
              at += size;
            }
            expect(await db.events.count()).toBe(history.length);
            for (const [id, record] of expected) expect(await db.inquiries.get(id)).toEqual(record);
          } finally {
            changes.close();
            db.close();
            await db.delete();
          }
        },
      ),
      { numRuns: DELIVERY_RUNS },
    );
  });
});
