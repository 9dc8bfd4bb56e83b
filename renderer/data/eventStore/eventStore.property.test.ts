import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseNumber } from '../../../shared/inquiry/caseNumber';
import type { FieldEdited, InquiryEvent, InquiryLogged, NoteAdded } from '../../../shared/inquiry/events';
import { type InquiryRecord, projectInquiry } from '../../../shared/inquiry/projection';
import type { Actor } from '../../../shared/people';
import { encodeHlc, type HlcStamp } from '../../../shared/sync/hlc';
import type { Instant } from '../../../shared/time/types';
import { PAT_LEE } from '../../test/fixtures';
import { LiaisonDb } from '../db';
import { EventStore } from './eventStore';
import type { Origin } from './origins';
import { eventsOf } from './timeline';

/*
 * The event store's promise: whatever arrives, from wherever, in whatever order and however often,
 * every stored row is the fold of all of its inquiry's stored events. Each run stores a random pool of
 * events (a few inquiries, three desks, stamps in any order) through a random sequence of writes of
 * every origin, and checks every row against `projectInquiry` after each write.
 */

const ME = 'DESKME000000000A';
const OTHERS = ['DESKB00000000000', 'DESKC00000000000'];
const ANA: Actor = { id: 'p-ana', name: 'Ana Ortiz', role: 'liaison' };
const BEN: Actor = { id: 'p-ben', name: 'Ben Cho', role: 'esr' };
const T0 = Date.UTC(2026, 10, 23, 15, 15);
const INQUIRIES = ['INQ-A', 'INQ-B', 'INQ-C'];

interface Spec {
  inquiry: number;
  kind: 'note' | 'edit';
  wall: number;
  desk: number;
  priority: 'high' | 'escalated';
}

/** Stamps are unique, as a desk's clock makes them: `counter` tells apart the events of one second. */
const stampOf = (wall: number, desk: string, counter: number): HlcStamp => encodeHlc({ wall: T0 + wall * 1000, counter, deviceId: desk });

function envelope(id: string, inquiryId: string, hlc: HlcStamp, deviceId: string) {
  return { id, inquiryId, actor: deviceId === ME ? ANA : BEN, deviceId, hlc, at: T0 as Instant, v: 1 as const };
}

function eventOf(spec: Spec, n: number): InquiryEvent {
  const deviceId = spec.desk === 0 ? ME : (OTHERS[spec.desk - 1] as string);
  const base = envelope(
    `EV-${String(n).padStart(4, '0')}`,
    INQUIRIES[spec.inquiry] as string,
    stampOf(spec.wall, deviceId, n + 100),
    deviceId,
  );
  if (spec.kind === 'note') return { ...base, type: 'NoteAdded', payload: { text: `Note ${n}` } } satisfies NoteAdded;
  return {
    ...base,
    type: 'FieldEdited',
    payload: { field: 'priority', from: 'high', to: spec.priority },
  } as FieldEdited;
}

function loggedOf(inquiry: number, wall: number, desk: number): InquiryLogged {
  const deviceId = desk === 0 ? ME : (OTHERS[desk - 1] as string);
  return {
    ...envelope(`LOG-${inquiry}`, INQUIRIES[inquiry] as string, stampOf(wall, deviceId, inquiry), deviceId),
    type: 'InquiryLogged',
    payload: { caseNumber: `261123-DESKM-00${inquiry + 1}` as CaseNumber, fields: PAT_LEE },
  };
}

const specArb: fc.Arbitrary<Spec> = fc.record({
  inquiry: fc.nat({ max: INQUIRIES.length - 1 }),
  kind: fc.constantFrom('note' as const, 'edit' as const),
  wall: fc.integer({ min: -5, max: 60 }),
  desk: fc.nat({ max: OTHERS.length }),
  priority: fc.constantFrom('high' as const, 'escalated' as const),
});

type Step = { origin: Exclude<Origin, 'restamp'>; picks: number[] } | { origin: 'restamp'; picks: number[]; shift: number };

const poolArb = fc
  .record({
    logged: fc.array(fc.record({ wall: fc.integer({ min: 0, max: 10 }), desk: fc.nat({ max: OTHERS.length }) }), {
      minLength: INQUIRIES.length,
      maxLength: INQUIRIES.length,
    }),
    specs: fc.array(specArb, { maxLength: 14 }),
  })
  .map(({ logged, specs }) => [...logged.map((l, i) => loggedOf(i, l.wall, l.desk)), ...specs.map(eventOf)]);

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    origin: fc.constantFrom<Exclude<Origin, 'restamp'>>('command', 'import', 'sync', 'restore'),
    picks: fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 6 }),
  }),
  fc.record({
    origin: fc.constant('restamp' as const),
    picks: fc.array(fc.nat({ max: 40 }), { minLength: 1, maxLength: 3 }),
    shift: fc.integer({ min: 1, max: 90 }),
  }),
);

