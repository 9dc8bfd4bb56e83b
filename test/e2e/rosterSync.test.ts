import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { FsShareFolder } from '../../electron/sync/shareFolder';
import { goToRoute, openAt, openSession, type Session, seriousViolations } from './browser';
import { connectDesk, deskRecord } from './desks';
import { chooseOption, tabAndType } from './keyboard';
import { addToDesk, addToRoster, peopleRows, setInbox, switchTo, unlockAs } from './people';
import { idbRead, logByKeyboard, openStep, PIN, setUpDesk, setWhen, shoot } from './steps';

/*
 * Seed 001's day on two synced desks (issue 15 "Done means"; WALK.md steps 2–3, 4, 10), by keyboard in the browser
 * build with the desktop bridge over a real temp folder (test/e2e/desks.ts):
 * - desk A is Dana's: Tom Keller, lead / supervisor, set it up and keeps the roster; Dana joins it at the lock screen;
 * - desk B is the ESR's and the unit lead's: Ana Ortiz, a liaison, set it up; Marcus (ESR) and Priya (unit lead),
 *   on the roster from desk A, start using it through the lock screen, Ana letting them in.
 */

const PASSPHRASE = 'our unit syncs every day';
/** Mon 23 Nov 2026, 9:35 in Des Moines: the office opened at 8:00. */
const MONDAY_0935 = '2026-11-23T09:35:00-06:00';
/** The next morning: the unit lead callback (due Tue 16:30) has used more than half its business time. */
const TUESDAY_10AM = '2026-11-24T10:00:00-06:00';
const INBOX = 'member.escalations@hhs.iowa.gov';
const DANA_PIN = '1357';
const MARCUS_PIN = '8642';
const PRIYA_PIN = '9753';
/** Whatever identifies the member typed at intake: none may appear in a hand-off, a mailto link or a notification. */
const IDENTIFIERS = ['maria', 'lopez', '1234567', '555-0142', '5550142'];
const leaks = (text: string) => IDENTIFIERS.filter((s) => text.toLowerCase().includes(s));

/** Settings → Sync by the header's sync link, Sync now, and the result: the desk has sent and taken in all there is. */
async function syncNow(page: Page): Promise<void> {
  await page.getByRole('link', { name: /Sync settings\.$/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Sync' }).waitFor();
  // A sync of its own may be running (the window came back into use): Sync now waits for it.
  const button = page.getByRole('button', { name: 'Sync now' });
  await page.waitForFunction(() =>
    Array.from(document.querySelectorAll('button')).some((b) => b.textContent === 'Sync now' && !b.disabled),
  );
  await button.focus();
  await page.keyboard.press('Enter');
  await page.locator('.settings-status', { hasText: /^Synced at / }).waitFor({ timeout: 60_000 });
}

/** Settings → Sync by keyboard on a desk set up a moment ago: the folder chosen, focus on the passphrase, and joined. */
async function joinShare(page: Page): Promise<void> {
  await page.getByRole('link', { name: /Sync settings\.$/ }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Choose folder…' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Join this share' }).waitFor();
  await page.waitForFunction(() => (document.activeElement as HTMLInputElement | null)?.type === 'password');
  await page.keyboard.type(PASSPHRASE);
  await page.keyboard.press('Enter');
  await page.getByText(/This desk has joined the share/).waitFor({ timeout: 60_000 });
}

/** The log's queue by keyboard (the sidebar's button, on every screen), and its heading. */
async function openQueue(page: Page, name: string): Promise<void> {
  const queue = page.locator('nav[aria-label="Queues"] button', { hasText: name });
  await queue.waitFor();
  await queue.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name }).waitFor();
}

/** From a queue, the inquiry of `caseNumber` by keyboard. */
async function openCase(page: Page, caseNumber: string): Promise<void> {
  const link = page.locator('tbody tr', { hasText: caseNumber }).locator('.case-link');
  await link.waitFor({ timeout: 30_000 });
  await link.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: `Inquiry ${caseNumber}` }).waitFor();
}

