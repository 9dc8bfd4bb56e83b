import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PAT_LEE, storedCounts } from '../test/fixtures';
import { inquiryPagePerTest } from '../test/renderApp';

const page = inquiryPagePerTest('2026-11-23T20:30:00.000Z');

async function openInquiry() {
  const app = await page.open();
  await waitFor(() => expect(entries()).toHaveLength(2));
  return app;
}

/** The timeline's entries, newest first, each as its text without the author and time line. */
const entries = () =>
  within(screen.getByRole('list', { name: 'Timeline entries, newest first' }))
    .queryAllByRole('listitem')
    .map((li) =>
      Array.from(li.children)
        .slice(1)
        .map((c) => c.textContent)
        .join(' ')
        .replace(/\s+/g, ' '),
    );

/** The logged entry and, above it, the first-contact targets it was given (High: 2/4 business hours from Mon 1:45 PM). */
const logged = () => [
  'First contact for High (2 business hours target, 4 business hours deadline from receipt): target Mon, Nov 23, 2026, 3:45 PM CST, deadline Tue, Nov 24, 2026, 9:15 AM CST.',
  `Logged the inquiry as ${page.inquiry.caseNumber}.`,
];

describe('InquiryView', () => {
  it('leads with the case: the issue, the member masked until revealed, the status; panels hide and stay hidden', async () => {
    const { user, unmount } = await openInquiry();
    const card = within(screen.getByRole('region', { name: 'The case' }));
    expect(card.getByText('Transportation › Missed ride')).toBeTruthy();
    expect(card.getByText('Ride to dialysis did not come.')).toBeTruthy();
    expect(card.getByText('Ride rebooked for Thursday.')).toBeTruthy();
    expect(screen.getByRole('region', { name: 'The case' }).textContent).toContain('P. L. •••');
    expect(screen.getByRole('region', { name: 'The case' }).textContent).not.toContain('Pat Lee');
    await user.click(screen.getByRole('button', { name: 'Reveal member details' }));
    expect(screen.getByRole('region', { name: 'The case' }).textContent).toContain('Pat Lee');
    // The case comes before the process in the page.
    const order = screen
      .getByRole('region', { name: 'The case' })
      .compareDocumentPosition(screen.getByRole('heading', { name: 'Process' }));
    expect(order & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Hide Process' }));
    expect(screen.getByRole('button', { name: 'Show Process' }).getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('group', { name: 'Next steps' })).toBeNull();
    unmount();
    await openInquiry();
    expect(screen.getByRole('button', { name: 'Show Process' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Show Process' }));
    await screen.findByRole('group', { name: 'Next steps' });
  });

  it('says the status once when the stage says the same (a resolved inquiry reads "Resolved", not "Resolved · Resolved")', async () => {
    await page.desk.repo.resolve(page.inquiry.id, { resolution: 'agency', text: 'Ride rebooked.' });
    await page.open();
    const status = within(screen.getByRole('region', { name: 'The case' })).getByText('Status').nextElementSibling;
    await waitFor(() => expect(status?.textContent).toBe('Resolved'));
  });

  it('masks the member where the issue section quotes them, until revealed', async () => {
    page.inquiry = await page.desk.repo.logInquiry({
      ...PAT_LEE,
      description: 'Pat Lee (ID 1234567A) missed her ride; call 515-555-0142.',
    });
    const { user } = await openInquiry();
    const issue = () => screen.getByRole('region', { name: 'Issue' }).textContent ?? '';
    expect(issue()).not.toContain('Pat Lee');
    expect(issue()).not.toContain('1234567A');
    expect(issue()).not.toContain('555-0142');
    await user.click(screen.getByRole('button', { name: 'Reveal member details' }));
    expect(issue()).toContain('Pat Lee (ID 1234567A) missed her ride; call 515-555-0142.');
  });

  it('shows the logged entry with who logged it and when, in agency time', async () => {
    await openInquiry();

    expect(entries()).toEqual(logged());
    const meta = within(screen.getByRole('list', { name: 'Timeline entries, newest first' })).getAllByRole('listitem')[1]
      ?.firstElementChild;
    // Some ICU versions put a narrow no-break space before PM.
    expect(meta?.textContent?.replace(/\s+/g, ' ')).toBe('Ana Ortiz Mon, Nov 23, 2026, 2:00 PM CST');
  });

  it('adds a note to the top of the timeline', async () => {
    const { user } = await openInquiry();
    const note = screen.getByRole('textbox', { name: 'Add a note as Ana Ortiz' });

    await user.type(note, 'Called the member, left a voicemail.');
    await user.click(screen.getByRole('button', { name: 'Add note' }));

    await waitFor(() => expect(entries()).toEqual(['Called the member, left a voicemail.', ...logged()]));
    expect((note as HTMLTextAreaElement).value).toBe('');
    expect(await page.desk.db.inquiries.get(page.inquiry.id)).toMatchObject({ noteCount: 1, eventCount: 3 });
  });

  it('refuses an empty note with its message and stores nothing', async () => {
    const { user } = await openInquiry();
    const before = await storedCounts(page.desk.db);

    await user.click(screen.getByRole('button', { name: 'Add note' }));

    const note = screen.getByRole('textbox', { name: 'Add a note as Ana Ortiz' });
    await waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById('note-error')?.textContent).toBe('Type the note before adding it.');
    expect(note.getAttribute('aria-describedby')).toBe('note-error note-hint');
    expect(await storedCounts(page.desk.db)).toEqual(before);
    expect(entries()).toHaveLength(2);
  });

  it('"Add a note", the first button after the heading, takes the focus to the note box past the panels', async () => {
    const { user } = await openInquiry();
    expect(document.activeElement?.id).toBe('inquiry-title');
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Add a note');
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /^Add a note as / }));
  });

  it('records a priority change as a timeline entry', async () => {
    const { user } = await openInquiry();

    await user.click(screen.getByRole('button', { name: 'Edit priority' }));
    const editor = screen.getByRole('form', { name: 'Edit priority' });
    expect((within(editor).getByRole('radio', { name: 'High' }) as HTMLInputElement).checked).toBe(true);
    await user.click(within(editor).getByRole('radio', { name: 'Escalated' }));
    await user.click(within(editor).getByRole('button', { name: 'Save change' }));

    await waitFor(() =>
      expect(entries().filter((t) => !t.startsWith('First contact for'))).toEqual([
        'Changed Priority from High to Escalated.',
        `Logged the inquiry as ${page.inquiry.caseNumber}.`,
      ]),
    );
    expect(screen.queryByRole('form', { name: 'Edit priority' })).toBeNull();
    // The header and the timeline read the inquiry and its events in two live queries, each answered in its turn.
    await waitFor(() => expect(document.querySelector('.inquiry-header .badge.priority-escalated')?.textContent).toBe('Escalated'));
    // The edit, and the new first-contact targets the new priority sets.
    expect(await page.desk.db.inquiries.get(page.inquiry.id)).toMatchObject({ priority: 'escalated', eventCount: 4 });
  });

  it('refuses a Medicaid ID that does not fit the agency’s pattern, beside the field, and stores nothing', async () => {
    const { user } = await openInquiry();
    const before = await storedCounts(page.desk.db);

    await user.click(screen.getByRole('button', { name: 'Edit medicaid id' }));
    const input = screen.getByRole('textbox', { name: 'Medicaid ID' });
    expect(document.activeElement).toBe(input);
    await user.clear(input);
    await user.type(input, '12');
    await user.click(screen.getByRole('button', { name: 'Save change' }));

    const error = await waitFor(() => {
      const el = document.getElementById('edit-medicaidId-medicaidId-error');
      expect(el).not.toBeNull();
      return el as HTMLElement;
    });
    expect(error.textContent).toBe('A Medicaid ID is 7 digits followed by a capital letter, for example 1234567A.');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('edit-medicaidId-medicaidId-hint edit-medicaidId-medicaidId-error');
    expect(document.activeElement).toBe(input);
    expect(await storedCounts(page.desk.db)).toEqual(before);
    expect((await page.desk.db.inquiries.get(page.inquiry.id))?.medicaidId).toBe('1234567A');
    expect(entries()).toHaveLength(2);
  });
});
