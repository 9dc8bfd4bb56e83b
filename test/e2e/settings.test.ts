import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { headingOrderViolations, openAt, seriousViolations } from './browser';
import { tabTo } from './keyboard';
import { idbRead, reflows, SHOTS, sessionForSuite, setUpDesk, shoot, tabToText } from './steps';

/**
 * Settings in Chromium, by keyboard: each screen opened from the Settings page, edited, refused when wrong,
 * saved; axe on every screen (no serious or critical violations); screenshots in test-results/screenshots.
 */

const NOW = '2026-11-23T14:30:00-06:00';

/** Presses Tab until the focused element's text is `text` (links and buttons have no ids to tab to). */
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function replaceText(page: Page, id: string, text: string, maxPresses = 250) {
  await tabTo(page, id, maxPresses);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type(text);
}

/** The stored agency configuration, read from the page's IndexedDB. */
const storedConfig = async (page: Page): Promise<Record<string, unknown> | undefined> =>
  ((await idbRead(page, 'meta', { rows: true })) as { key: string; value: Record<string, unknown> }[]).find((r) => r.key === 'config')
    ?.value;

async function openSection(page: Page, title: string) {
  await tabToText(page, title);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

async function backToSettings(page: Page) {
  await tabToText(page, 'Cancel');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
}

describe('Settings by keyboard, in Chromium', () => {
  const session = sessionForSuite();

  it('a unit lead opens Settings from the header', async () => {
    const { page } = session();
    await openAt(page, NOW);
    await setUpDesk(page, 'Lee Grant', { lead: true });

    await tabToText(page, 'Settings');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    // The history of changes is read after the screen shows: wait for it, then it is the one line.
    await page.getByText('No settings have been changed on this desk yet.').waitFor();
    expect(await page.getByText('No settings have been changed on this desk yet.').count()).toBe(1);
    await shoot(page, 'settings-index.png');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Policy and calendar: adds a "Dire need" level, refuses a bad value beside its field, asks before leaving unsaved', async () => {
    const { page } = session();
    await openSection(page, 'Policy and calendar');
    // The preview of closed days is worked out from the calendar.
    await page
      .getByRole('table', { name: 'Closed days in the next 12 months' })
      .getByRole('cell', { name: 'Thanksgiving Day', exact: true })
      .waitFor();
    await shoot(page, 'settings-policy.png');
    await reflows(page, 'settings-policy');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await headingOrderViolations(page)).toEqual([]);

    await tabTo(page, 'policy-add-level', 120);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'cfg-priorityLevels-2-label');
    await page.keyboard.type('Dire need');
    await page.keyboard.press('Tab'); // process: High
    await page.keyboard.press('Tab');
    await page.keyboard.type('12');
    await page.keyboard.press('Tab'); // clock hours
    await page.keyboard.press('Tab');
    await page.keyboard.type('24');
    await page.keyboard.press('Enter');
    await page
      .getByText(/^Saved\. Priority level "Dire need" added: first contact within 12 clock hours, deadline 24 clock hours/)
      .waitFor();
    const levels = (await storedConfig(page))?.priorityLevels as { id: string; label: string }[];
    expect(levels.map((l) => l.id)).toEqual(['high', 'escalated', 'dire-need']);

    // A bad value is refused, beside its field, and listed at the top; focus goes to it.
    await replaceText(page, 'cfg-outreachMaxAttempts', '0');
    await page.keyboard.press('Enter');
    await page.locator('#cfg-outreachMaxAttempts-error', { hasText: 'Enter a whole number of attempts from 1 to 10.' }).waitFor();
    expect(await page.getByRole('alert').locator('li').allTextContents()).toEqual([
      'Outreach attempts: Enter a whole number of attempts from 1 to 10.',
    ]);
    await page.waitForFunction(() => document.activeElement?.id === 'cfg-outreachMaxAttempts');
    expect(await page.locator('#cfg-outreachMaxAttempts').getAttribute('aria-invalid')).toBe('true');
    await shoot(page, 'settings-policy-errors.png');
    expect(await seriousViolations(page)).toEqual([]);
    expect(((await storedConfig(page)) as { outreachMaxAttempts: number }).outreachMaxAttempts).toBe(2);

    // Leaving with unsaved changes asks first; staying keeps them.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.keyboard.press('Alt+N');
    await page.waitForFunction(() => document.querySelector('.settings-dirty')?.textContent === 'Unsaved changes');
    expect(asked).toEqual(['You have changes that are not saved. Leave this page and lose them?']);
    expect(await page.evaluate(() => location.hash)).toBe('#/settings/policy');

    await replaceText(page, 'cfg-outreachMaxAttempts', '3');
    await page.keyboard.press('Control+Enter');
    await page.getByText(/^Saved\. Outreach attempts before "unable to reach" is offered: 2 → 3\./).waitFor();
    await backToSettings(page);
    // The history names who changed what.
    await page
      .getByText(
        'Priority level "Dire need" added: first contact within 12 clock hours, deadline 24 clock hours, following the High process.',
      )
      .waitFor();
  });

  it('MCO directory: edits a contact, refuses a bad e-mail, imports contacts from a CSV file', async () => {
    const { page } = session();
    await openSection(page, 'MCO directory');
    await shoot(page, 'settings-mcos.png');
    await reflows(page, 'settings-mcos');
    expect(await seriousViolations(page)).toEqual([]);

    await replaceText(page, 'cfg-mcos-0-departments-0-contacts-0-phone', '515 555 0100');
    await replaceText(page, 'cfg-mcos-0-departments-0-contacts-0-email', 'escalations@itc');
    await page.keyboard.press('Enter');
    await page
      .locator('#cfg-mcos-0-departments-0-contacts-0-email-error', {
        hasText: 'Enter an e-mail address like name@example.org, or leave it empty.',
      })
      .waitFor();
    expect(await focusedId(page)).toBe('cfg-mcos-0-departments-0-contacts-0-email');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.type('.example.org');
    await page.keyboard.press('Enter');
    await page.getByText(/^Saved\./).waitFor();
    expect(await page.locator('#cfg-mcos-0-departments-0-contacts-0-phone').inputValue()).toBe('(515) 555-0100');

    const csv = [
      'MCO,Department,Name,Phone,Email,Hours',
      'Molina,Pharmacy,Rx help desk,800-555-0142,,Mon–Fri 8–8',
      'Amerigroup,Appeals desk,Jordan Lee,,jlee@wellpoint.example.org,mornings',
      'Aetna,Member Services,A. Person,515-555-0101,,',
    ].join('\n');
    await page.locator('#mcos-import-file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('contacts.csv: 3 rows. 2 to add, 0 to update, 0 unchanged, 1 with problems (they will be skipped).').waitFor();
    await page.locator('.import-panel').screenshot({ path: resolve(SHOTS, 'settings-mcos-import.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Add 2 changes to the directory' }).press('Enter');
    await page.getByText('2 contacts added and 0 updated in the directory above. Review them, then Save to keep them.').waitFor();
    // The pressed button went away with the preview: the keyboard is back on the file input, inside the form.
    expect(await focusedId(page)).toBe('mcos-import-file');
    await page.keyboard.press('Control+Enter');
    await page.getByText(/^Saved\./).waitFor();
    const mcos = (await storedConfig(page))?.mcos as { departments: { name: string; contacts: { name: string }[] }[] }[];
    expect(mcos[2]?.departments.map((d) => d.name)).toEqual(['Member Services', 'Grievances and Appeals', 'Appeals desk']);
    expect(mcos[1]?.departments[1]?.contacts.map((c) => c.name)).toEqual(['Rx help desk']);
    await backToSettings(page);
  });

  it('Routing directory: adds an issue type', async () => {
    const { page } = session();
    await openSection(page, 'Routing directory');
    expect(await seriousViolations(page)).toEqual([]);
    await tabTo(page, 'routing-add', 80);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'cfg-routing-3-issueType');
    await page.keyboard.type('Dental benefits');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Whether the member is over 21; the dental plan of record.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Dental Wellness Plan member services');
    await page.keyboard.press('Control+Enter');
    await page.getByText(/^Saved\. Routing directory edited \(4 entries\)\./).waitFor();
    await shoot(page, 'settings-routing.png');
    await reflows(page, 'settings-routing');
    expect(await seriousViolations(page)).toEqual([]);
    await backToSettings(page);
  });

  it('Categories and suggestions: adds a category and tries the rules', async () => {
    const { page } = session();
    await openSection(page, 'Categories and suggestions');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await headingOrderViolations(page)).toEqual([]);
    await tabTo(page, 'taxonomy-add-category', 300);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'cfg-categories-10-name');
    await page.keyboard.type('Housing');
    await tabTo(page, 'rule-tester-description', 120);
    await page.keyboard.type('Eviction notice, member in the ER');
    await page.locator('.rule-tester-result', { hasText: 'Suggested: High (mentions "eviction")' }).waitFor();
    await page.keyboard.press('Control+Enter');
    await page.getByText(/^Saved\. Categories edited: added Housing\./).waitFor();
    await shoot(page, 'settings-taxonomy.png');
    await reflows(page, 'settings-taxonomy');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the intake form shows the suggestion, and uses it only when asked', async () => {
    const { page } = session();
    await page.keyboard.press('Alt+N');
    await page.getByRole('heading', { level: 1, name: 'New inquiry' }).waitFor();
    // The level added in Settings is offered.
    await page.locator('#intake-priority-dire-need').waitFor();
    await tabTo(page, 'intake-description', 120);
    await page.keyboard.type('Member was discharged from the hospital without her medication.');
    const suggestion = page.locator('.priority-suggestion');
    await suggestion.getByText('Suggested:').waitFor();
    expect(await suggestion.textContent()).toBe('Suggested: High (mentions "hospital") Use suggestion');
    expect(await page.locator('#intake-priority').isChecked()).toBe(false);
    await page.locator('fieldset.section', { hasText: 'MCO and priority' }).screenshot({ path: resolve(SHOTS, 'intake-suggestion.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Use suggestion' }).press('Enter');
    expect(await page.locator('#intake-priority').isChecked()).toBe(true);
    await page.waitForFunction(() => document.activeElement?.id === 'intake-priority');
  });
});
