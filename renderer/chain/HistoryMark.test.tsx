import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InquiryEvent } from '../../shared/inquiry/events';
import { actorOf, type Profile } from '../../shared/people';
import { encodeHlc } from '../../shared/sync/hlc';
import { verifyLog } from '../data/chainStore';
import { freshDeskPerTest, instant, MONDAY_2PM, PAT_LEE, type TestDesk } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

/*
 * Where people work: an inquiry whose events the history checks found broken marks each such entry
 * with what the chain shows and what it cannot; a liaison sees the marks, only a lead the header notice.
 */

let desk: TestDesk;
let ana: Profile;
let inquiry: { id: string; caseNumber: string };
const SETTLE = { timeout: 10_000 };

freshDeskPerTest(async (d, profile) => {
  desk = d;
  ana = profile;
  inquiry = await desk.repo.logInquiry(PAT_LEE);
  for (const text of ['First call.', 'Second call.', 'Third call.']) await desk.repo.addNote(inquiry.id, text);
});

describe('the timeline marks what the history checks found', { timeout: 30_000 }, () => {
  it('a note put in without a link, and the note after a removed one; no header notice for a liaison', async () => {
    const { deviceId } = await desk.repo.device();
    const own = (await desk.db.events.where('[deviceId+chain.seq]').between([deviceId, 0], [deviceId, 99]).toArray()).sort(
      (a, b) => (a.chain?.seq ?? 0) - (b.chain?.seq ?? 0),
    );
    // #4 ("Second call.") removed; a note put in from outside, without a link.
    await desk.db.events.delete((own[3] as InquiryEvent).id);
    const { chain: _none, ...bare } = own[2] as InquiryEvent;
    await desk.db.events.add({
      ...bare,
      id: '01JPVTXN000000000000000001',
      payload: { text: 'Member declined help.' },
      hlc: encodeHlc({ wall: instant(MONDAY_2PM) + 5, counter: 0, deviceId }),
    } as InquiryEvent);
    const report = await verifyLog(desk.db, { deviceId, ranBy: actorOf(ana), now: () => desk.clock.now() });
    expect(report.breaks.map((b) => b.kind).sort()).toEqual(['removed', 'unchained']);

    renderApp(desk, `#/inquiry/${inquiry.id}`);
    await screen.findByRole('heading', { level: 1, name: `Inquiry ${inquiry.caseNumber}` }, SETTLE);
    const marks = await screen.findAllByRole('note', { name: 'History check' }, SETTLE);
    expect(marks).toHaveLength(2);
    const entryOf = (text: string) =>
      within(screen.getByRole('list', { name: 'Timeline entries, newest first' }))
        .getAllByRole('listitem')
        .find((li) => li.querySelector('.note-text')?.textContent === text);
    await waitFor(() => expect(entryOf('Member declined help.')?.textContent).toContain('This entry was put in outside the app.'), SETTLE);
    expect(entryOf('Third call.')?.textContent).toContain('An event recorded on this desk just before this entry was removed.');
    expect(entryOf('Third call.')?.textContent).toContain('not what it said or which inquiry it belonged to');
    expect(entryOf('First call.')?.querySelector('.entry-history')).toBeNull();
    expect(screen.queryByRole('link', { name: /^History check:/ })).toBeNull();
  });
});
