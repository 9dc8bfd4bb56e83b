import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { chainEvents } from '../../shared/inquiry/chain';
import type { InquiryEvent } from '../../shared/inquiry/events';
import type { Profile } from '../../shared/people';
import { encodeHlc } from '../../shared/sync/hlc';
import { initialSyncState } from '../../shared/sync/store';
import { asInstant } from '../../shared/time/types';
import { DexieSyncStore } from '../data/syncStore';
import { freshDeskPerTest, LEE_GRANT, MONDAY_2PM, PAT_LEE, type TestDesk } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

let desk: TestDesk;
let lee: Profile;
const SETTLE = { timeout: 10_000 };
const OTHER = 'PQRST7X4RT9ABCDE';

freshDeskPerTest((d, profile) => {
  desk = d;
  lee = profile;
}, LEE_GRANT);

describe('Settings → Verify the log', { timeout: 30_000 }, () => {
  it('lists a break found while syncing by case number; verifying names it; the sign-off needs a name', async () => {
    const { id, caseNumber } = await desk.repo.logInquiry(PAT_LEE);
    // A colleague's desk: three notes on this inquiry, the second changed on its way here.
    const notes: InquiryEvent[] = [1, 2, 3].map((i) => ({
      id: `01JREMOTENOTE0000000000000${i}`,
      inquiryId: id,
      type: 'NoteAdded',
      payload: { text: `Remote note ${i}` },
      actor: { id: '01JPROFILE0000000000000009', name: 'Sam Patel', role: 'esr' },
      deviceId: OTHER,
      hlc: encodeHlc({ wall: Date.parse(MONDAY_2PM) + i, counter: 0, deviceId: OTHER }),
      at: asInstant(Date.parse(MONDAY_2PM) + i),
      v: 1,
    }));
    const chained = (await chainEvents(notes, null)).events;
    const changed = { ...(chained[1] as InquiryEvent), payload: { text: 'Changed on the way' } } as InquiryEvent;
    const store = new DexieSyncStore(desk.db, desk.changes, () => desk.repo.device());
    await store.ingest([chained[0] as InquiryEvent, changed, chained[2] as InquiryEvent], initialSyncState(), null, Date.parse(MONDAY_2PM));

    const { user } = renderApp(desk, '#/settings/verify');
    await screen.findByRole('heading', { level: 1, name: 'Verify the log' }, SETTLE);
    const alert = await screen.findByRole('alert', {}, SETTLE);
    expect(alert.textContent).toContain('2 breaks found by the history checks and not put right.');
    const found = await screen.findByText(
      /^261123-[0-9A-Z]{5}-001 · Note added, recorded .* on desk PQRST, #2 in its chain: Changed after/,
      {},
      SETTLE,
    );
    expect(found.textContent).toContain(`${caseNumber} · Note added`);
    expect(found.textContent).toContain('Found while syncing');

    await user.click(screen.getByRole('button', { name: 'Verify the log' }));
    await screen.findByRole('heading', { name: 'Summary' }, SETTLE);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Summary'), SETTLE);
    const broken = screen.getByRole('table', { name: 'Broken events' });
    expect(
      within(broken)
        .getAllByRole('row')
        .slice(1)
        .map((r) => [...r.querySelectorAll('th, td')].slice(0, 5).map((c) => c.textContent)),
    ).toEqual([
      [caseNumber, 'Note added', 'Mon, Nov 23, 2026, 2:00 PM CST', 'PQRST', '#2'],
      [caseNumber, 'Note added', 'Mon, Nov 23, 2026, 2:00 PM CST', 'PQRST', '#3'],
    ]);
    // The findings are what the verification found broken: still listed, now found by it.
    await waitFor(() => expect(screen.getAllByText(/Found by Verify the log on/)).toHaveLength(2), SETTLE);

    const name = screen.getByLabelText('Signed off by');
    expect((name as HTMLInputElement).value).toBe(lee.displayName);
    await user.clear(name);
    await user.click(screen.getByRole('button', { name: 'Sign off the summary' }));
    expect(await screen.findByText('Enter your name to sign the summary off.')).toBeTruthy();
    expect(document.activeElement).toBe(name);
    await user.type(name, 'Lee Grant');
    // A summary with breaks is signed off only when the lead says the breaks were seen.
    await user.click(screen.getByRole('button', { name: 'Sign off the summary' }));
    expect(await screen.findByText('Tick this to sign off a summary with breaks.')).toBeTruthy();
    const seen = screen.getByRole('checkbox', { name: /^I have seen the 2 breaks above/ });
    expect(document.activeElement).toBe(seen);
    await user.click(seen);
    await user.click(screen.getByRole('button', { name: 'Sign off the summary' }));
    await screen.findByRole('heading', { name: 'Signed off' }, SETTLE);
    expect(screen.getByText(/^Signed off by Lee Grant \(Unit lead\) on Mon, Nov 23, 2026, 2:00 PM CST\.$/)).toBeTruthy();
    await screen.findByRole('table', { name: 'Sign-offs, newest first' }, SETTLE);
  });
  it('an event removed from this desk’s chain is a break: the words, the tables and the sign-off agree', async () => {
    for (let i = 0; i < 2; i++) await desk.repo.logInquiry({ ...PAT_LEE, memberName: `Member ${i}` });
    const { deviceId } = await desk.repo.device();
    const own = await desk.db.events.where('[deviceId+chain.seq]').between([deviceId, 3], [deviceId, 3], true, true).first();
    await desk.db.events.delete(own?.id as string);

    const { user } = renderApp(desk, '#/settings/verify');
    await screen.findByRole('heading', { level: 1, name: 'Verify the log' }, SETTLE);
    await user.click(screen.getByRole('button', { name: 'Verify the log' }));
    await screen.findByRole('heading', { name: 'Summary' }, SETTLE);
    expect(screen.getByRole('status').textContent).toBe('Verified 3 chained events: 1 broken.');
    const summary = document.querySelector('.verify-report .data-warn')?.textContent ?? '';
    expect(summary).toBe('1 break found: the events named below were changed, removed or put in outside the app.');
    expect(summary).not.toContain('gap');
    const desks = within(screen.getByRole('table', { name: 'Desks and their chains' })).getAllByRole('row')[1];
    const cells = [...(desks?.querySelectorAll('th, td') ?? [])].map((c) => c.textContent);
    expect(cells[0]).toBe(`${deviceId.slice(0, 5)} (this desk)`);
    // Breaks 1, missing 1.
    expect([cells[5], cells[6]]).toEqual(['1', '1']);
    const row = within(screen.getByRole('table', { name: 'Broken events' })).getAllByRole('row')[1];
    const broken = [...(row?.querySelectorAll('th, td') ?? [])].map((c) => c.textContent ?? '');
    expect(broken.slice(0, 5)).toEqual(['Not known (removed)', 'Removed', 'Not known', deviceId.slice(0, 5), '#3']);
    expect(broken[5]).toMatch(/^removed: #3, between #2 and #4\. Removed from this desk’s own chain/);
    expect(screen.queryByRole('table', { name: /not on this desk yet/ })).toBeNull();
    // Found, it stays listed (and the header tells a lead) until the log is put right.
    await screen.findByText(/removed: #3, between #2 and #4: Removed from this desk’s own chain .* Found by Verify the log/, {}, SETTLE);
    await screen.findByRole('link', { name: 'History check: 1 event changed outside the app — review' }, SETTLE);
    await user.click(screen.getByRole('button', { name: 'Sign off the summary' }));
    expect(await screen.findByText('Tick this to sign off a summary with a break.')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: /^I have seen the break above/ })).toBe(document.activeElement);
  });
});
