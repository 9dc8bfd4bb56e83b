import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { openSession, type Session } from './browser';
import { tabAndChoose, tabAndPickRadio, tabAndType, tabTo } from './keyboard';

/** What a person does in the app by keyboard, shared by the end-to-end tests. */

/** Where the tests' screenshots go (looked at by people, not compared). */
export const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots');
mkdirSync(SHOTS, { recursive: true });

/** The PIN every test desk's first person chooses; it unlocks the idle lock. */
export const PIN = '2468';

/** One browser session for a describe block: opened before its tests, closed after. */
export function sessionForSuite(setUp?: (s: Session) => Promise<void>): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await openSession(inject('chromiumPath'));
    await setUp?.(session);
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('The browser session is not open yet');
    return session;
  };
}

/**
 * First start by keyboard: the person's name, their role (the first, member liaison, unless `lead`: arrows
 * down the radio group to unit lead, or `supervisor`: to lead / supervisor), the PIN twice.
 */
export async function setUpDesk(page: Page, name: string, o: { lead?: boolean; supervisor?: boolean } = {}): Promise<void> {
  await page.getByRole('heading', { name: 'Welcome to Liaison Log' }).waitFor();
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  const leads = o.lead || o.supervisor;
  if (leads) {
    await page.keyboard.press('ArrowDown'); // ESR
    await page.keyboard.press('ArrowDown'); // Unit lead
    if (o.supervisor) await page.keyboard.press('ArrowDown'); // Lead / supervisor
    await tabTo(page, 'profile-pin');
  } else {
    await page.keyboard.press('Space'); // Member liaison
    await page.keyboard.press('Tab');
  }
  await page.keyboard.type(PIN);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PIN);
  await page.keyboard.press('Enter');
  // A liaison lands on the log's All open; a unit lead on their own queue.
  if (leads) await page.getByRole('link', { name: 'Settings', exact: true }).waitFor();
  else await page.getByRole('heading', { name: 'All open' }).waitFor();
}

export interface TypedInquiry {
  member: string;
  id: string;
  /** The start of the MCO's name in the picker; null for a member not enrolled with an MCO. */
  mco?: string | null;
  receivedTime?: string;
  availability?: string;
  category?: string;
  description: string;
  expectedOutcome?: string;
  /** The priority's label (default High); none is asked for a member with no MCO (`mco: null`). */
  priority?: string;
}

/** Logs a High inquiry received on 11/23/2026 by keyboard (Alt+N, then Tab through the form) and waits for it to open; returns its case number. */
export async function logByKeyboard(page: Page, o: TypedInquiry): Promise<string> {
  await page.keyboard.press('Alt+N');
  await page.getByRole('heading', { name: 'New inquiry' }).waitFor();
  await tabAndType(page, 'intake-receivedDate', '11/23/2026');
  await tabAndType(page, 'intake-receivedTime', o.receivedTime ?? '9:30 am');
  await tabAndChoose(page, 'intake-source', 'Call');
  await tabAndType(page, 'intake-originatorName', 'Jo Banks, call center');
  await tabAndType(page, 'intake-memberName', o.member);
  await tabAndType(page, 'intake-medicaidId', o.id);
  await tabAndType(page, 'intake-callbackPhone', '(515) 555-0142');
  if (o.availability) await tabAndType(page, 'intake-callbackAvailability', o.availability);
  const mco = o.mco === undefined ? 'Iowa' : o.mco;
  await tabAndPickRadio(page, 'intake-mcoEnrollment', mco === null ? 'Not enrolled with an MCO' : 'Enrolled with an MCO');
  if (mco !== null) await tabAndChoose(page, 'intake-mcoId', mco);
  // A member with no MCO goes to the unit lead: no priority is asked.
  if (mco !== null) await tabAndPickRadio(page, 'intake-priority', o.priority ?? 'High');
  await tabAndChoose(page, 'intake-category', o.category ?? 'Pharmacy');
  await tabAndType(page, 'intake-description', o.description);
  await tabAndType(page, 'intake-expectedOutcome', o.expectedOutcome ?? 'Refill approved.');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('heading', { level: 1, name: /^Inquiry \d{6}-[0-9A-Z]{5}-\d{3}$/ }).waitFor();
  return (await page.getByRole('heading', { level: 1 }).textContent())?.replace('Inquiry ', '') ?? '';
}

/** Opens a step's form by keyboard: focus its button under Next steps, Enter. */
export async function openStep(page: Page, name: string): Promise<void> {
  await page.getByRole('group', { name: 'Next steps' }).getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.locator('.step-form').waitFor();
}

/** Records a step with a note: opens its form, types the note where the form puts focus (or at `noteId`), Ctrl+Enter. */
export async function recordStep(page: Page, name: string, note: string, noteId?: string): Promise<void> {
  await openStep(page, name);
  if (noteId) await tabTo(page, noteId);
  await page.keyboard.type(note);
  await page.keyboard.press('Control+Enter');
  await page.locator('.step-form').waitFor({ state: 'detached' });
}

/**
 * Says when the open step form's step happened, by keyboard: Tab on to its When field's day and time (they come after
 * the step's own fields) and types them; a part not given keeps what the field shows (now).
 */
