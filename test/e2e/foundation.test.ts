import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAt, seriousViolations } from './browser';
import { tabAndChoose, tabAndPickRadio, tabAndType, tabTo } from './keyboard';
import { SHOTS, sessionForSuite } from './steps';

/** "Now" for the app under test: a Monday afternoon in Des Moines. */
const NOW = '2026-11-23T14:30:00-06:00';

describe('first run → intake → log → inquiry, by keyboard, in Chromium', () => {
  const session = sessionForSuite();

  it('creates a profile on first start and lands on the log', async () => {
    const { page } = session();
    await openAt(page, NOW);
    await page.getByRole('heading', { name: 'Welcome to Liaison Log' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    // Submitting nothing explains both problems.
    await page.keyboard.press('Enter');
    await page.getByText('Enter your name as colleagues know it (at least 2 characters).').waitFor();
    await page.getByText('Choose your role.').waitFor();
    await page.keyboard.type('Dana Whitfield');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // first role: Member liaison
    // The PIN that unlocks the idle lock, typed twice.
    await page.keyboard.press('Tab');
    await page.keyboard.type('2468');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2468');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'All open' }).waitFor();
    await page.getByText('No inquiries have been logged on this desk yet.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses invalid intake with a message beside each field, and stores nothing', async () => {
    const { page } = session();
    await page.keyboard.press('Alt+N');
    await page.getByRole('heading', { name: 'New inquiry' }).waitFor();
    await tabAndType(page, 'intake-receivedDate', '11/24/2026'); // tomorrow
    await tabAndType(page, 'intake-medicaidId', '12345');
    await tabAndType(page, 'intake-memberDob', '02/30/1990');
    await tabAndType(page, 'intake-memberPhone', '555-01');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const errorOf = (id: string) => page.locator(`#intake-${id}-error`).textContent();
    expect(await errorOf('receivedDate')).toBe('The received date and time is in the future. Enter when the inquiry actually came in.');
    expect(await errorOf('medicaidId')).toBe('A Medicaid ID is 7 digits followed by a capital letter, for example 1234567A.');
    expect(await errorOf('memberDob')).toBe('Enter a real date of birth as mm/dd/yyyy, for example 03/07/1984.');
    expect(await errorOf('memberPhone')).toBe('Enter a 10-digit phone number with area code, for example 515-555-0123.');
    expect(await errorOf('source')).toBe('Choose who referred the inquiry.');
    expect(await errorOf('memberName')).toBe("Enter the member's name.");
    expect(await errorOf('description')).toBe('Describe the issue: what happened and what the member needs.');
    expect(await page.locator('#intake-receivedDate').getAttribute('aria-invalid')).toBe('true');
    // Focus went to the first field in error.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('intake-receivedDate');
    await page.screenshot({ path: resolve(SHOTS, 'intake-errors.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing was stored.
    expect(await page.evaluate(() => location.hash)).toBe('#/new');
  });

  it('logs a valid inquiry by keyboard alone', async () => {
    const { page } = session();
    await tabAndType(page, 'intake-receivedDate', '11/23/2026');
    await tabAndType(page, 'intake-receivedTime', '9:15 am');
    await tabAndChoose(page, 'intake-source', 'Managed');
    await tabAndType(page, 'intake-originatorName', 'Office of Rep. Alvarez');
    await tabAndType(page, 'intake-originatorContact', '515 281 4000');
    await tabAndType(page, 'intake-memberName', 'Maria Lopez');
    await tabAndType(page, 'intake-medicaidId', '1234567a');
    await tabAndType(page, 'intake-memberDob', '03/07/1984');
    await tabAndType(page, 'intake-memberPhone', '');
    await tabAndType(page, 'intake-callbackPhone', '(515) 555-0142');
    await tabAndType(page, 'intake-callbackAvailability', 'Weekdays after 3 pm');
    await tabAndPickRadio(page, 'intake-mcoEnrollment', 'Enrolled with an MCO');
    await tabAndChoose(page, 'intake-mcoId', 'Molina');
    await tabAndPickRadio(page, 'intake-priority', 'High');
    await tabAndChoose(page, 'intake-category', 'Pharmacy');
    await tabAndChoose(page, 'intake-subcategory', 'Prior');
    await tabAndType(page, 'intake-description', 'Insulin refill denied at pharmacy; member has 2 days of supply left.');
    await tabAndType(page, 'intake-expectedOutcome', 'MCO approves the refill today.');
    await page.keyboard.press('Control+Enter');
    const heading = page.getByRole('heading', { level: 1, name: /^Inquiry 261123-[0-9A-Z]{5}-001$/ });
    await heading.waitFor();
    // The detail view masks member identifiers until revealed.
    const details = page.locator('.details');
    expect(await details.textContent()).not.toContain('Maria Lopez');
    expect(await details.textContent()).toContain('M. L. •••');
  });

  it('shows the inquiry in the table, masked, with a per-row reveal; and keeps it across a reload', async () => {
    const { page } = session();
    await page.getByRole('link', { name: 'Log', exact: true }).press('Enter');
    await page.getByRole('heading', { name: 'All open' }).waitFor();
    const row = page.locator('tbody tr').first();
    await row.waitFor();
    expect(await row.locator('td').nth(0).textContent()).toMatch(/^261123-[0-9A-Z]{5}-001$/);
    expect(await row.locator('td').nth(1).textContent()).toBe('11/23/2026 9:15 AM');
    expect(await row.locator('td').nth(2).textContent()).toContain('M. L. •••');
    expect(await row.textContent()).not.toContain('Maria');
    // The default columns (issue 16): case, received, member, summary, priority, next due, assignee.
    expect(await row.locator('td').nth(3).textContent()).toMatch(
      /^Pharmacy › .+ — Insulin refill denied at pharmacy; member has 2 days of supply left\.$/,
    );
    expect(await row.locator('td').nth(4).textContent()).toBe('High');
    expect(await row.locator('td').nth(5).textContent()).toMatch(/^(On track|Due soon|Overdue) First contact (Target|Deadline) /);
    expect(await row.locator('td').nth(6).textContent()).toBe('Dana Whitfield');
    await page.getByRole('button', { name: /^Reveal member for 261123-/ }).press('Enter');
    expect(await row.locator('td').nth(2).textContent()).toContain('Maria Lopez 1234567A');
    await page.screenshot({ path: resolve(SHOTS, 'log.png') });
    expect(await seriousViolations(page)).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { name: 'All open' }).waitFor();
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await page.locator('tbody tr td').nth(2).textContent()).toContain('M. L. •••'); // masked again after reload
  });

  it('searches and filters the table', async () => {
    const { page } = session();
    await page.keyboard.press('/');
    await page.keyboard.type('insulin');
    expect(await page.locator('tbody tr').count()).toBe(1);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('wheelchair');
    await page.getByText('No inquiries in this queue match the search and filters.').waitFor();
    await page.getByRole('button', { name: 'Clear search and filters' }).press('Enter');
    await page.locator('tbody tr').first().waitFor();
    await page.getByRole('button', { name: 'Filter columns' }).press('Enter');
    await page.getByLabel('Filter Priority').selectOption('High');
    expect(await page.locator('tbody tr').count()).toBe(1);
  });

  it('opens the inquiry, adds a note and edits a field; the timeline shows both', async () => {
    const { page } = session();
    await page.locator('tbody tr .case-link').first().press('Enter');
    await page.getByRole('heading', { level: 1, name: /^Inquiry 261123-/ }).waitFor();
    await tabTo(page, 'note-text');
    await page.keyboard.type('Called the member; left a voicemail asking for a callback.');
    await page.keyboard.press('Control+Enter');
    const entries = page.locator('.timeline-list li');
    // Logged, its first-contact targets, and the note.
    await page.waitForFunction(() => document.querySelectorAll('.timeline-list li').length === 3);
    expect(await entries.nth(0).locator('.note-text').textContent()).toBe('Called the member; left a voicemail asking for a callback.');
    expect(await entries.nth(0).locator('.entry-meta strong').textContent()).toBe('Dana Whitfield');

    await page.getByRole('button', { name: 'Edit priority' }).press('Enter');
    // The editor focuses its first control (the High radio); ArrowDown moves to and checks Escalated.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+Enter');
    // The edit, and the new first-contact targets of the new priority.
    await page.waitForFunction(() => document.querySelectorAll('.timeline-list li').length === 5);
    expect(await entries.nth(0).textContent()).toContain('First contact for Escalated (1 business day target, 3 business days deadline');
    expect(await entries.nth(1).textContent()).toContain('Changed Priority from High to Escalated.');
    expect(await entries.nth(1).locator('.entry-meta strong').textContent()).toBe('Dana Whitfield');
    expect(await page.locator('.inquiry-header .badge').nth(1).textContent()).toBe('Escalated');

    // A member identifier edit is masked in the timeline unless revealed.
    await page.getByRole('button', { name: 'Edit callback' }).press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('515-555-0199');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.timeline-list li').length === 6);
    expect(await entries.nth(0).locator('p').nth(1).textContent()).toBe(
      'Changed Best callback number from (•••) •••-0142 to (•••) •••-0199.',
    );
    await page.screenshot({ path: resolve(SHOTS, 'inquiry.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Edits and notes survive a reload; the log row reflects the edit.
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('.timeline-list li').length === 6);
    await page.getByRole('link', { name: 'Log', exact: true }).press('Enter');
    await page.locator('tbody tr').first().waitFor();
    expect(await page.locator('tbody tr td').nth(4).textContent()).toBe('Escalated');
  });
});
