import { describe, expect, it } from 'vitest';
import { CHAIN_GENESIS, chainEvents, linkHash } from '../../shared/inquiry/chain';
import { reportDigest } from '../../shared/inquiry/chainReport';
import type { InquiryEvent } from '../../shared/inquiry/events';
import { actorOf, type Profile } from '../../shared/people';
import { encodeHlc } from '../../shared/sync/hlc';
import { initialSyncState } from '../../shared/sync/store';
import { freshDeskPerTest, instant, LEE_GRANT, PAT_LEE, type TestDesk } from '../test/fixtures';
import { checkChainsInBackground, loadSignOffs, signOff, storedFindings, verifiedPrefixes, verifyLog } from './chainStore';
import { ChangeFeed } from './changes';
import { LiaisonDb } from './db';
import { Repo } from './repo';
import { DexieSyncStore } from './syncStore';

const NOW = '2026-11-23T20:00:00.000Z';
const OTHER = 'PQRST7X4RT9ABCDE';

let desk: TestDesk;
let lee: Profile;
let deviceId: string;

freshDeskPerTest(
  async (d, profile) => {
    desk = d;
    lee = profile;
    ({ deviceId } = await desk.repo.device());
  },
  LEE_GRANT,
  NOW,
);

const ownChain = (db: LiaisonDb, device: string) =>
  db.events.where('[deviceId+chain.seq]').between([device, 0], [device, Number.POSITIVE_INFINITY]).toArray();

async function logSome(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { id } = await desk.repo.logInquiry({ ...PAT_LEE, memberName: `Member ${i}` });
    await desk.repo.addNote(id, `Called the member (${i}).`);
    ids.push(id);
  }
  return ids;
}

function remoteNote(i: number, text = `Remote note ${i}`): InquiryEvent {
  return {
    id: `01JREMOTE${String(i).padStart(17, '0')}`,
    inquiryId: '01JREMOTEINQUIRY0000000001',
    type: 'NoteAdded',
    payload: { text },
    actor: { id: '01JPROFILE0000000000000009', name: 'Sam Patel', role: 'esr' },
    deviceId: OTHER,
    hlc: encodeHlc({ wall: instant(NOW) - 100_000 + i, counter: 0, deviceId: OTHER }),
    at: instant(NOW),
    v: 1,
  };
}

describe('this desk’s writes', () => {
  it('each event gets the next link: seqs 1, 2, 3… in the order written, each prev the hash before it', async () => {
    await logSome(3);
    const chain = await ownChain(desk.db, deviceId);
    // logInquiry writes InquiryLogged + TargetsSet; each note one NoteAdded.
    expect(chain.map((e) => [e.chain?.seq, e.type])).toEqual([
      [1, 'InquiryLogged'],
      [2, 'TargetsSet'],
      [3, 'NoteAdded'],
      [4, 'InquiryLogged'],
      [5, 'TargetsSet'],
      [6, 'NoteAdded'],
      [7, 'InquiryLogged'],
      [8, 'TargetsSet'],
      [9, 'NoteAdded'],
    ]);
    expect(chain[0]?.chain?.prev).toBe(CHAIN_GENESIS);
    for (let i = 1; i < chain.length; i++) expect(chain[i]?.chain?.prev).toBe(chain[i - 1]?.chain?.hash);
    for (const e of chain) expect(e.chain?.hash).toBe(await linkHash(e, e.chain?.seq as number, e.chain?.prev as string));
    expect(await desk.db.events.count()).toBe(9);
  });

  it('two windows writing at once on one database: one chain, no seq twice, no gap', async () => {
    // A second Repo over the same IndexedDB is another window of the app.
    const db2 = new LiaisonDb(desk.db.name);
    const changes2 = new ChangeFeed(db2.name);
    const repo2 = new Repo(db2, desk.clock, changes2);
    try {
      const { id } = await desk.repo.logInquiry(PAT_LEE);
      await Promise.all(
        Array.from({ length: 12 }, (_, i) => (i % 2 ? desk.repo : repo2).addNote(id, `Note ${i} from window ${(i % 2) + 1}`)),
      );
      const chain = await ownChain(desk.db, deviceId);
      expect(chain.map((e) => e.chain?.seq)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
      const report = await verifyLog(desk.db, { deviceId, ranBy: actorOf(lee), now: () => desk.clock.now() });
      expect(report.totals).toMatchObject({ events: 14, chained: 14, notChained: 0, breaks: 0, gaps: 0, desks: 1 });
    } finally {
      changes2.close();
      db2.close();
    }
  });

  it('the legacy import’s events are chained too, in the order stored, after what the desk wrote before', async () => {
    await logSome(1);
    const source = await ownChain(desk.db, deviceId);
    const copies = source.map(
      (e, i) =>
        ({
          ...e,
          id: `01JIMPORTED${String(i).padStart(15, '0')}`,
          inquiryId: '01JIMPORTEDINQUIRY00000001',
          imported: true as const,
          ...(e.type === 'InquiryLogged' ? { payload: { ...e.payload, caseNumber: '261001-IMPRT-900001' } } : {}),
        }) as InquiryEvent,
    );
    let given = false;
    // A batch with an event already held: only the new ones take seqs.
    await desk.repo.appendInBulk(async () => {
      if (given) return null;
      given = true;
      return [source[0] as InquiryEvent, ...copies.map(({ chain: _c, ...e }) => e as InquiryEvent)];
    });
    const chain = await ownChain(desk.db, deviceId);
    expect(chain.map((e) => [e.chain?.seq, e.imported ?? false])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
      [5, true],
      [6, true],
    ]);
    const report = await verifyLog(desk.db, { deviceId, ranBy: actorOf(lee), now: () => desk.clock.now() });
    expect(report.totals.breaks).toBe(0);
  });
});

