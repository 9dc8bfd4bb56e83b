import { describe, expect, it } from 'vitest';
import { chainEvents } from '../inquiry/chain';
import type { InquiryEvent } from '../inquiry/events';
import { asInstant } from '../time/types';
import { encodeHlc } from './hlc';
import { decodePart, decodeSegment, encodePart, encodeSegment } from './payloads';
import { webPlatform } from './platform';

const platform = webPlatform();
const DESK = 'A1DESK00000000AA';
const T0 = Date.parse('2026-11-23T15:00:00Z');

const note = (i: number): InquiryEvent => ({
  id: `01JPAYLOAD${String(i).padStart(16, '0')}`,
  inquiryId: '01JPAYLOADINQUIRY000000001',
  type: 'NoteAdded',
  payload: { text: `Note ${i} ${'x'.repeat(i * 50)}` },
  actor: { id: '01JPROFILE0000000000000001', name: 'Dana Whitfield', role: 'liaison' },
  deviceId: DESK,
  hlc: encodeHlc({ wall: T0 + i, counter: 0, deviceId: DESK }),
  at: asInstant(T0 + i),
  v: 1,
});

describe('hash-chain links in the sync payloads', () => {
  it('travel whole in segments and snapshot parts (plain and gzipped); unchained events stay valid beside them', async () => {
    const { events: chained } = await chainEvents([note(1), note(2), note(3)], null);
    const mixed = [note(0), ...chained];
    for (const events of [mixed, [...mixed, ...Array.from({ length: 20 }, (_, i) => note(10 + i))]]) {
      const segment = await decodeSegment(platform, await encodeSegment(platform, DESK, 7, events), DESK, 7);
      expect(segment).toEqual({ ok: true, value: { events, rejected: 0 } });
      const part = await decodePart(platform, await encodePart(platform, 2, events), 2);
      expect(part).toEqual({ ok: true, value: { events, rejected: 0 } });
    }
  });

  it('a damaged link (not a 64-digit hex hash) makes the entry one this version does not understand', async () => {
    const [e] = (await chainEvents([note(1)], null)).events as [InquiryEvent];
    const bad = { ...e, chain: { ...e.chain, hash: 'not-a-hash' } } as unknown as InquiryEvent;
    const segment = await decodeSegment(platform, await encodeSegment(platform, DESK, 1, [bad, note(2)]), DESK, 1);
    expect(segment).toEqual({ ok: true, value: { events: [note(2)], rejected: 1 } });
  });
});
