import { describe, expect, it } from 'vitest';
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
});