describe('Verify the log', () => {
  it('names exactly the changed event (case number, type, time, desk, seq) and its successor; no member data', async () => {
    const [first] = await logSome(3);
    const chain = await ownChain(desk.db, deviceId);
    const target = chain[2] as InquiryEvent; // the first NoteAdded
    await desk.db.events.put({ ...target, payload: { text: 'Pat Lee’s note, changed behind the app’s back' } } as InquiryEvent);
    const progress: number[] = [];
    const report = await verifyLog(desk.db, {
      deviceId,
      ranBy: actorOf(lee),
      now: () => desk.clock.now(),
      onProgress: (p) => progress.push(p.done),
      chunk: 4,
    });
    const caseNumber = (await desk.db.inquiries.get(first as string))?.caseNumber;
    expect(report.breaks).toEqual([
      {
        kind: 'altered',
        event: { eventId: target.id, inquiryId: target.inquiryId, type: 'NoteAdded', at: target.at, deviceId, seq: 3, caseNumber },
        other: null,
      },
      expect.objectContaining({
        kind: 'link',
        event: expect.objectContaining({ seq: 4, type: 'InquiryLogged' }),
        other: expect.objectContaining({ seq: 3 }),
      }),
    ]);
    expect(report.totals).toMatchObject({ events: 9, chained: 9, breaks: 2, gaps: 0 });
    expect(report.desks).toEqual([
      expect.objectContaining({
        deviceId,
        own: true,
        events: 9,
        chained: 9,
        notChained: 0,
        breaks: 2,
        head: expect.objectContaining({ seq: 9 }),
      }),
    ]);
    expect(progress.at(-1)).toBe(9);
    expect(progress.length).toBeGreaterThan(2);
    // Nothing the members said or are called is in the report.
    const text = JSON.stringify(report);
    for (const secret of ['Pat Lee', 'Member 0', PAT_LEE.medicaidId, PAT_LEE.memberPhone, 'Called the member'].filter(Boolean))
      expect(text).not.toContain(secret);
  });

  it('a removed event is a break on this desk (removed: #3); an unchained event put in after chaining began is a break', async () => {
    await logSome(2);
    const chain = await ownChain(desk.db, deviceId);
    await desk.db.events.delete((chain[2] as InquiryEvent).id);
    const { chain: _c, ...bare } = {
      ...(chain[1] as InquiryEvent),
      id: '01JINSERTED000000000000001',
      hlc: encodeHlc({ wall: instant(NOW) + 5, counter: 9, deviceId }),
    };
    await desk.db.events.add(bare as InquiryEvent);
    const report = await verifyLog(desk.db, { deviceId, ranBy: actorOf(lee), now: () => desk.clock.now() });
    // This desk stores every event it chains: a gap in its own chain is a removal, never "not received yet".
    expect(report.gaps).toEqual([]);
    expect(report.breaks.map((b) => [b.kind, b.event.seq, b.other?.seq, b.missing])).toEqual([
      ['removed', 4, 2, { from: 3, to: 3 }],
      ['unchained', null, undefined, undefined],
    ]);
    expect(report.breaks[1]?.event.eventId).toBe('01JINSERTED000000000000001');
    expect(report.totals).toMatchObject({ breaks: 2, gaps: 0 });
    expect(report.desks[0]).toMatchObject({ events: 6, chained: 5, notChained: 1, breaks: 2, gaps: 0, missing: 1 });
    // The findings are what is broken now, for the header and the inquiries.
    expect((await storedFindings(desk.db)).map((f) => [f.kind, f.via])).toEqual([
      ['removed', 'verify'],
      ['unchained', 'verify'],
    ]);
  });

  it('events from before chains existed are "not chained", never broken', async () => {
    const old = [remoteNote(1), { ...remoteNote(2), deviceId, hlc: encodeHlc({ wall: instant(NOW) - 50_000, counter: 0, deviceId }) }];
    await desk.db.events.bulkAdd(old);
    await logSome(1);
    const report = await verifyLog(desk.db, { deviceId, ranBy: actorOf(lee), now: () => desk.clock.now() });
    expect(report.totals).toMatchObject({ events: 5, chained: 3, notChained: 2, breaks: 0, gaps: 0, desks: 2 });
    expect(report.desks.map((d) => [d.deskCode, d.own, d.events, d.chained, d.notChained])).toEqual([
      [deviceId.slice(0, 5), true, 4, 3, 1],
      ['PQRST', false, 1, 0, 1],
    ]);
  });

  it('a sign-off is stored with the report’s SHA-256; a later check shows the heads it signed as they are now', async () => {
    await logSome(2);
    const report = await verifyLog(desk.db, { deviceId, ranBy: actorOf(lee), now: () => desk.clock.now() });
    const signed = await signOff(desk.db, report, { name: 'Lee Grant', profile: actorOf(lee) }, desk.clock.now());
    expect(signed.digest).toBe(await reportDigest(report));
    expect(await loadSignOffs(desk.db)).toEqual([signed]);

    // The desk's owner makes the whole chain again from a changed event: every link checks, but not the signed head.
    const chain = await ownChain(desk.db, deviceId);
    const changed = chain.map((e, i) => (i === 2 ? ({ ...e, payload: { text: 'rewritten' } } as InquiryEvent) : e));
    const remade = (await chainEvents(changed, null)).events;
    await desk.db.events.bulkPut(remade);
    const later = await verifyLog(desk.db, { deviceId, ranBy: actorOf(lee), now: () => desk.clock.now() });
    expect(later.totals.breaks).toBe(0);
    expect(later.previousSignOff).toBe(signed.digest);
    expect(later.signOffs).toEqual([
      {
        signOffId: signed.id,
        signedAt: signed.signedAt,
        signedBy: 'Lee Grant',
        intact: true,
        desks: [{ deviceId, seq: 6, status: 'changed' }],
      },
    ]);

    // A cut chain: the signed head is gone. A tampered sign-off no longer gives its digest.
    await desk.db.events.delete((remade[5] as InquiryEvent).id);
    const stored = await loadSignOffs(desk.db);
    await desk.db.meta.put({
      key: 'chainSignOffs',
      value: stored.map((s) => ({ ...s, report: { ...s.report, totals: { ...s.report.totals, breaks: 7 } } })),
    });
    const cut = await verifyLog(desk.db, { deviceId, ranBy: actorOf(lee), now: () => desk.clock.now() });
    expect(cut.signOffs[0]).toMatchObject({ intact: false, desks: [{ deviceId, seq: 6, status: 'gone' }] });
  });
});

