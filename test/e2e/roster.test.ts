import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { goToRoute, openAt, seriousViolations } from './browser';
import { chooseOption, tabAndChoose, tabAndType } from './keyboard';
import { addToDesk, addToRoster, peopleRows, setInbox, unlockAs } from './people';
import { idbRead, logByKeyboard, PIN, SHOTS, sessionForSuite, setUpDesk, shoot, shootAt, tabToText } from './steps';

/**
 * SPEC.md "The unit's roster" and issue 15, by keyboard on one desk: a unit lead keeps the roster, a liaison
 * and an ESR are added to the desk at the lock screen, the liaison hands an Escalated inquiry to the ESR, and
 * the ESR finds it in My inquiries, new to them.
 */

/** Mon 23 Nov 2026, 10:00 in Des Moines (logByKeyboard's inquiries are received at 09:30 that day). */
const MONDAY_10AM = '2026-11-23T10:00:00-06:00';
/** The next morning: the unit lead callback (due Tue 16:30) has used more than half its business time. */
const TUESDAY_10AM = '2026-11-24T10:00:00-06:00';
const INBOX = 'member.escalations@hhs.iowa.gov';

declare global {
  interface Window {
    __notices: { title: string; body: string }[];
  }
}
const DANA_PIN = '1357';
const MARCUS_PIN = '8642';
/** Whatever identifies the member typed at intake: none may appear in a hand-off or a mailto link. */
const IDENTIFIERS = ['maria', 'lopez', '1234567', '555-0142', '5550142'];
const leaks = (text: string) => IDENTIFIERS.filter((s) => text.toLowerCase().includes(s));

