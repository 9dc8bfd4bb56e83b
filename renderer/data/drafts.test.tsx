import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formOfFields } from '../../shared/inquiry/intake';
import type { Profile } from '../../shared/people';
import { freshDeskPerTest, MONDAY_2PM, PAT_LEE, type TestDesk } from '../test/fixtures';
import { renderApp } from '../test/renderApp';
import { AUTOSAVE_DELAY_MS, draftKey, loadDraft } from './drafts';

let desk: TestDesk;
let ana: Profile;
const SETTLE = { timeout: 5_000 };

freshDeskPerTest((d, profile) => {
  desk = d;
  ana = profile;
});

const key = () => draftKey('intake', ana.id);
const input = (id: string) => document.getElementById(`intake-${id}`) as HTMLInputElement;

describe('the intake draft', { timeout: 30_000 }, () => {
  it('autosaves what is typed, and fills the form back in with a notice when reopened', async () => {
    const first = renderApp(desk, '#/new');
    await screen.findByRole('heading', { level: 1, name: 'New inquiry' });
    await first.user.type(input('memberName'), 'Maria Lopez');
    await first.user.type(input('description'), 'Insulin refill denied.');
    await waitFor(async () => expect((await loadDraft(desk.db, key()))?.values.description).toBe('Insulin refill denied.'), SETTLE);
    expect((await loadDraft(desk.db, key()))?.values.memberName).toBe('Maria Lopez');
    expect(AUTOSAVE_DELAY_MS).toBe(500);
    // The window goes away without saving (a crash, or closing it).
    first.unmount();

    desk.clock.set('2026-11-23T20:30:00.000Z');
    const second = renderApp(desk, '#/new');
    const notice = (await screen.findByText(/^Draft restored from/, {}, SETTLE)).closest('[role="status"]') as HTMLElement;
    await waitFor(() => expect(input('memberName').value).toBe('Maria Lopez'));
    expect(notice.textContent).toContain('Draft restored from Mon, Nov 23, 2026, 2:00 PM CST.');
    expect(input('description').value).toBe('Insulin refill denied.');
    // The received date and time are the ones first typed, not the new now.
    expect(input('receivedTime').value).toBe('14:00');

    await second.user.click(screen.getByRole('button', { name: 'Discard draft' }));
    expect(input('memberName').value).toBe('');
    expect(input('receivedTime').value).toBe('14:30');
    expect(screen.queryByRole('button', { name: 'Discard draft' })).toBeNull();
    expect(document.activeElement?.id).toBe('intake-title');
    await waitFor(async () => expect(await loadDraft(desk.db, key())).toBeUndefined(), SETTLE);
  });

  it('is cleared once the inquiry is saved', async () => {
    const zone = (await desk.repo.config()).timeZone;
    const values = { ...formOfFields(PAT_LEE, zone) } as unknown as Record<string, string>;
    await desk.db.drafts.put({ id: key(), profileId: ana.id, savedAt: Date.parse(MONDAY_2PM), values });
    const { user } = renderApp(desk, '#/new');
    await screen.findByRole('button', { name: 'Discard draft' }, SETTLE);
    await waitFor(() => expect(input('memberName').value).toBe('Pat Lee'));
    input('memberName').focus();
    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByRole('heading', { level: 1, name: /^Inquiry / }, SETTLE);
    expect(await desk.db.inquiries.count()).toBe(1);
    expect(await loadDraft(desk.db, key())).toBeUndefined();
  });

  it('leaves nothing when the form is opened and left untouched, or cancelled', async () => {
    const first = renderApp(desk, '#/new');
    await screen.findByRole('heading', { level: 1, name: 'New inquiry' });
    await new Promise((r) => setTimeout(r, AUTOSAVE_DELAY_MS * 2));
    first.unmount();
    expect(await desk.db.drafts.count()).toBe(0);

    const second = renderApp(desk, '#/new');
    await screen.findByRole('heading', { level: 1, name: 'New inquiry' });
    await second.user.type(input('memberName'), 'Someone');
    await waitFor(async () => expect(await desk.db.drafts.count()).toBe(1), SETTLE);
    await second.user.click(screen.getByRole('button', { name: 'Cancel' }));
    // A changed form asks first (issue 16); the draft stays until the person says to discard it.
    const ask = await screen.findByRole('alertdialog', { name: /^Discard this new inquiry\?/ });
    expect(await desk.db.drafts.count()).toBe(1);
    await second.user.click(within(ask).getByRole('button', { name: 'Discard' }));
    await waitFor(async () => expect(await desk.db.drafts.count()).toBe(0), SETTLE);
  });

  it('keeps no draft of a damaged record beyond its text values', async () => {
    await desk.db.drafts.put({ id: key(), profileId: ana.id, savedAt: 1, values: { memberName: 'Kept', receivedAt: 5 } as never });
    expect((await loadDraft(desk.db, key()))?.values).toEqual({ memberName: 'Kept' });
  });
});