describe('sync', () => {
  it('checks arriving events against their desk’s chain, in any order, and stores what is broken', async () => {
    const store = new DexieSyncStore(desk.db, desk.changes, () => desk.repo.device());
    const { events: remote } = await chainEvents(
      Array.from({ length: 6 }, (_, i) => remoteNote(i + 1)),
      null,
    );
    const state = initialSyncState();
    // Out of order: 4-6 first (no predecessor yet: nothing to say), then 1-3 (3 meets 4).
    await store.ingest(remote.slice(3), state, null, instant(NOW));
    await store.ingest(remote.slice(0, 3), state, null, instant(NOW));
    expect(await storedFindings(desk.db)).toEqual([]);

    // A copy of seq 5 changed on the way (another desk's tampering): altered, and it claims a place taken.
    const forged = { ...(remote[4] as InquiryEvent), id: '01JFORGED00000000000000001', payload: { text: 'forged' } } as InquiryEvent;
    await store.ingest([forged], state, null, instant(NOW));
    const findings = await storedFindings(desk.db);
    expect(findings.map((f) => [f.kind, f.event.eventId, f.other?.eventId ?? null, f.via])).toEqual([
      ['altered', forged.id, null, 'sync'],
      // The pair is named newest id first.
      ['duplicate', (remote[4] as InquiryEvent).id, forged.id, 'sync'],
      ['link', (remote[5] as InquiryEvent).id, forged.id, 'sync'],
    ]);
    // The chain fields arrived whole.
    expect(await desk.db.events.get((remote[0] as InquiryEvent).id)).toEqual(remote[0]);
  });

  it('re-stamping this desk’s unpublished future work makes its chain again: it verifies', async () => {
    const store = new DexieSyncStore(desk.db, desk.changes, () => desk.repo.device());
    await logSome(1);
    // The clock was a day fast: two more events stamped ahead.
    desk.clock.set('2026-11-24T20:00:00.000Z');
    const [id] = await logSome(1);
    await desk.repo.addNote(id as string, 'More');
    desk.clock.set(NOW);
    expect(await store.restampFuture(instant(NOW) + 300_000, instant(NOW) + 1)).toBeGreaterThan(0);
    const report = await verifyLog(desk.db, { deviceId, ranBy: actorOf(lee), now: () => desk.clock.now() });
    expect(report.totals).toMatchObject({ chained: 7, breaks: 0, gaps: 0 });
  });
});

