import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../sync/hlc';
import { asInstant } from '../time/types';
import {
  CHAIN_GENESIS,
  type ChainBreak,
  canonicalJson,
  chainEvents,
  chainEventsNow,
  checkArrivals,
  checkDeskChain,
  emptyDeskState,
  linkHash,
  linkText,
  recomputeAll,
  sha256Hex,
} from './chain';
import { type InquiryEvent, parseEvent } from './events';

const DESK = 'K7QM2X4RT9ABCDEF';
const OTHER = 'PQRST7X4RT9ABCDE';
const T0 = Date.parse('2026-11-23T15:00:00Z');

function note(i: number, device = DESK, text = `Called the member (${i}).`): InquiryEvent {
  return {
    id: `01JCHAIN${device.slice(0, 4)}${String(i).padStart(14, '0')}`,
    inquiryId: `01JINQ000000000000000000${String(i % 3).padStart(2, '0')}`,
    type: 'NoteAdded',
    payload: { text },
    actor: { id: '01JPROFILE0000000000000001', name: 'Dana Whitfield', role: 'liaison' },
    deviceId: device,
    hlc: encodeHlc({ wall: T0 + i * 1000, counter: 0, deviceId: device }),
    at: asInstant(T0 + i * 1000),
    v: 1,
  };
}

async function chainOf(n: number, device = DESK): Promise<InquiryEvent[]> {
  return (
    await chainEvents(
      Array.from({ length: n }, (_, i) => note(i + 1, device)),
      null,
    )
  ).events;
}

async function verify(events: readonly InquiryEvent[], device = DESK, own = false) {
  const sorted = [...events].sort((a, b) => (a.chain?.seq ?? 0) - (b.chain?.seq ?? 0) || a.id.localeCompare(b.id));
  const counts = { breaks: 0, gaps: 0 };
  const state = checkDeskChain(emptyDeskState(device, own), await recomputeAll(sorted), counts);
  return { ...state, counts };
}

const kinds = (breaks: readonly ChainBreak[]) => breaks.map((b) => [b.kind, b.event.seq, b.other?.seq ?? null]);

describe('the canonical form', () => {
  it('sorts keys at every level, leaves undefined members out and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 'x' }], c: undefined }, e: null })).toBe(
      '{"a":{"d":[3,{"y":"x","z":1}]},"b":1,"e":null}',
    );
  });

  it('is the same after a JSON round trip, whatever the key order (-0, escapes, lone surrogates, non-BMP)', () => {
    const value = { text: 'café “quoted” \n 日本 🚑 \ud800 end', n: -0, list: [1.5, true, null], nested: { y: 2, x: 1 } };
    const reordered = { nested: { x: 1, y: 2 }, list: [1.5, true, null], n: 0, text: value.text };
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
    expect(canonicalJson(reordered)).toBe(canonicalJson(value));
  });

  it('refuses what JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/finite/);
    expect(() => canonicalJson([() => 1])).toThrow(/cannot encode/);
  });
});