describe('the roster, several people on one desk, and the hand-off to an ESR', () => {
  const session = sessionForSuite(async (s) => {
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(inject('baseUrl')).origin });
    // The page's web notifications, recorded instead of shown (permission granted); kept across reloads.
    await s.page.addInitScript(() => {
      const stored = sessionStorage.getItem('notices');
      window.__notices = stored ? JSON.parse(stored) : [];
      class RecordedNotification {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        onclick: (() => void) | null = null;
        constructor(title: string, options?: { body?: string }) {
          window.__notices.push({ title, body: options?.body ?? '' });
          sessionStorage.setItem('notices', JSON.stringify(window.__notices));
        }
        close() {}
      }
      Object.defineProperty(window, 'Notification', { value: RecordedNotification, configurable: true, writable: true });
    });
  });
  const notices = (page: Page) => page.evaluate(() => window.__notices.map((n) => `${n.title}: ${n.body}`));
  const logLoaded = (page: Page) =>
    page.locator('nav[aria-label="Queues"] .count').first().filter({ hasText: /^\d/ }).waitFor({ timeout: 30_000 });
  let callbackCase = '';
  let caseNumber = '';

  it('a unit lead adds an ESR and a member liaison in Settings → People, by keyboard', async () => {
    const { page } = session();
    await openAt(page, MONDAY_10AM);
    await setUpDesk(page, 'Priya Shah', { lead: true });
    await goToRoute(page, '#/settings/people');
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await addToRoster(page, 'Marcus Lee', 'ESR', 'marcus.lee@hhs.iowa.gov');
    await addToRoster(page, 'Dana Whitfield', 'Member liaison', '');
    // A bad e-mail is refused beside its field, and nothing is added.
    await tabAndType(page, 'person-add-name', 'Tom Keller');
    await tabAndChoose(page, 'person-add-role', 'Lead');
    await tabAndType(page, 'person-add-email', 'tom@');
    await page.keyboard.press('Enter');
    await page.locator('#person-add-email-error').waitFor();
    expect(await page.locator('#person-add-email-error').textContent()).toBe(
      'Enter one e-mail address like name@agency.gov, or leave it empty.',
    );
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('person-add-email');
    await tabAndType(page, 'person-add-email', 'tom.keller@hhs.iowa.gov');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Tom Keller is on the roster.' }).waitFor();

    expect(await peopleRows(page, 4)).toEqual([
      ['Dana Whitfield', 'Member liaison', 'none', 'Active'],
      ['Marcus Lee', 'ESR', 'marcus.lee@hhs.iowa.gov', 'Active'],
      ['Priya Shah', 'Unit lead', 'none', 'Active'],
      ['Tom Keller', 'Lead / supervisor', 'tom.keller@hhs.iowa.gov', 'Active'],
    ]);
    await shoot(page, 'roster-people.png');
    expect(await seriousViolations(page)).toEqual([]);

    // The Member Escalations inbox, in Settings → Policy.
    await setInbox(page, INBOX);
  });

  it('Dana is added to the desk at the lock screen with her own PIN; her first view is the log', async () => {
    const { page } = session();
    await addToDesk(page, 'Dana', DANA_PIN, PIN, 'roster-add-to-desk-dana.png');
    await page.getByRole('heading', { name: 'All open' }).waitFor();
    expect(await page.locator('.whoami .who').textContent()).toBe('Dana Whitfield');
  });

  it('Dana logs an Escalated inquiry and hands it to Marcus: ESRs first, the message without identifiers', async () => {
    const { page } = session();
    caseNumber = await logByKeyboard(page, {
      member: 'Maria Lopez',
      id: '1234567A',
      priority: 'Escalated',
      description: 'Maria Lopez (1234567A) says her insulin refill was denied; call 515-555-0142.',
    });
    await page.getByRole('button', { name: 'Edit assignee' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'edit-assignee-assigneeId');
    // The roster's groups come in once the roster is read (the current assignee shows at once): wait for them.
    await page.locator('#edit-assignee-assigneeId optgroup[label="ESRs"]').waitFor({ state: 'attached' });
    const groups = await page.locator('#edit-assignee-assigneeId optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label')));
    expect(groups).toEqual(['ESRs', 'Member liaisons', 'Unit leads', 'Leads / supervisors']);
    await chooseOption(page, 'Marcus');
    await page.keyboard.press('Control+Enter');
    // Focus goes to the hand-off, the next thing to do.
    await page.waitForFunction(() => document.activeElement?.id === 'handoff-title');
    expect(await page.locator('#handoff-title').textContent()).toBe('Hand-off to Marcus Lee');
    const message = await page.locator('#handoff-message').inputValue();
    expect(message).toContain(`Subject: Assigned to you: case ${caseNumber}`);
    expect(message).toContain('Priority: Escalated');
    expect(message).toContain('First contact target: Tue, Nov 24, 2026, 9:30 AM CST');
    expect(message).toContain('insulin refill was denied');
    expect(leaks(message)).toEqual([]);
    const mailto =
      (await page.getByRole('button', { name: 'Open as e-mail to marcus.lee@hhs.iowa.gov' }).getAttribute('data-mailto')) ?? '';
    expect(mailto.startsWith('mailto:marcus.lee@hhs.iowa.gov?subject=')).toBe(true);
    expect(leaks(decodeURIComponent(mailto))).toEqual([]);
    await page.keyboard.press('Tab'); // the message
    await page.keyboard.press('Tab'); // Copy message
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
    expect(leaks(await page.evaluate(() => navigator.clipboard.readText()))).toEqual([]);
    await shoot(page, 'roster-handoff.png');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('Marcus unlocks the same desk as himself and finds it in My inquiries, marked new until he opens it', async () => {
    const { page } = session();
    await addToDesk(page, 'Marcus', MARCUS_PIN, DANA_PIN, 'roster-add-to-desk-marcus.png');
    // An ESR's first view is My inquiries.
    await page.getByRole('heading', { name: 'My inquiries' }).waitFor();
    const row = page.locator('tbody tr', { hasText: caseNumber });
    await row.locator('.badge-new').waitFor();
    expect(await row.locator('.case-link').textContent()).toBe(`${caseNumber}, new to you`);
    await shoot(page, 'roster-my-inquiries-new.png');
    expect(await seriousViolations(page)).toEqual([]);
    await row.locator('.case-link').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Inquiry ${caseNumber}` }).waitFor();
    // Marcus is the ESR: no hand-off to himself.
    expect(await page.locator('#handoff-title').count()).toBe(0);
    await page.getByRole('link', { name: 'Log', exact: true }).press('Enter');
    // Opening it is recorded as it renders: the mark goes (waited for, not assumed at once).
    await page.locator('tbody tr', { hasText: caseNumber }).waitFor();
    await page.locator('tbody tr', { hasText: caseNumber }).locator('.badge-new').waitFor({ state: 'detached' });
  });

  it('the lock screen lists the desk’s people; each unlocks with their own PIN', async () => {
    const { page } = session();
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor();
    // The desk's people are read as the lock screen opens: wait for all three, never read the list half-filled.
    await page.locator('#lock-who option').nth(2).waitFor({ state: 'attached' });
    const people = await page.locator('#lock-who option').allTextContents();
    expect(people.sort()).toEqual(['Dana Whitfield', 'Marcus Lee', 'Priya Shah']);
    await page.screenshot({ path: resolve(SHOTS, 'roster-lock-screen.png') });
    expect(await seriousViolations(page)).toEqual([]);
    await unlockAs(page, 'Dana', DANA_PIN);
    await page.getByRole('heading', { name: 'All open' }).waitFor();
    expect(await page.locator('.whoami .who').textContent()).toBe('Dana Whitfield');
  });

  it('a member with no MCO goes to the unit lead: no priority asked, the e-mail to the inbox carries the case number only', async () => {
    const { page } = session();
    callbackCase = await logByKeyboard(page, {
      member: 'Maria Lopez',
      id: '1234567A',
      mco: null,
      category: 'Transportation',
      description: 'Maria Lopez (1234567A) has no MCO and missed her ride; call 515-555-0142.',
    });
    expect(await page.locator('.process p.path').first().textContent()).toContain(
      'Unit lead callback: the member is not enrolled with an MCO',
    );
    expect((await page.locator('.due-list').textContent())?.replace(/\s+/g, ' ')).toContain('Unit lead callback');
    const email = page.getByRole('button', { name: `Open as e-mail to ${INBOX}` });
    const mailto = decodeURIComponent((await email.getAttribute('data-mailto')) ?? '');
    expect(mailto.startsWith(`mailto:${INBOX}?subject=Unit lead callback: case ${callbackCase}`)).toBe(true);
    expect(leaks(mailto)).toEqual([]);
    // A liaison does not claim it; a unit lead does.
    expect(await page.getByRole('button', { name: 'Claim this callback' }).count()).toBe(0);
    await email.focus();
    await page.keyboard.press('Enter');
    await page.locator('.timeline-list li', { hasText: `opened as an e-mail to the Member Escalations inbox (${INBOX})` }).waitFor();
    await shoot(page, 'roster-unit-lead-gate.png');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the next morning the callback’s warning goes to the unit lead, not to the liaison', async () => {
    const { page } = session();
    // Dana locks the desk as she leaves on Monday; nobody's screen is open overnight.
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor();
    await openAt(page, TUESDAY_10AM);
    await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'lock-pin');
    await unlockAs(page, 'Priya', PIN);
    // A unit lead's first view: Unit lead callbacks.
    await page.getByRole('heading', { name: 'Unit lead callbacks' }).waitFor();
    await logLoaded(page);
    // Priya's own look at the night: the callback reached a warning (more than half its business time used).
    await page.waitForFunction((c) => window.__notices.some((n) => n.body.includes(c)), callbackCase);

    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor();
    const seen = (await notices(page)).length;
    await unlockAs(page, 'Dana', DANA_PIN);
    await page.getByRole('heading', { name: 'All open' }).waitFor();
    await logLoaded(page);
    // Dana's own look at the night is taken (her last look moves to this morning); the callback is not hers.
    const profiles = (await idbRead(page, 'profiles', { rows: true })) as { id: string; displayName: string }[];
    const dana = profiles.find((p) => p.displayName === 'Dana Whitfield')?.id ?? '';
    await page.waitForFunction(([key, at]) => Number(localStorage.getItem(key)) >= at, [
      `liaison-log:warnings-checked-at:${dana}`,
      Date.parse(TUESDAY_10AM),
    ] as const);
    expect((await notices(page)).slice(seen).join('\n')).not.toContain(callbackCase);
  });
  it('Priya, a unit lead, claims the callback by keyboard: she is its assignee, the timeline says so', async () => {
    const { page } = session();
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor();
    await unlockAs(page, 'Priya', PIN);
    await page.getByRole('heading', { name: 'Unit lead callbacks' }).waitFor();
    const row = page.locator('tbody tr', { hasText: callbackCase });
    await row.locator('.case-link').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Inquiry ${callbackCase}` }).waitFor();
    await tabToText(page, 'Claim this callback');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'You have the callback: it is in My inquiries.' }).waitFor();
    // The claim shows: the assignee in the inquiry's fields, an entry in the timeline, and the button is gone.
    await page.locator('.timeline-list li', { hasText: 'Changed Assignee from — to Priya Shah.' }).waitFor();
    expect(await page.locator('.timeline-list li').first().textContent()).toContain('Changed Assignee from — to Priya Shah.');
    expect(await page.getByRole('button', { name: 'Claim this callback' }).count()).toBe(0);
    expect((await page.locator('.gate').textContent())?.replace(/\s+/g, ' ')).toContain('(Priya Shah has it)');
    // Focus is not lost to the page body when the button goes away: it moves to the next action.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`Open as e-mail to ${INBOX}`);
    // "Why this time?" explains the callback's due time: the close of the next business day after receipt.
    await tabToText(page, 'Why this time? (Unit lead callback)');
    await page.keyboard.press('Enter');
    await page.locator('.process', { hasText: 'Unit lead callback: by the end of the next business day after receipt' }).waitFor();
    await shoot(page, 'roster-callback-claimed.png');
    expect(await seriousViolations(page)).toEqual([]);
  });
  it('reflows at 200 % and 400 % (640 and 320 CSS px): People, the lock screen and its form, the hand-off', async () => {
    const { page } = session();
    const wide = page.viewportSize() ?? { width: 1280, height: 720 };
    const atBothZooms = async (name: string) => {
      await shootAt(page, 640, 450, `${name}-200.png`);
      await shootAt(page, 320, 450, `${name}-400.png`);
      await page.setViewportSize(wide);
    };
    await goToRoute(page, '#/settings/people');
    await page.locator('table.people-table tbody tr').first().waitFor();
    await atBothZooms('roster-people');

    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor();
    await atBothZooms('roster-lock-screen');
    await page.getByRole('button', { name: 'Add a person to this desk' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Add a person to this desk' }).waitFor();
    await atBothZooms('roster-add-to-desk');
    await page.getByRole('button', { name: 'Back to unlock' }).focus();
    await page.keyboard.press('Enter');
    await unlockAs(page, 'Priya', PIN);
    // Priya's own screen first: a key pressed before it is there is lost.
    await page.locator('.whoami .who', { hasText: 'Priya Shah' }).waitFor();
    await page.locator('nav[aria-label="Queues"] button', { hasText: 'All open' }).waitFor();

    // The hand-off panel, on the inquiry Dana handed to Marcus (seen by anyone but Marcus).
    // In one CI run (7 December) the first Enter here was lost: the heading never came in 30 s; the cause is not found.
    // A person would press it again, and so does the test, at most three times.
    const allOpen = page.getByRole('heading', { name: 'All open' });
    for (let attempt = 1; ; attempt++) {
      await page.locator('nav[aria-label="Queues"] button', { hasText: 'All open' }).press('Enter');
      try {
        await allOpen.waitFor({ timeout: 10_000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
      }
    }
    await page.locator('tbody tr', { hasText: caseNumber }).locator('.case-link').press('Enter');
    await page.getByRole('heading', { level: 1, name: `Inquiry ${caseNumber}` }).waitFor();
    await page.locator('#handoff-title').waitFor();
    await atBothZooms('roster-handoff');
  });
});