export async function setWhen(page: Page, o: { day?: string; time?: string }): Promise<void> {
  const field = page.locator('.step-form .when-field');
  const idOf = async (which: 'Day' | 'Time') => {
    const id = await field.getByLabel(which, { exact: true }).getAttribute('id');
    if (!id) throw new Error(`The When field's ${which} has no id`);
    return id;
  };
  if (o.day !== undefined) await tabAndType(page, await idOf('Day'), o.day);
  if (o.time !== undefined) await tabAndType(page, await idOf('Time'), o.time);
}

/** A queue's count as shown in the sidebar ("…" while the log loads). */
export const queueCount = async (page: Page, name: string): Promise<string | undefined> =>
  (
    await page
      .getByRole('navigation', { name: 'Queues' })
      .getByRole('button', { name: new RegExp(`^${name}`) })
      .locator('.count')
      .textContent()
  )?.trim();

/** A table's body and footer rows as cell texts, found by its caption. */
export const tableRows = (page: Page, caption: string): Promise<string[][]> =>
  page
    .locator('table', { has: page.locator('caption', { hasText: caption }) })
    .locator('tbody tr, tfoot tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => (c.textContent ?? '').trim())));

/** A screenshot of the whole screen, the window made as tall as the content so nothing scrolls out of the picture. */
export async function shoot(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1440, height: 900 };
  const height = await page.evaluate(
    () => (document.querySelector('.topbar')?.clientHeight ?? 0) + (document.getElementById('main')?.scrollHeight ?? 0),
  );
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, Math.min(height + 8, 12_000)) });
  await page.screenshot({ path: resolve(SHOTS, name) });
  await page.setViewportSize(size);
}

/** Presses Tab until the focused element's text is `text`: proves it is reachable by keyboard, in order. */
export async function tabToText(page: Page, text: string | RegExp, maxPresses = 250): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    const current = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    if (typeof text === 'string' ? current === text : text.test(current)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`"${text}" was not reached with ${maxPresses} presses of Tab`);
}

/** What the page's IndexedDB holds in `table` (of database `db`): its row count and, when asked, its rows. */
export function idbRead(page: Page, table: string, o: { rows: true; db?: string }): Promise<unknown[]>;
export function idbRead(page: Page, table: string, o?: { rows?: false; db?: string }): Promise<number>;
export function idbRead(page: Page, table: string, o: { rows?: boolean; db?: string } = {}): Promise<number | unknown[]> {
  return page.evaluate(
    ([name, store, rows]) =>
      new Promise<number | unknown[]>((ok, fail) => {
        const open = indexedDB.open(name);
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const idb = open.result;
          if (!idb.objectStoreNames.contains(store)) {
            idb.close();
            ok(rows ? [] : 0);
            return;
          }
          const objects = idb.transaction(store).objectStore(store);
          const req: IDBRequest = rows ? objects.getAll() : objects.count();
          req.onsuccess = () => {
            idb.close();
            ok(req.result as number | unknown[]);
          };
          req.onerror = () => fail(req.error);
        };
      }),
    [o.db ?? 'liaison-log', table, o.rows === true] as const,
  );
}

/** Page-level sideways overflow in CSS px (0: none). A wide table may scroll inside its own box. */
export const pageOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The outermost elements that reach past the window's right edge (their parents do not): what makes a page scroll sideways. */
const widest = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const edge = document.documentElement.clientWidth + 1;
    const past = (e: Element | null) => e !== null && e.getBoundingClientRect().right > edge;
    // Inside a box that scrolls or clips sideways, reaching past the edge moves nothing.
    const clipped = (e: Element) => {
      for (let a = e.parentElement; a !== null && a !== document.body; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      return false;
    };
    // Text that does not wrap spills out of a box without widening it: the innermost box whose content reaches past.
    const spills = (e: Element) => e.getBoundingClientRect().left + e.scrollWidth > edge;
    const all = [...document.querySelectorAll('body *')].filter((e) => !clipped(e));
    const boxes = all.filter((e) => past(e) && !past(e.parentElement));
    const found = boxes.length > 0 ? boxes : all.filter((e) => spills(e) && ![...e.children].some(spills));
    return found
      .slice(0, 6)
      .map(
        (e) =>
          `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().width)} px wide, in ${e.parentElement?.tagName.toLowerCase()}.${[...(e.parentElement?.classList ?? [])].join('.')})`,
      );
  });

/**
 * The screen at `width`×`height` CSS px (640: 200 % zoom, 320: 400 %): fails if the page scrolls sideways, then keeps
 * a screenshot (the whole page when narrow: it scrolls down, never sideways).
 */
export async function shootAt(page: Page, width: number, height: number, name: string): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const over = await pageOverflow(page);
  if (over > 0) await page.screenshot({ path: resolve(SHOTS, name), fullPage: width < 900 });
  expect(over, `${name}: the page scrolls sideways, because of ${(await widest(page)).join('; ')}`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: resolve(SHOTS, name), fullPage: width < 900 });
}

/** At 200 % and 400 % zoom of a 1280 px window (640 and 320 CSS px): no sideways scroll, a screenshot of each, then the window as it was. */
export async function reflows(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 720 };
  await shootAt(page, 640, 450, `${name}-200.png`);
  await shootAt(page, 320, 450, `${name}-400.png`);
  await page.setViewportSize(size);
}
