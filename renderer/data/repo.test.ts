import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../shared/errors';
import { EVENT_FORMAT_VERSION, type InquiryEvent } from '../../shared/inquiry/events';
import { fieldStamp, type InquiryRecord, projectInquiry } from '../../shared/inquiry/projection';
import type { Profile } from '../../shared/people';
import { decodeHlc, encodeHlc } from '../../shared/sync/hlc';
import { ANA_ORTIZ, freshDeskPerTest, instant, openDesk, PAT_LEE, storedCounts, type TestDesk } from '../test/fixtures';

/** Chicago is UTC-6 in November: 03:00 UTC on the 24th is still 9:00 pm on Monday 23 Nov 2026 at the agency. */
const MONDAY_9PM_CHICAGO = '2026-11-24T03:00:00.000Z';
const TUESDAY_9AM_CHICAGO = '2026-11-24T15:00:00.000Z';

async function domainErrorOf(write: Promise<unknown>): Promise<DomainError> {
  try {
    await write;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected the write to fail with a DomainError');
}

const eventsOf = (desk: TestDesk, inquiryId: string): Promise<InquiryEvent[]> =>
  desk.db.events.where('[inquiryId+hlc]').between([inquiryId, ''], [inquiryId, '\uffff']).toArray();

let desk: TestDesk;
let ana: Profile;
let deskCode: string;
let deviceId: string;

freshDeskPerTest(
  async (d, profile) => {
    desk = d;
    ana = profile;
    ({ deskCode, deviceId } = await desk.repo.device());
  },
  ANA_ORTIZ,
  MONDAY_9PM_CHICAGO,
);
afterEach(async () => {
  vi.restoreAllMocks();
});

describe('Repo.logInquiry', () => {
  it('stores one InquiryLogged event, its projection, one outbox entry and the advanced HLC', async () => {
    expect(await storedCounts(desk.db)).toEqual({ events: 0, inquiries: 0, outbox: 0, hlc: undefined, caseSeq: undefined });
    const now = instant(MONDAY_9PM_CHICAGO);

    const { id, caseNumber } = await desk.repo.logInquiry(PAT_LEE);

    expect(caseNumber).toBe(`261123-${deskCode}-001`);
    const stamp = encodeHlc({ wall: now, counter: 0, deviceId });
    const targetsStamp = encodeHlc({ wall: now, counter: 1, deviceId });
    const events = await desk.db.events.orderBy('hlc').toArray();
    expect(events).toEqual([
      {
        id: expect.any(String),
        inquiryId: id,
        actor: { id: ana.id, name: 'Ana Ortiz', role: 'liaison' },
        deviceId,
        hlc: stamp,
        at: now,
        v: EVENT_FORMAT_VERSION,
        type: 'InquiryLogged',
        payload: { caseNumber, fields: PAT_LEE },
        // The first link of this desk's hash chain (renderer/data/chainStore.ts).
        chain: { seq: 1, prev: '0'.repeat(64), hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      },
      // Its first-contact targets under the policy in force, in the same write.
      expect.objectContaining({ inquiryId: id, type: 'TargetsSet', hlc: targetsStamp }),
    ]);
    const [event, targets] = events as [InquiryEvent, InquiryEvent];
    expect(await desk.db.inquiries.toArray()).toEqual([projectInquiry(events)]);
    expect(await desk.db.inquiries.get(id)).toMatchObject({
      caseNumber,
      status: 'open',
      noteCount: 0,
      eventCount: 2,
      lastHlc: targetsStamp,
    });
    expect(await desk.db.outbox.toArray()).toEqual([
      { eventId: event.id, hlc: stamp },
      { eventId: targets.id, hlc: targetsStamp },
    ]);
    expect((await desk.db.meta.get('hlc'))?.value).toEqual({ wall: now, counter: 1, deviceId });
  });

  it('numbers cases by the agency day: -001, -002 on Monday evening in Chicago, -001 again on Tuesday', async () => {
    const first = await desk.repo.logInquiry(PAT_LEE);
    const second = await desk.repo.logInquiry({ ...PAT_LEE, memberName: 'Lou Park' });
    desk.clock.set(TUESDAY_9AM_CHICAGO);
    const third = await desk.repo.logInquiry({ ...PAT_LEE, memberName: 'Kim Vo' });

    expect([first.caseNumber, second.caseNumber, third.caseNumber]).toEqual([
      `261123-${deskCode}-001`,
      `261123-${deskCode}-002`,
      `261124-${deskCode}-001`,
    ]);
    expect(new Set([first.id, second.id, third.id]).size).toBe(3);
    expect((await desk.db.inquiries.orderBy('caseNumber').toArray()).map((r) => [r.caseNumber, r.memberName])).toEqual([
      [`261123-${deskCode}-001`, 'Pat Lee'],
      [`261123-${deskCode}-002`, 'Lou Park'],
      [`261124-${deskCode}-001`, 'Kim Vo'],
    ]);
    expect(await storedCounts(desk.db)).toMatchObject({ events: 6, inquiries: 3, outbox: 6, caseSeq: { day: '2026-11-24', seq: 1 } });
  });

  it('refuses to log without an active profile and stores nothing', async () => {
    const fresh = openDesk(MONDAY_9PM_CHICAGO);
    try {
      const e = await domainErrorOf(fresh.repo.logInquiry(PAT_LEE));
      expect([e.code, e.message]).toEqual(['no_profile', 'Create your profile before logging work.']);
      expect(await storedCounts(fresh.db)).toEqual({ events: 0, inquiries: 0, outbox: 0, hlc: undefined, caseSeq: undefined });
    } finally {
      await fresh.close();
    }
  });
});

describe('Repo.addNote and Repo.editFields', () => {
  it('appends a note and counts it on the inquiry', async () => {
    const { id } = await desk.repo.logInquiry(PAT_LEE);

    await desk.repo.addNote(id, '  Called the member, left a voicemail.  ');

    const events = await eventsOf(desk, id);
    expect(events.map((e) => [e.type, e.type === 'NoteAdded' ? e.payload.text : null])).toEqual([
      ['InquiryLogged', null],
      ['TargetsSet', null],
      ['NoteAdded', 'Called the member, left a voicemail.'],
    ]);
    expect(await desk.db.inquiries.get(id)).toEqual(projectInquiry(events));
    expect(await desk.db.inquiries.get(id)).toMatchObject({ noteCount: 1, eventCount: 3 });
    expect(await storedCounts(desk.db)).toMatchObject({ events: 3, inquiries: 1, outbox: 3 });
  });

  it('a note said to have happened earlier keeps both times, chained; one said to be in the future is refused on happenedAt, nothing stored', async () => {
    const { id } = await desk.repo.logInquiry(PAT_LEE); // received 1:45 PM, now 9:00 PM
    const before = await storedCounts(desk.db);
    const refused = await domainErrorOf(desk.repo.addNote(id, 'Called.', { happenedAt: instant('2026-11-24T04:00:00.000Z') }));
    expect([refused.code, refused.field]).toEqual(['validation', 'happenedAt']);
    expect(await storedCounts(desk.db)).toEqual(before);

    await desk.repo.addNote(id, 'The member called back at 4.', { happenedAt: instant('2026-11-23T22:00:00.000Z') });
    const note = (await eventsOf(desk, id)).find((e) => e.type === 'NoteAdded');
    expect(note).toMatchObject({ v: 2, at: instant(MONDAY_9PM_CHICAGO), happenedAt: instant('2026-11-23T22:00:00.000Z') });
    expect(note?.chain?.seq).toBe(3);
  });

  it('records a priority change as a FieldEdited event and updates the field and its stamp', async () => {
    const { id } = await desk.repo.logInquiry(PAT_LEE);
    desk.clock.set('2026-11-24T03:05:00.000Z');

    await desk.repo.editFields(id, { priority: 'escalated' });

    const events = await eventsOf(desk, id);
    const edit = events.find((e) => e.type === 'FieldEdited');
    const stamp = encodeHlc({ wall: instant('2026-11-24T03:05:00.000Z'), counter: 0, deviceId });
    expect(edit).toMatchObject({ type: 'FieldEdited', hlc: stamp, payload: { field: 'priority', from: 'high', to: 'escalated' } });
    const record = await desk.db.inquiries.get(id);
    expect(record).toEqual(projectInquiry(events));
    expect(record?.priority).toBe('escalated');
    expect(record?.fieldHlc.priority).toBe(stamp);
    expect(fieldStamp(record as InquiryRecord, 'description')).toBe(events[0]?.hlc);
    expect(record?.updatedAt).toBe(instant('2026-11-24T03:05:00.000Z'));
  });

  it('refuses an edit that changes nothing with no_change and writes nothing', async () => {
    const { id } = await desk.repo.logInquiry(PAT_LEE);
    const before = await storedCounts(desk.db);
    const recordBefore = await desk.db.inquiries.get(id);

    const e = await domainErrorOf(desk.repo.editFields(id, { priority: 'high', mcoId: 'itc' }));

    expect([e.code, e.message]).toEqual(['no_change', 'Nothing changed: the new value is the same as the current one.']);
    expect(await storedCounts(desk.db)).toEqual(before);
    expect(await desk.db.inquiries.get(id)).toEqual(recordBefore);
  });

  it('refuses an empty note with the validation message and writes nothing', async () => {
    const { id } = await desk.repo.logInquiry(PAT_LEE);
    const before = await storedCounts(desk.db);

    const e = await domainErrorOf(desk.repo.addNote(id, '   '));

    expect([e.code, e.message]).toEqual(['validation', 'Type the note before adding it.']);
    expect(await storedCounts(desk.db)).toEqual(before);
  });

  it('refuses a note once the active profile is gone, and writes nothing', async () => {
    const { id } = await desk.repo.logInquiry(PAT_LEE);
    await desk.db.meta.delete('activeProfile');
    const before = await storedCounts(desk.db);

    const e = await domainErrorOf(desk.repo.addNote(id, 'Called the member.'));

    expect(e.code).toBe('no_profile');
    expect(await storedCounts(desk.db)).toEqual(before);
  });

  it('refuses a note on an inquiry that is not in the log with not_found', async () => {
    const e = await domainErrorOf(desk.repo.addNote('01JNOSUCHINQUIRY0000000000', 'Called the member.'));
    expect([e.code, e.message]).toEqual(['not_found', 'That inquiry is not in this log.']);
    expect(await storedCounts(desk.db)).toEqual({ events: 0, inquiries: 0, outbox: 0, hlc: undefined, caseSeq: undefined });
  });
});

describe('Repo.justStored', () => {
  it('offers the inquiry the last command stored, as stored, for a second; nothing else', async () => {
    let now = 1_000;
    vi.spyOn(performance, 'now').mockImplementation(() => now);
    const { id } = await desk.repo.logInquiry(PAT_LEE);
    expect(desk.repo.justStored(id)).toEqual(await desk.db.inquiries.get(id));
    expect(desk.repo.justStored('01JNOTHERE0000000000000000')).toBeUndefined();

    await desk.repo.addNote(id, 'Called the member.');
    expect(desk.repo.justStored(id)).toMatchObject({ noteCount: 1 });
    expect(desk.repo.justStored(id)).toEqual(await desk.db.inquiries.get(id));

    now += 1_000;
    expect(desk.repo.justStored(id)).toBeUndefined();
  });

  it('offers nothing from a command that failed', async () => {
    const { id } = await desk.repo.logInquiry(PAT_LEE);
    vi.spyOn(performance, 'now').mockReturnValue(0);
    const before = desk.repo.justStored(id);
    vi.spyOn(desk.db.outbox, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));
    await expect(desk.repo.addNote(id, 'Called the member.')).rejects.toThrow('disk full');
    expect(desk.repo.justStored(id)?.noteCount ?? 0).toBe(0);
    expect(before?.noteCount ?? 0).toBe(0);
  });
});

describe('Repo writes are all or nothing', () => {
  it('stores no event, row, HLC or case number when the outbox write fails', async () => {
    vi.spyOn(desk.db.outbox, 'bulkAdd').mockRejectedValueOnce(new Error('disk full'));

    await expect(desk.repo.logInquiry(PAT_LEE)).rejects.toThrow('disk full');

    expect(await storedCounts(desk.db)).toEqual({ events: 0, inquiries: 0, outbox: 0, hlc: undefined, caseSeq: undefined });
    // The failed write did not use up a case number.
    expect((await desk.repo.logInquiry(PAT_LEE)).caseNumber).toBe(`261123-${deskCode}-001`);
  });

  it('leaves an inquiry untouched when its projection fails to save after the events were added', async () => {
    const { id } = await desk.repo.logInquiry(PAT_LEE);
    const before = await storedCounts(desk.db);
    const recordBefore = await desk.db.inquiries.get(id);
    desk.clock.set('2026-11-24T03:10:00.000Z');
    const bulkPut = vi.spyOn(desk.db.inquiries, 'bulkPut').mockRejectedValueOnce(new Error('quota exceeded'));

    await expect(desk.repo.addNote(id, 'Called the member.')).rejects.toThrow('quota exceeded');

    expect(bulkPut).toHaveBeenCalledTimes(1);
    expect(await storedCounts(desk.db)).toEqual(before);
    expect(await desk.db.inquiries.get(id)).toEqual(recordBefore);
    expect((await eventsOf(desk, id)).map((e) => e.type)).toEqual(['InquiryLogged', 'TargetsSet']);
  });
});

describe('Repo.rebuildProjections', () => {
  it('re-creates the same inquiry rows from the events after the rows are cleared', async () => {
    const a = await desk.repo.logInquiry(PAT_LEE);
    const b = await desk.repo.logInquiry({ ...PAT_LEE, memberName: 'Lou Park', priority: 'escalated' });
    await desk.repo.addNote(a.id, 'Called the member.');
    await desk.repo.editFields(b.id, { priority: 'high', assignee: { id: ana.id, name: 'Ana Ortiz' } });
    const rows = await desk.db.inquiries.toArray();
    expect(rows).toHaveLength(2);
    await desk.db.inquiries.clear();
    const progress: [number, number][] = [];

    const count = await desk.repo.rebuildProjections((done, total) => progress.push([done, total]));

    expect(count).toBe(2);
    expect(progress).toEqual([[2, 2]]);
    expect(await desk.db.inquiries.toArray()).toEqual(rows);
  });

  it('reads the events a chunk at a time, re-reading an inquiry a chunk boundary cuts through, and reports progress after each chunk', async () => {
    const ids: string[] = [];
    for (const name of ['Lou Park', 'Kim Vo', 'Ray Diaz', 'Sam Oh'])
      ids.push((await desk.repo.logInquiry({ ...PAT_LEE, memberName: name })).id);
    // One inquiry with more events than a chunk holds.
    for (const text of ['One.', 'Two.', 'Three.', 'Four.', 'Five.']) await desk.repo.addNote(ids[1] as string, text);
    const rows = await desk.db.inquiries.orderBy(':id').toArray();
    expect(rows.map((r) => r.eventCount)).toEqual([2, 7, 2, 2]);
    await desk.db.inquiries.clear();
    const published: string[] = [];
    desk.changes.subscribe((changed) => published.push(...changed));
    const progress: [number, number][] = [];

    const count = await desk.repo.rebuildProjections((done, total) => progress.push([done, total]), 3);

    expect(count).toBe(4);
    expect(await desk.db.inquiries.orderBy(':id').toArray()).toEqual(rows);
    // [2 of A + 1 of B] keeps A; B alone fills a chunk and is read whole; then C and D.
    expect(progress).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    expect(published).toEqual(ids);
  });

  it('removes rows with no events to fold from, and rows whose events no longer fold to an inquiry', async () => {
    const kept = await desk.repo.logInquiry(PAT_LEE);
    const noEvents = await desk.repo.logInquiry({ ...PAT_LEE, memberName: 'Lou Park' });
    const noLogged = await desk.repo.logInquiry({ ...PAT_LEE, memberName: 'Kim Vo' });
    await desk.db.events.where('inquiryId').equals(noEvents.id).delete();
    const logged = (await eventsOf(desk, noLogged.id)).filter((e) => e.type === 'InquiryLogged');
    await desk.db.events.bulkDelete(logged.map((e) => e.id));

    const count = await desk.repo.rebuildProjections();

    expect(count).toBe(3);
    expect(await desk.db.inquiries.toCollection().primaryKeys()).toEqual([kept.id]);
  });
});

describe('Repo change feed', () => {
  it('announces the changed inquiry once the write is committed, and nothing for a refused or failed write', async () => {
    const heard: { ids: readonly string[]; inTransaction: boolean; stored: Promise<number> }[] = [];
    desk.changes.subscribe((ids) => heard.push({ ids, inTransaction: Dexie.currentTransaction !== null, stored: desk.db.events.count() }));

    const { id } = await desk.repo.logInquiry(PAT_LEE);
    await desk.repo.addNote(id, 'Called the member.');
    await domainErrorOf(desk.repo.editFields(id, { priority: 'high' }));
    vi.spyOn(desk.db.inquiries, 'bulkPut').mockRejectedValueOnce(new Error('quota exceeded'));
    await expect(desk.repo.addNote(id, 'Second call.')).rejects.toThrow('quota exceeded');

    expect(heard.map((h) => [h.ids, h.inTransaction])).toEqual([
      [[id], false],
      [[id], false],
    ]);
    // Logged with its targets (2 events), then the note.
    expect(await Promise.all(heard.map((h) => h.stored))).toEqual([2, 3]);
  });
});

describe('Repo HLC', () => {
  it('never goes backwards when the desk clock is set back', async () => {
    const { id } = await desk.repo.logInquiry(PAT_LEE);
    const logged = (await desk.db.meta.get('hlc'))?.value;
    desk.clock.set('2026-11-24T02:00:00.000Z'); // an hour earlier

    await desk.repo.addNote(id, 'Called the member.');

    const [first, targets, note] = (await eventsOf(desk, id)) as [InquiryEvent, InquiryEvent, InquiryEvent];
    expect(logged).toEqual({ wall: instant(MONDAY_9PM_CHICAGO), counter: 1, deviceId });
    expect(targets.hlc > first.hlc).toBe(true);
    expect(note.hlc > targets.hlc).toBe(true);
    expect(decodeHlc(note.hlc)).toEqual({ wall: instant(MONDAY_9PM_CHICAGO), counter: 2, deviceId });
    expect(note.at).toBe(instant('2026-11-24T02:00:00.000Z'));
    expect((await desk.db.meta.get('hlc'))?.value).toEqual({ wall: instant(MONDAY_9PM_CHICAGO), counter: 2, deviceId });
    // The timeline stays in the order things were done.
    expect((await eventsOf(desk, id)).map((e) => e.type)).toEqual(['InquiryLogged', 'TargetsSet', 'NoteAdded']);
  });
});