/** Settings → People: a lead changes a colleague's e-mail by keyboard (Edit, the e-mail field, Enter). */
async function changeEmail(page: Page, who: string, email: string): Promise<void> {
  const edit = page.getByRole('button', { name: `Edit ${who}` });
  await edit.waitFor();
  const prefix = ((await edit.getAttribute('id')) ?? '').replace(/-edit$/, '');
  await edit.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === id, `${prefix}-name`);
  await tabAndType(page, `${prefix}-email`, email);
  await page.keyboard.press('Enter');
  await page
    .getByRole('status')
    .filter({ hasText: `${who}: saved.` })
    .waitFor();
}

describe('seed 001 on two synced desks: the roster, the hand-off to an ESR, the unit lead callback', () => {
  let root: string;
  let deskA: Session;
  let deskB: Session;
  let escalated = '';
  let callback = '';

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'liaison-e2e-roster-share-'));
    const folder = new FsShareFolder(root);
    deskA = await openSession(inject('chromiumPath'));
    deskB = await openSession(inject('chromiumPath'));
    await connectDesk(deskA.context, folder, { serverAgrees: true });
    await connectDesk(deskB.context, folder, { serverAgrees: true });
  });
  afterAll(async () => {
    await deskA?.close();
    await deskB?.close();
    await rm(root, { recursive: true, force: true });
  });

  it('desk A: a supervisor starts the share and adds an ESR, a unit lead and a liaison in Settings → People', async () => {
    const { page } = deskA;
    await openAt(page, MONDAY_0935);
    await setUpDesk(page, 'Tom Keller', { supervisor: true });
    await page.getByRole('link', { name: /Sync settings\.$/ }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Choose folder…' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Start a new share here' }).waitFor();
    await page.getByLabel('Team passphrase').focus();
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PASSPHRASE);
    await page.keyboard.press('Enter');
    await page.getByText('Up to date').waitFor({ timeout: 60_000 });

    await goToRoute(page, '#/settings/people');
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await addToRoster(page, 'Marcus Lee', 'ESR', 'marcus.lee@hhs.iowa.gov');
    await addToRoster(page, 'Priya Shah', 'Unit lead', '');
    await addToRoster(page, 'Dana Whitfield', 'Member liaison', '');
    expect(await peopleRows(page, 4)).toEqual([
      ['Dana Whitfield', 'Member liaison', 'none', 'Active'],
      ['Marcus Lee', 'ESR', 'marcus.lee@hhs.iowa.gov', 'Active'],
      ['Priya Shah', 'Unit lead', 'none', 'Active'],
      ['Tom Keller', 'Lead / supervisor', 'none', 'Active'],
    ]);
    await shoot(page, 'roster-sync-a-people.png');
    expect(await seriousViolations(page)).toEqual([]);

    await setInbox(page, INBOX);
    await syncNow(page);
  });

  it('desk B: a liaison sets it up and joins the share; the roster made on desk A is there', async () => {
    const { page } = deskB;
    await openAt(page, MONDAY_0935);
    await setUpDesk(page, 'Ana Ortiz');
    await joinShare(page);
    await syncNow(page);
    await goToRoute(page, '#/settings/people');
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    // Ana is listed from her desk, Tom from his work in the log: nobody typed them in here.
    expect(await peopleRows(page, 5)).toEqual([
      ['Ana Ortiz', 'Member liaison', 'none', 'Active'],
      ['Dana Whitfield', 'Member liaison', 'none', 'Active'],
      ['Marcus Lee', 'ESR', 'marcus.lee@hhs.iowa.gov', 'Active'],
      ['Priya Shah', 'Unit lead', 'none', 'Active'],
      ['Tom Keller', 'Lead / supervisor', 'none', 'Active'],
    ]);
    await shoot(page, 'roster-sync-b-people.png');
  });

  it('desk A: Dana logs an Escalated inquiry and hands it to Marcus; the message and the e-mail carry no identifiers', async () => {
    const { page } = deskA;
    await addToDesk(page, 'Dana', DANA_PIN, PIN, 'roster-sync-a-add-dana.png');
    await page.getByRole('heading', { name: 'All open' }).waitFor();
    escalated = await logByKeyboard(page, {
      member: 'Maria Lopez',
      id: '1234567A',
      receivedTime: '8:10 am',
      priority: 'Escalated',
      description: 'Maria Lopez (1234567A) says her insulin refill was denied; call 515-555-0142.',
    });
    await page.getByRole('button', { name: 'Edit assignee' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'edit-assignee-assigneeId');
    await page.locator('#edit-assignee-assigneeId optgroup[label="ESRs"]').waitFor({ state: 'attached' });
    await chooseOption(page, 'Marcus');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'handoff-title');
    const message = await page.locator('#handoff-message').inputValue();
    expect(message).toContain(`Subject: Assigned to you: case ${escalated}`);
    expect(leaks(message)).toEqual([]);
    await page.keyboard.press('Tab'); // the message
    await page.keyboard.press('Tab'); // Copy message
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
    await page.keyboard.press('Tab'); // Open as e-mail
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Opened as an e-mail to marcus.lee@hhs.iowa.gov' }).waitFor();
    // Both sendings are on the timeline: whom it went to and how, nothing of the member (the events hold no text).
    await page.locator('.timeline-list li', { hasText: 'Hand-off sent to Marcus Lee: copied to the clipboard.' }).waitFor();
    await page
      .locator('.timeline-list li', { hasText: 'Hand-off sent to Marcus Lee by e-mail (opened to marcus.lee@hhs.iowa.gov).' })
      .waitFor();
    const sent = ((await idbRead(page, 'events', { rows: true })) as { type: string; payload: unknown }[]).filter(
      (e) => e.type === 'MessageSent',
    );
    expect(sent.map((e) => e.payload)).toEqual([
      { message: 'hand_off', recipient: expect.objectContaining({ name: 'Marcus Lee' }), address: '', way: 'copied' },
      { message: 'hand_off', recipient: expect.objectContaining({ name: 'Marcus Lee' }), address: 'marcus.lee@hhs.iowa.gov', way: 'email' },
    ]);
    const { mailtos, copied } = await deskRecord(page);
    expect(mailtos.map((m) => m.to)).toEqual(['marcus.lee@hhs.iowa.gov']);
    expect(leaks(JSON.stringify(mailtos))).toEqual([]);
    expect(leaks(copied.join('\n'))).toEqual([]);
    await shoot(page, 'roster-sync-a-handoff.png');
    expect(await seriousViolations(page)).toEqual([]);
    await syncNow(page);
  });

  it('desk B: Marcus starts at this desk through the lock screen and finds the inquiry in My inquiries, new to him', async () => {
    const { page } = deskB;
    await syncNow(page);
    await addToDesk(page, 'Marcus', MARCUS_PIN, PIN, 'roster-sync-b-add-marcus.png');
    await page.getByRole('heading', { name: 'My inquiries' }).waitFor();
    expect(await page.locator('.whoami .who').textContent()).toBe('Marcus Lee');
    const row = page.locator('tbody tr', { hasText: escalated });
    await row.locator('.badge-new').waitFor();
    expect(await row.locator('.case-link').textContent()).toBe(`${escalated}, new to you`);
    await shoot(page, 'roster-sync-b-my-inquiries-new.png');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('desk B: Marcus records a contact he made an hour ago (When); the timeline keeps both times', async () => {
    const { page } = deskB;
    await openCase(page, escalated);
    expect(await page.locator('#handoff-title').count()).toBe(0);
    await openStep(page, 'Record contact');
    await page.getByRole('radio', { name: /^Yes/ }).focus();
    await page.keyboard.press('Space');
    await tabAndType(page, 'contact-note', 'Reached the member; the pharmacy will refill today.');
    await setWhen(page, { time: '8:40 am' });
    await page.keyboard.press('Control+Enter');
    await page.locator('.step-form').waitFor({ state: 'detached' });
    const entry = page.locator('.timeline-list li').first();
    await entry.locator('.entry-recorded').waitFor();
    expect((await entry.locator('.entry-meta').textContent())?.replace(/\s+/g, ' ')).toMatch(
      /^Marcus Lee Mon, Nov 23, 2026, 8:40 AM CST \(recorded 9:\d\d AM\)$/,
    );
    await shoot(page, 'roster-sync-b-contact-earlier.png');
    expect(await seriousViolations(page)).toEqual([]);
    await syncNow(page);
  });

  it('desk A: after sync the timers follow the earlier time (first contact at 8:40, nothing due)', async () => {
    const { page } = deskA;
    await syncNow(page);
    await openQueue(page, 'All open');
    await openCase(page, escalated);
    await page.locator('.process-facts', { hasText: 'First contactMon, Nov 23, 2026, 8:40 AM CST' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('.process').first().textContent()).toContain('Nothing is due on this inquiry.');
    expect((await page.locator('.timeline-list li').first().textContent())?.replace(/\s+/g, ' ')).toMatch(
      /Marcus Lee Mon, Nov 23, 2026, 8:40 AM CST \(recorded 9:\d\d AM\)/,
    );
    const rows = (await idbRead(page, 'inquiries', { rows: true })) as { caseNumber: string; workflow: { firstContactAt: number } }[];
    expect(rows.find((r) => r.caseNumber === escalated)?.workflow.firstContactAt).toBe(Date.parse('2026-11-23T08:40:00-06:00'));
    await shoot(page, 'roster-sync-a-timers-follow.png');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('desk A: a member with no MCO goes to the unit lead; the e-mail to the inbox carries the case number only', async () => {
    const { page } = deskA;
    callback = await logByKeyboard(page, {
      member: 'Maria Lopez',
      id: '1234567A',
      mco: null,
      category: 'Transportation',
      description: 'Maria Lopez (1234567A) has no MCO and missed her ride; call 515-555-0142.',
    });
    expect(await page.locator('.process p.path').first().textContent()).toContain('Unit lead callback');
    const email = page.getByRole('button', { name: `Open as e-mail to ${INBOX}` });
    expect(leaks(decodeURIComponent((await email.getAttribute('data-mailto')) ?? ''))).toEqual([]);
    await email.focus();
    await page.keyboard.press('Enter');
    await page.locator('.timeline-list li', { hasText: `Member Escalations inbox (${INBOX})` }).waitFor();
    const sent = (await deskRecord(page)).mailtos.at(-1);
    expect(sent?.to).toBe(INBOX);
    expect(sent?.subject).toBe(`Unit lead callback: case ${callback}`);
    expect(leaks(JSON.stringify(sent))).toEqual([]);
    await shoot(page, 'roster-sync-a-callback.png');
    expect(await seriousViolations(page)).toEqual([]);
    await syncNow(page);
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor();
  });

  it('desk B: Priya starts here too and finds the callback in Unit lead callbacks', async () => {
    const { page } = deskB;
    await syncNow(page);
    const choices = await addToDesk(page, 'Priya', PRIYA_PIN, MARCUS_PIN, 'roster-sync-b-add-priya.png');
    // Offered: the roster's people not at this desk yet, Tom too (known from his work on desk A, with his own id);
    // not Ana and Marcus, who work here already.
    expect(choices).toEqual([
      'Choose from the roster…',
      'Dana Whitfield (Member liaison)',
      'Priya Shah (Unit lead)',
      'Tom Keller (Lead / supervisor)',
      'Someone not on the roster',
    ]);
    await page.getByRole('heading', { name: 'Unit lead callbacks' }).waitFor();
    await page.locator('tbody tr', { hasText: callback }).waitFor();
    await shoot(page, 'roster-sync-b-unit-lead-callbacks.png');
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor();
  });

  it('the next morning the callback’s warning comes to the unit lead’s desk, not to the liaison’s', async () => {
    const b = deskB.page;
    await openAt(b, TUESDAY_10AM);
    await unlockAs(b, 'Priya', PRIYA_PIN);
    await b.getByRole('heading', { name: 'Unit lead callbacks' }).waitFor();
    await b.waitForFunction((c) => window.__deskNotices.some((n) => n.includes(c)), callback, { timeout: 30_000 });
    expect(leaks((await deskRecord(b)).notices.join('\n'))).toEqual([]);

    const a = deskA.page;
    await openAt(a, TUESDAY_10AM);
    await unlockAs(a, 'Dana', DANA_PIN);
    await a.getByRole('heading', { name: 'All open' }).waitFor();
    await a.locator('nav[aria-label="Queues"] .count').first().filter({ hasText: /^\d/ }).waitFor({ timeout: 30_000 });
    // Dana's own look at the night is taken (her last look moves to this morning); the callback is not hers.
    const profiles = (await idbRead(a, 'profiles', { rows: true })) as { id: string; displayName: string }[];
    const dana = profiles.find((p) => p.displayName === 'Dana Whitfield')?.id ?? '';
    await a.waitForFunction(([key, at]) => Number(localStorage.getItem(key)) >= at, [
      `liaison-log:warnings-checked-at:${dana}`,
      Date.parse(TUESDAY_10AM),
    ] as const);
    expect((await deskRecord(a)).notices.join('\n')).not.toContain(callback);
  });

  it('two leads edit the same person on the two desks; after sync both desks show the same roster', async () => {
    const a = deskA.page;
    const b = deskB.page;
    await switchTo(a, 'Tom Keller', PIN);
    await goToRoute(a, '#/settings/people');
    await a.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await changeEmail(a, 'Marcus Lee', 'm.lee@hhs.iowa.gov');
    // Priya, on desk B, changes the same field a little later, before either desk has synced.
    await goToRoute(b, '#/settings/people');
    await b.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    await changeEmail(b, 'Marcus Lee', 'marcus.lee@iowa.gov');
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    for (const page of [a, b]) {
      await goToRoute(page, '#/settings/people');
      await page.locator('table.people-table tbody tr', { hasText: 'marcus.lee@iowa.gov' }).waitFor({ timeout: 30_000 });
    }
    // Desk B lists Ana too (she works there and has done nothing in the log yet); the roster itself is the same.
    const onA = await peopleRows(a, 4);
    expect((await peopleRows(b, 5)).filter((r) => r[0] !== 'Ana Ortiz')).toEqual(onA);
    expect(onA.find((r) => r[0] === 'Marcus Lee')).toEqual(['Marcus Lee', 'ESR', 'marcus.lee@iowa.gov', 'Active']);
    // Both changes are in Marcus's history on both desks.
    for (const page of [a, b]) {
      const history = page.locator('tr', { hasText: 'Marcus Lee' }).locator('details.person-history');
      await history.locator('summary').focus();
      await page.keyboard.press('Enter');
      const text = (await history.textContent())?.replace(/\s+/g, ' ') ?? '';
      expect(text).toContain('E-mail changed from marcus.lee@hhs.iowa.gov to m.lee@hhs.iowa.gov by Tom Keller');
      expect(text).toContain('to marcus.lee@iowa.gov by Priya Shah');
    }
    await shoot(a, 'roster-sync-a-converged.png');
    await shoot(b, 'roster-sync-b-converged.png');
    expect(await seriousViolations(a)).toEqual([]);
    expect(await seriousViolations(b)).toEqual([]);
  });
  it('desk C: Dana set up a desk of her own before it joined; she is asked whether the roster’s Dana is her, and yes makes her that entry', async () => {
    const deskC = await openSession(inject('chromiumPath'));
    try {
      await connectDesk(deskC.context, new FsShareFolder(root), { serverAgrees: true });
      const { page } = deskC;
      await openAt(page, TUESDAY_10AM);
      await setUpDesk(page, 'Dana Whitfield');
      await joinShare(page);
      await syncNow(page);
      await openQueue(page, 'All open');
      const ask = page.getByRole('region', { name: 'Is this you on the unit’s roster?' });
      await ask.waitFor({ timeout: 30_000 });
      expect(await ask.textContent()).toContain('Dana Whitfield, Member liaison, added by Tom Keller');
      await shoot(page, 'roster-sync-c-is-this-you.png');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Yes, that is me: link my profile' }).focus();
      await page.keyboard.press('Enter');
      await ask.waitFor({ state: 'detached' });
      // Her profile on this desk is the roster entry desk A knows her by: work assigned to her anywhere reaches her here.
      const onA = (await idbRead(deskA.page, 'profiles', { rows: true })) as { id: string; displayName: string }[];
      const onC = (await idbRead(page, 'profiles', { rows: true })) as { id: string; displayName: string }[];
      expect(onC.map((p) => p.id)).toEqual([onA.find((p) => p.displayName === 'Dana Whitfield')?.id]);
      expect(await page.locator('.whoami .who').textContent()).toBe('Dana Whitfield');
    } finally {
      await deskC.close();
    }
  });
});