describe('the background check', () => {
  it('goes on from where it got to, stops a desk at a gap, and stores breaks', async () => {
    await logSome(2);
    const now = () => desk.clock.now();
    expect(await checkChainsInBackground(desk.db, now, { chunk: 2 })).toBe(6);
    expect((await verifiedPrefixes(desk.db))[deviceId]?.seq).toBe(6);
    await logSome(1);
    // Only the new links are read the next time.
    expect(await checkChainsInBackground(desk.db, now)).toBe(3);

    // Another desk's chain with a hole (seq 3 not received) and a changed event after it.
    const { events: remote } = await chainEvents(
      Array.from({ length: 5 }, (_, i) => remoteNote(i + 1)),
      null,
    );
    const held = [remote[0], remote[1], remote[3], { ...remote[4], payload: { text: 'changed' } }] as InquiryEvent[];
    await desk.db.events.bulkAdd(held);
    await checkChainsInBackground(desk.db, now);
    expect((await verifiedPrefixes(desk.db))[OTHER]?.seq).toBe(2);
    expect(await storedFindings(desk.db)).toEqual([]);
    // Seq 3 arrives: the check goes on past it and finds the changed seq 5.
    await desk.db.events.add(remote[2] as InquiryEvent);
    await checkChainsInBackground(desk.db, now);
    expect((await storedFindings(desk.db)).map((f) => [f.kind, f.event.seq, f.via])).toEqual([['altered', 5, 'background']]);
    expect((await verifiedPrefixes(desk.db))[OTHER]?.seq).toBe(5);
    // A full verify makes the findings what is broken now: the changed event stays found (and its successor's link).
    await verifyLog(desk.db, { deviceId, ranBy: actorOf(lee), now });
    expect((await storedFindings(desk.db)).map((f) => [f.kind, f.event.seq, f.via])).toEqual([['altered', 5, 'verify']]);
    // Put right (the event as recorded is restored): the next verify clears it.
    await desk.db.events.put(remote[4] as InquiryEvent);
    await verifyLog(desk.db, { deviceId, ranBy: actorOf(lee), now });
    expect(await storedFindings(desk.db)).toEqual([]);
  });
});
