import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { goToRoute, seriousViolations } from './browser';
import { chooseOption, tabAndChoose, tabAndType, tabTo } from './keyboard';
import { SHOTS } from './steps';

/** The unit's roster and the desk's people, by keyboard (SPEC.md "The unit's roster"), for the end-to-end tests. */

/** Settings → People (open): adds a colleague with the Add a person form, and waits for the roster to say so. */
export async function addToRoster(page: Page, name: string, role: string, email: string): Promise<void> {
  await tabAndType(page, 'person-add-name', name);
  await tabAndChoose(page, 'person-add-role', role);
  await tabAndType(page, 'person-add-email', email);
  await page.keyboard.press('Enter');
  await page
    .getByRole('status')
    .filter({ hasText: `${name} is on the roster.` })
    .waitFor();
}

/**
 * Ctrl+L, then "Add a person to this desk": who from the roster, their PIN twice, the PIN of the colleague who lets
 * them in (the person unlocked last). Keeps a screenshot of the form as `shot` (axe-checked there); gives the choices
 * the form offered.
 */
export async function addToDesk(page: Page, who: string, pin: string, voucherPin: string, shot: string): Promise<string[]> {
  await page.keyboard.press('Control+L');
  await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor();
  await page.getByRole('button', { name: 'Add a person to this desk' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Add a person to this desk' }).waitFor();
  await page.keyboard.press('Tab');
  // The roster is read as the form opens: the person asked for is among the choices before any is read.
  await page.locator('select option', { hasText: who }).first().waitFor({ state: 'attached' });
  const choices = await page.evaluate(() =>
    Array.from((document.activeElement as HTMLSelectElement).options).map((o) => (o.textContent ?? '').trim()),
  );
  await chooseOption(page, who);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: resolve(SHOTS, shot) });
  await tabAndType(page, 'desk-person-pin', pin);
  await tabAndType(page, 'desk-person-confirm', pin);
  await page.keyboard.press('Tab'); // who lets them in: the person unlocked last
  await page.keyboard.press('Tab');
  await page.keyboard.type(voucherPin);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Add a person to this desk' }).waitFor({ state: 'detached' });
  return choices;
}

/** At the lock screen: who is unlocking (by keyboard from the list), then their PIN. */
export async function unlockAs(page: Page, who: string, pin: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor();
  // The lock screen puts focus in the PIN field as it opens: start from there.
  await page.waitForFunction(() => document.activeElement?.id === 'lock-pin');
  await tabTo(page, 'lock-who');
  await chooseOption(page, who);
  await tabTo(page, 'lock-pin');
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
}

/** Ctrl+L, then unlocks as `who`, and waits for their own screen (a key pressed during the switch is lost). */
export async function switchTo(page: Page, who: string, pin: string): Promise<void> {
  await page.keyboard.press('Control+L');
  await unlockAs(page, who, pin);
  await page.locator('.whoami .who', { hasText: who }).waitFor();
}

/** Settings → People (open): the roster table's first four columns (name, role, e-mail, status), once it has `expected` rows. */
export async function peopleRows(page: Page, expected: number): Promise<string[][]> {
  await page
    .locator('table.people-table tbody tr')
    .nth(expected - 1)
    .waitFor();
  return page.locator('table.people-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) =>
      Array.from(tr.children)
        .map((c) => (c.firstChild?.textContent ?? '').trim())
        .slice(0, 4),
    ),
  );
}

/** Settings → Policy: the Member Escalations inbox, typed and saved by keyboard. */
export async function setInbox(page: Page, inbox: string): Promise<void> {
  await goToRoute(page, '#/settings/policy');
  await page.locator('#cfg-memberEscalationsInbox').waitFor();
  await tabTo(page, 'cfg-memberEscalationsInbox', 400);
  await page.keyboard.type(inbox);
  await page.keyboard.press('Control+Enter');
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
}