describe('a link', () => {
  it('is SHA-256 over a tagged canonical text of the event without its hash, with seq and prev', async () => {
    const e = note(1);
    const text = linkText(e, 1, CHAIN_GENESIS);
    expect(text.startsWith('liaison-log/event-chain/v1\n{"actor":')).toBe(true);
    expect(text).toContain(`"chain":{"prev":"${CHAIN_GENESIS}","seq":1}`);
    // SHA-256 itself (FIPS 180-2 test vector "abc"), over that text.
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await linkHash(e, 1, CHAIN_GENESIS)).toBe(await sha256Hex(text));
    // A stored hash does not feed itself.
    const [chained] = (await chainEvents([e], null)).events as [InquiryEvent];
    expect(linkText(chained, 1, CHAIN_GENESIS)).toBe(text);
  });

  it('chains onto a head: consecutive seqs, each prev the hash before it', async () => {
    const first = await chainEvents([note(1), note(2)], null);
    const more = await chainEvents([note(3)], first.head);
    const all = [...first.events, ...more.events];
    expect(all.map((e) => e.chain?.seq)).toEqual([1, 2, 3]);
    expect(all.map((e) => e.chain?.prev)).toEqual([CHAIN_GENESIS, all[0]?.chain?.hash, all[1]?.chain?.hash]);
    expect(more.head).toEqual({ seq: 3, hash: all[2]?.chain?.hash });
    expect((await chainEvents([], more.head)).head).toEqual(more.head);
  });

  it('gives the same links computed synchronously (chainEventsNow, used inside write transactions) as with WebCrypto', async () => {
    const unicode = note(4, DESK, 'Llamó a la señora 🙂 — «urgente»');
    const head = (await chainEvents([note(1)], null)).head;
    const events = [note(2), note(3), unicode];
    expect(chainEventsNow(events, head)).toEqual(await chainEvents(events, head));
    expect(chainEventsNow(events, null)).toEqual(await chainEvents(events, null));
    expect(chainEventsNow([], head)).toEqual({ events: [], head });
  });

  it('survives parseEvent and a JSON round trip (sync, backup); an event without a chain stays valid', async () => {
    const [e] = await chainOf(1);
    const parsed = parseEvent(JSON.parse(JSON.stringify(e)));
    expect(parsed.ok && parsed.event).toEqual(e);
    expect((await verify([parsed.ok ? parsed.event : (e as InquiryEvent)])).breaks).toEqual([]);
    expect(parseEvent(JSON.parse(JSON.stringify(note(2)))).ok).toBe(true);
    expect(parseEvent({ ...e, chain: { seq: 0, prev: CHAIN_GENESIS, hash: CHAIN_GENESIS } }).ok).toBe(false);
    expect(parseEvent({ ...e, chain: { seq: 1, prev: 'abc', hash: CHAIN_GENESIS } }).ok).toBe(false);
  });
});

