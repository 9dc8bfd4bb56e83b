import { describe, expect, it } from 'vitest';
import { storedFindings, verifyLog } from '../../renderer/data/chainStore';
import type { InquiryEvent } from '../../shared/inquiry/events';
import { asInstant } from '../../shared/time/types';
import { type Desk, syncAll, team, tempShareEachTest } from './desks';
import { FIELDS } from './memoryHarness';

/**
 * The hash chains across desks (docs/events.md "Tamper-evident history"): whole desks (Repo, Dexie,
 * engine) over a real temp folder. Each desk's links travel with its events; every desk verifies every
 * desk's chain; a re-stamped day-fast desk's chain still verifies everywhere; a desk that makes its own
 * chain again is caught by the others' copies.
 */

let desks: Desk[] = [];
const share = tempShareEachTest(() => desks.splice(0));

async function verifyOn(d: Desk) {
  const { deviceId } = await d.repo.device();
  const profile = await d.repo.activeProfile();
  return verifyLog(d.db, {
    deviceId,
    ranBy: { id: profile?.id ?? 'x', name: profile?.displayName ?? 'x', role: profile?.role ?? 'lead' },
    now: () => d.clock.now(),
  });
}

describe('hash chains across desks', () => {
  it('each desk’s links arrive whole; every desk verifies every chain with nothing broken or missing', async () => {
    desks = await team(share.root, ['Ana', 'Ben', 'Cam']);
    const [a, b, c] = desks as [Desk, Desk, Desk];
    const { id } = await a.repo.logInquiry(FIELDS);
    await syncAll(desks);
    await b.repo.addNote(id, 'Called the member.');
    await c.repo.editFields(id, { rootCause: 'Vendor' });
    await a.repo.addNote(id, 'MCO called back.');
    await syncAll(desks);
    const byId = (events: InquiryEvent[]) => new Map(events.map((e) => [e.id, e]));
    const onA = byId(await a.events());
    for (const d of desks) {
      for (const e of await d.events()) expect(e.chain, `${d.name}: ${e.type}`).toEqual(onA.get(e.id)?.chain);
      const report = await verifyOn(d);
      expect(report.totals).toMatchObject({ events: 5, chained: 5, notChained: 0, breaks: 0, gaps: 0, desks: 3 });
      expect(await storedFindings(d.db)).toEqual([]);
    }
  });

  it('a step recorded after it happened (format 2) arrives with both times, folds the same and verifies on every desk', async () => {
    desks = await team(share.root, ['Ana', 'Ben']);
    const [a, b] = desks as [Desk, Desk];
    const now = a.clock.now();
    const { id } = await a.repo.logInquiry({ ...FIELDS, receivedAt: asInstant(now - 2 * 3_600_000) });
    const happened = asInstant(now - 3_600_000);
    await a.repo.recordOutreach(id, { party: 'member', method: 'call', reached: true, note: '', happenedAt: happened });
    await syncAll(desks);
    const onB = (await b.events()).find((e) => e.type === 'OutreachRecorded');
    expect(onB).toMatchObject({ v: 2, happenedAt: happened });
    expect(onB?.at).toBeGreaterThan(happened);
    expect((await b.rows())[id]?.workflow.firstContactAt).toBe(happened);
    expect(await b.rows()).toEqual(await a.rows());
    for (const d of desks) expect((await verifyOn(d)).totals).toMatchObject({ chained: 3, breaks: 0, gaps: 0 });
  });

  it('a day-fast desk’s re-stamped work still verifies, on it and on the others', async () => {
    desks = await team(share.root, ['Ana', 'Ben']);
    const [a, b] = desks as [Desk, Desk];
    const { id } = await a.repo.logInquiry(FIELDS);
    await syncAll(desks);
    b.clock.skewMs = 24 * 3_600_000;
    await b.repo.addNote(id, 'Spoke with the transport vendor.');
    await b.repo.addNote(id, 'Vendor rebooked the ride.');
    await b.sync();
    b.clock.skewMs = 0;
    await syncAll(desks);
    for (const d of desks) {
      expect((await verifyOn(d)).totals).toMatchObject({ chained: 4, breaks: 0, gaps: 0 });
      expect(await storedFindings(d.db)).toEqual([]);
    }
  });

  it('a desk that changes an event and makes its own chain again verifies at home, but not at the other desk', async () => {
    desks = await team(share.root, ['Ana', 'Ben']);
    const [a, b] = desks as [Desk, Desk];
    const { id } = await a.repo.logInquiry(FIELDS);
    await a.repo.addNote(id, 'Promised a callback by noon.');
    await syncAll(desks);
    // Ana's desk rewrites her note and re-makes her chain from it (it is her own database).
    const { chainEvents } = await import('../../shared/inquiry/chain');
    const { deviceId } = await a.repo.device();
    const own = (await a.events()).filter((e) => e.deviceId === deviceId).sort((x, y) => (x.chain?.seq ?? 0) - (y.chain?.seq ?? 0));
    const changed = own.map((e) =>
      e.type === 'NoteAdded' ? ({ ...e, payload: { text: 'Promised a callback by Friday.' } } as InquiryEvent) : e,
    );
    const remade = (await chainEvents(changed, null)).events;
    await a.db.events.bulkPut(remade);
    expect((await verifyOn(a)).totals.breaks).toBe(0);
    // Her next note travels with a link onto the re-made chain: Ben's desk, holding the original, sees it.
    await a.repo.addNote(id, 'Called back.');
    await syncAll(desks);
    const findings = await storedFindings(b.db);
    expect(findings.map((f) => [f.kind, f.event.seq])).toEqual([['link', 4]]);
    expect((await verifyOn(b)).breaks.map((x) => [x.kind, x.event.seq, x.event.type])).toEqual([['link', 4, 'NoteAdded']]);
  });
});