let db: LiaisonDb | null = null;
afterEach(async () => {
  db?.close();
  await db?.delete();
  db = null;
});

async function checkRows(db: LiaisonDb): Promise<void> {
  for (const id of INQUIRIES) {
    const expected = projectInquiry(await eventsOf(db.events, id));
    const row = await db.inquiries.get(id);
    expect(row).toEqual(expected);
  }
}

/** Applies one step the way its writer does: commands and import bring this desk's events, sync other desks'. */
async function apply(store: EventStore, db: LiaisonDb, pool: readonly InquiryEvent[], step: Step): Promise<void> {
  const picked = step.picks.map((i) => pool[i % pool.length] as InquiryEvent);
  if (step.origin === 'restamp') {
    const own = (await db.events.bulkGet(picked.map((e) => e.id))).filter((e): e is InquiryEvent => e?.deviceId === ME);
    if (own.length === 0) return;
    const moved = own.map((e) => ({ ...e, hlc: stampOf(step.shift, ME, 1000 + pool.findIndex((p) => p.id === e.id)) }));
    await store.append({ deviceId: ME }, moved, 'restamp');
    return;
  }
  if (step.origin === 'command') {
    // A command runs on one inquiry that stands in the log (or logs a new one), with events never stored.
    const inquiryId = picked[0]?.inquiryId as string;
    const known = await db.events.bulkGet(picked.map((e) => e.id));
    const events = picked.filter((e, i) => e.inquiryId === inquiryId && e.deviceId === ME && known[i] === undefined);
    const unique = [...new Map(events.map((e) => [e.id, e])).values()];
    if (unique.length === 0) return;
    const row = await db.inquiries.get(inquiryId);
    const isNew = row === undefined && (await eventsOf(db.events, inquiryId)).length === 0;
    if (!row && !(isNew && unique.some((e) => e.type === 'InquiryLogged'))) return;
    await store.append({ deviceId: ME }, unique, 'command', { rows: new Map<string, InquiryRecord | undefined>([[inquiryId, row]]) });
    return;
  }
  const events =
    step.origin === 'sync'
      ? picked.filter((e) => e.deviceId !== ME)
      : step.origin === 'import'
        ? picked.filter((e) => e.deviceId === ME)
        : picked;
  await store.append({ deviceId: ME }, events, step.origin);
}

describe('EventStore.append', () => {
  it('keeps every row equal to the fold of all its events, for any interleaving of origins', async () => {
    await fc.assert(
      fc.asyncProperty(poolArb, fc.array(stepArb, { minLength: 1, maxLength: 12 }), async (pool, steps) => {
        db = new LiaisonDb(`es-${crypto.randomUUID()}`);
        const store = new EventStore(db, { publish: () => undefined });
        for (const step of steps) {
          await apply(store, db, pool, step);
          await checkRows(db);
        }
        // Whatever was not delivered arrives at last by sync and import: the rows still hold.
        await store.append({ deviceId: ME }, pool, 'sync');
        await checkRows(db);
        db.close();
        await db.delete();
        db = null;
      }),
      { numRuns: 60 },
    );
  });

  it('stores each event once, chains this desk’s, and gives the outbox only this desk’s new events', async () => {
    db = new LiaisonDb(`es-${crypto.randomUUID()}`);
    const store = new EventStore(db, { publish: () => undefined });
    const mine = loggedOf(0, 1, 0);
    const theirs = loggedOf(1, 2, 1);
    await store.append({ deviceId: ME }, [mine, mine], 'import');
    await store.append({ deviceId: ME }, [theirs, mine], 'sync');
    const stored = await db.events.toArray();
    expect(stored.map((e) => e.id).sort()).toEqual(['LOG-0', 'LOG-1']);
    expect(stored.find((e) => e.id === 'LOG-0')?.chain?.seq).toBe(1);
    expect(stored.find((e) => e.id === 'LOG-1')?.chain).toBeUndefined();
    expect((await db.outbox.toArray()).map((o) => o.eventId)).toEqual(['LOG-0']);
  });
});
