import type { Page } from 'playwright-core';

/** Presses Tab until the element with `id` has focus: proves it is reachable by keyboard, in order. */
export async function tabTo(page: Page, id: string, maxPresses = 120): Promise<number> {
  for (let i = 0; i < maxPresses; i++) {
    if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return i;
    await page.keyboard.press('Tab');
  }
  throw new Error(`#${id} was not reached with ${maxPresses} presses of Tab`);
}

export async function tabAndType(page: Page, id: string, text: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.type(text);
}

/** Tabs to a native select and chooses the option whose label starts with `optionStart`, by keyboard. */
export async function tabAndChoose(page: Page, id: string, optionStart: string): Promise<void> {
  await tabTo(page, id);
  await chooseOption(page, optionStart);
}

/**
 * Chooses an option of the focused native select by typing its start (type-ahead), as a keyboard user does.
 * Type-ahead starts over when the keys come more than a second apart, which a busy machine can make
 * happen: then the option is reached with Home and the arrow keys instead, still by keyboard.
 */
export async function chooseOption(page: Page, optionStart: string): Promise<void> {
  const chosen = () =>
    page.evaluate((start) => {
      const select = document.activeElement;
      if (!(select instanceof HTMLSelectElement)) throw new Error('No select has focus');
      return (select.selectedOptions[0]?.textContent ?? '').trim().toLowerCase().startsWith(start.toLowerCase());
    }, optionStart);
  await page.keyboard.type(optionStart, { delay: 20 });
  if (await chosen()) return;
  const count = await page.evaluate(() => (document.activeElement as HTMLSelectElement).options.length);
  await page.keyboard.press('Home');
  for (let i = 0; i < count; i++) {
    if (await chosen()) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`No option starting with "${optionStart}" in the focused select`);
}

/** Tabs to a radio group's first radio, then arrows to the option whose label is `label` (arrows also check it). */
export async function tabAndPickRadio(page: Page, firstId: string, label: string): Promise<void> {
  await tabTo(page, firstId);
  for (let i = 0; i < 10; i++) {
    const current = await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.parentElement?.textContent ?? '');
    if (current.trim() === label) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`No radio labelled "${label}" in the group of #${firstId}`);
}
