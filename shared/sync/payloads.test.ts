import { describe, expect, it } from 'vitest';
import { addNote } from '../inquiry/commands/addNote';
import { ct, Desk } from '../inquiry/commands/testKit';
import { happenedAt } from '../inquiry/happened';
import { decodeDeskState, decodeSegment, encodeSegment } from './payloads';
import { utf8, webPlatform } from './platform';

const platform = webPlatform();
const DESK = 'A1DESK00000000AA';

describe('what the encrypted files hold', () => {
  it('a segment belongs to its desk and number; entries that are not events are counted, not applied', async () => {
    const encoded = await encodeSegment(platform, DESK, 3, []);
    expect(await decodeSegment(platform, encoded, DESK, 3)).toEqual({ ok: true, value: { events: [], rejected: 0 } });
    expect(await decodeSegment(platform, encoded, DESK, 4)).toEqual({ ok: false, reason: 'damaged' });
    expect(await decodeSegment(platform, encoded, 'B2DESK00000000BB', 3)).toEqual({ ok: false, reason: 'damaged' });
    const odd = await platform.gzip(utf8(JSON.stringify({ v: 1, device: DESK, seq: 3, events: [{ type: 'Unknown' }, 42] })));
    expect(await decodeSegment(platform, odd, DESK, 3)).toEqual({ ok: true, value: { events: [], rejected: 2 } });
  });

  it('a newer payload version is recognised as such; garbage as damage', async () => {
    const newer = await platform.gzip(utf8(JSON.stringify({ v: 2, device: DESK, seq: 1, events: [] })));
    expect(await decodeSegment(platform, newer, DESK, 1)).toEqual({ ok: false, reason: 'newer_format' });
    expect(await decodeSegment(platform, utf8('not gzip'), DESK, 1)).toEqual({ ok: false, reason: 'damaged' });
    expect(await decodeDeskState(platform, await platform.gzip(utf8('{"v":1}')))).toEqual({ ok: false, reason: 'damaged' });
  });

  it('events from an older desk (format 1) and this app’s (format 2, a happened time) both come through; one from a newer app is counted aside', async () => {
    const desk = new Desk({}, { deviceId: 'OLDDESK' });
    const logged = desk.events.map((e) => ({ ...e, v: 1 as const }));
    const [said] = desk.run(addNote, { text: 'Called at 15:10.', happenedAt: ct(2026, 11, 25, 15, 10) }, ct(2026, 11, 25, 16, 0));
    const future = { ...said, id: `${said?.id.slice(0, -1)}Z`, v: 3 };
    const bytes = await platform.gzip(utf8(JSON.stringify({ v: 1, device: DESK, seq: 5, events: [...logged, said, future] })));
    const r = await decodeSegment(platform, bytes, DESK, 5);
    expect(r).toEqual({ ok: true, value: { events: [...logged, said], rejected: 1 } });
    if (r.ok) expect(r.value.events.map(happenedAt)).toEqual([...logged.map((e) => e.at), ct(2026, 11, 25, 15, 10)]);
  });
});