describe('verifying a desk’s chain', () => {
  it('finds nothing wrong in an intact chain', async () => {
    const r = await verify(await chainOf(20));
    expect([r.checked, r.breaks, r.gaps, r.last?.seq]).toEqual([20, [], [], 20]);
  });

  it('a changed payload: that event (altered) and its successor’s link', async () => {
    const events = await chainOf(10);
    events[4] = { ...(events[4] as InquiryEvent), payload: { text: 'Something else' } } as InquiryEvent;
    const r = await verify(events);
    expect(kinds(r.breaks)).toEqual([
      ['altered', 5, null],
      ['link', 6, 5],
    ]);
    expect(r.breaks[0]?.event).toEqual({
      eventId: events[4]?.id,
      inquiryId: events[4]?.inquiryId,
      type: 'NoteAdded',
      at: events[4]?.at,
      deviceId: DESK,
      seq: 5,
    });
  });

  it('covers when it happened (format 2): a chain mixing format 1 and 2 verifies; a changed, added or removed happened time is altered', async () => {
    const said = (i: number): InquiryEvent => ({ ...note(i), v: 2, happenedAt: asInstant(T0 + i * 1000 - 3_600_000) });
    const mixed = [note(1), said(2), { ...note(3), v: 2 } as InquiryEvent, said(4), note(5)];
    const events = (await chainEvents(mixed, null)).events;
    // Through a JSON round trip and parseEvent, as sync and backups carry them.
    const carried = events.map((e) => {
      const r = parseEvent(JSON.parse(JSON.stringify(e)));
      if (!r.ok) throw new Error(r.message);
      return r.event;
    });
    expect((await verify(carried)).breaks).toEqual([]);
    const tampered = [...carried];
    tampered[1] = { ...(carried[1] as InquiryEvent), happenedAt: asInstant(T0) };
    tampered[2] = { ...(carried[2] as InquiryEvent), happenedAt: asInstant(T0) };
    const { happenedAt: _dropped, ...withoutTime } = carried[3] as InquiryEvent;
    tampered[3] = withoutTime as InquiryEvent;
    expect(kinds((await verify(tampered)).breaks)).toEqual([
      ['altered', 2, null],
      ['altered', 3, null],
      ['link', 3, 2],
      ['altered', 4, null],
      ['link', 4, 3],
      ['link', 5, 4],
    ]);
  });

  it('a changed event whose hash was made again: its successor’s link', async () => {
    const events = await chainOf(10);
    const changed = { ...(events[4] as InquiryEvent), hlc: encodeHlc({ wall: T0 + 999_999, counter: 0, deviceId: DESK }) };
    const link = changed.chain as NonNullable<InquiryEvent['chain']>;
    events[4] = { ...changed, chain: { ...link, hash: await linkHash(changed, link.seq, link.prev) } } as InquiryEvent;
    expect(kinds((await verify(events)).breaks)).toEqual([['link', 6, 5]]);
  });

  it('two events swapped in the chain (their seqs exchanged): both altered, and the links around them', async () => {
    const events = await chainOf(6);
    const a = events[2] as InquiryEvent;
    const b = events[3] as InquiryEvent;
    events[2] = { ...a, chain: b.chain } as InquiryEvent;
    events[3] = { ...b, chain: a.chain } as InquiryEvent;
    const r = await verify(events);
    expect(r.breaks.filter((x) => x.kind === 'altered').map((x) => x.event.eventId)).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(r.breaks.some((x) => x.kind === 'link')).toBe(true);
  });

  it('in another desk’s chain a missing event is a gap (seq 4 not received), not a break; the link after it is not checked against a stranger', async () => {
    const events = await chainOf(8);
    events.splice(3, 1);
    const r = await verify(events);
    expect(r.breaks).toEqual([]);
    expect(r.gaps.map((g) => [g.from, g.to, g.after?.seq, g.before.seq])).toEqual([[4, 4, 3, 5]]);
  });

  it('in the desk’s own chain a missing run is a removal: a break named by the events either side', async () => {
    const events = await chainOf(8);
    events.splice(3, 2);
    const r = await verify(events, DESK, true);
    expect(r.gaps).toEqual([]);
    expect(r.counts).toEqual({ breaks: 1, gaps: 0 });
    expect(r.breaks.map((b) => [b.kind, b.event.seq, b.other?.seq, b.missing])).toEqual([['removed', 6, 3, { from: 4, to: 5 }]]);
    // Removed from the start: no event before it.
    const late = await verify((await chainOf(5)).slice(2), DESK, true);
    expect(late.breaks.map((b) => [b.kind, b.event.seq, b.other, b.missing])).toEqual([['removed', 3, null, { from: 1, to: 2 }]]);
  });

  it('an event put in with a seq already taken: a duplicate', async () => {
    const events = await chainOf(5);
    const intruder = (await chainEvents([note(99, DESK, 'Inserted')], { seq: 2, hash: events[1]?.chain?.hash as string })).events[0];
    const r = await verify([...events, intruder as InquiryEvent]);
    expect(r.breaks.map((b) => b.kind)).toEqual(['duplicate']);
    expect(r.breaks[0]?.event.seq).toBe(3);
    expect(new Set([r.breaks[0]?.event.eventId, r.breaks[0]?.other?.eventId])).toEqual(new Set([intruder?.id, events[2]?.id]));
  });

  it('an event put in and the rest of the chain shifted without making it again: altered from there on', async () => {
    const events = await chainOf(5);
    const [intruder] = (await chainEvents([note(99, DESK, 'Inserted')], { seq: 2, hash: events[1]?.chain?.hash as string })).events;
    const shifted = events
      .slice(2)
      .map((e) => ({ ...e, chain: { ...(e.chain as NonNullable<InquiryEvent['chain']>), seq: (e.chain?.seq ?? 0) + 1 } }));
    const r = await verify([...events.slice(0, 2), intruder as InquiryEvent, ...shifted]);
    expect(kinds(r.breaks)).toEqual([
      ['altered', 4, null],
      ['link', 4, 3],
      ['altered', 5, null],
      ['link', 5, 4],
      ['altered', 6, null],
      ['link', 6, 5],
    ]);
  });

  it('a chain that starts late (received from seq 3): a gap 1–2; unchained events are not looked at', async () => {
    const events = await chainOf(5);
    const r = await verify([note(50), ...events.slice(2)]);
    expect(r.breaks).toEqual([]);
    expect(r.gaps.map((g) => [g.from, g.to, g.after, g.before.seq])).toEqual([[1, 2, null, 3]]);
    expect(r.checked).toBe(3);
  });

  it('a first event that does not start from the genesis: a link break', async () => {
    const [e] = (await chainEvents([note(1)], null)).events as [InquiryEvent];
    const forged = { ...e, chain: { seq: 1, prev: 'f'.repeat(64), hash: await linkHash(e, 1, 'f'.repeat(64)) } };
    expect(kinds((await verify([forged])).breaks)).toEqual([['link', 1, null]]);
  });

  it('goes on from a verified prefix', async () => {
    const events = await chainOf(6);
    const state = emptyDeskState(DESK);
    checkDeskChain(state, await recomputeAll(events.slice(0, 3)));
    checkDeskChain(state, await recomputeAll(events.slice(3)));
    expect([state.checked, state.breaks, state.gaps, state.last?.seq]).toEqual([6, [], [], 6]);
  });

  it('property: one random tamper is reported as exactly that event and its successor’s link', async () => {
    const chains = new Map<number, InquiryEvent[]>();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n - 1 }))),
        fc.constantFrom('payload', 'actor', 'at', 'hlc', 'type', 'inquiry', 'imported'),
        fc.string({ minLength: 1, maxLength: 20 }),
        async ([n, k], field, text) => {
          if (!chains.has(n)) chains.set(n, await chainOf(n));
          const events = [...(chains.get(n) as InquiryEvent[])];
          const e = events[k] as InquiryEvent;
          const tampered: InquiryEvent =
            field === 'payload'
              ? ({ ...e, payload: { text: `${(e.payload as { text: string }).text}${text}` } } as InquiryEvent)
              : field === 'actor'
                ? { ...e, actor: { ...e.actor, name: `${e.actor.name}${text}` } }
                : field === 'at'
                  ? ({ ...e, at: e.at + 1 } as InquiryEvent)
                  : field === 'hlc'
                    ? { ...e, hlc: encodeHlc({ wall: T0 + 5_000_000, counter: 1, deviceId: DESK }) }
                    : field === 'type'
                      ? ({ ...e, type: 'InquiryReopened', payload: { reason: (e.payload as { text: string }).text } } as InquiryEvent)
                      : field === 'inquiry'
                        ? { ...e, inquiryId: `${e.inquiryId.slice(0, -2)}ZZ` }
                        : { ...e, imported: true };
          events[k] = tampered;
          const r = await verify(events);
          const expected: [string, number, number | null][] = [['altered', k + 1, null]];
          if (k < n - 1) expected.push(['link', k + 2, k + 1]);
          expect(kinds(r.breaks)).toEqual(expected);
          expect(r.gaps).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('checking events as they arrive (sync)', () => {
  it('checks each arrival against the held events before and after it, and any other claiming its place', async () => {
    const events = await chainOf(6, OTHER);
    // Held: 1, 2, 4. Arriving: 3 (fits both sides) and 5 (its successor 6 not held yet).
    const held = [events[0], events[1], events[3]] as InquiryEvent[];
    const arriving = [events[2], events[4]] as InquiryEvent[];
    expect(checkArrivals(await recomputeAll(arriving), [...held, ...arriving])).toEqual([]);
  });

  it('names an altered arrival, a link that does not fit, and a second event in the same place', async () => {
    const events = await chainOf(4, OTHER);
    const altered = { ...(events[2] as InquiryEvent), payload: { text: 'changed' } } as InquiryEvent;
    const held = [events[1], events[3]] as InquiryEvent[];
    const breaks = checkArrivals(await recomputeAll([altered]), [...held, altered]);
    expect(kinds(breaks)).toEqual([
      ['altered', 3, null],
      ['link', 4, 3],
    ]);
    const [twin] = (await chainEvents([note(77, OTHER, 'twin')], { seq: 2, hash: events[1]?.chain?.hash as string })).events;
    const dup = checkArrivals(await recomputeAll([twin as InquiryEvent]), [...events, twin as InquiryEvent]);
    // Both claim seq 3, and the held seq 4 does not follow the newcomer.
    expect(kinds(dup)).toEqual([
      ['duplicate', 3, 3],
      ['link', 4, 3],
    ]);
    expect(dup[1]?.other?.eventId).toBe(twin?.id);
  });

  it('an arrival whose predecessor is not held is not a break (a gap for now)', async () => {
    const events = await chainOf(5, OTHER);
    expect(checkArrivals(await recomputeAll([events[4] as InquiryEvent]), [events[4] as InquiryEvent])).toEqual([]);
  });
});
