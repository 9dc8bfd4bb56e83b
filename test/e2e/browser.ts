import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

import { LAUNCH_OPTIONS } from './chromium';

export { findChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}

export interface Session {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * Where every browser's clock starts unless a test opens the app at a moment of its own (`openAt`): a fixed
 * day far from any real one, so no end-to-end test can depend on the day it runs.
 */
export const DEFAULT_BROWSER_NOW = '2031-06-17T10:00:00-05:00';

/**
 * A fresh browser profile (so a fresh IndexedDB) each time. The browser's own clock (Date, timers,
 * performance) is Playwright's: it starts at DEFAULT_BROWSER_NOW and runs on in real time.
 */
export async function openSession(chromiumPath: string): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-e2e-'));
  const context = await chromium.launchPersistentContext(dir, {
    ...LAUNCH_OPTIONS,
    executablePath: chromiumPath,
  });
  await context.clock.setSystemTime(new Date(DEFAULT_BROWSER_NOW));
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
      if (errors.length) throw new Error(`The page threw: ${errors.join(' | ')}`);
    },
  };
}

/** The browser build's URL standing at `now` (its `?now=`), on a route (`#/...`) if given. */
export function appUrlAt(now: string, hash = ''): string {
  return `${inject('baseUrl')}?now=${encodeURIComponent(now)}${hash}`;
}

/**
 * Opens the app at a moment: the browser's own clock is set to `now` too, so page code that reads `Date`
 * agrees with the app's clock (the `?now=` one), whatever the real date. Time runs on from there.
 */
export async function openAt(page: Page, now: string, hash = ''): Promise<void> {
  await page.context().clock.setSystemTime(new Date(now));
  await page.goto(appUrlAt(now, hash));
}

/**
 * Goes to a route of the app with the browser's clock running on from where it is (no jump back to a fixed
 * moment): the app reads the same clock as the page.
 */
export async function goToRoute(page: Page, hash = ''): Promise<void> {
  await page.goto(`${inject('baseUrl')}${hash}`);
}

/**
 * Unlocks the idle lock by keyboard. Opening the app hours after its last use finds it locked, as a person
 * does the next morning: the lock reads the browser's clock, which the tests move with the app's.
 */
/**
 * Unlocks when the idle lock shows, else goes on: for steps whose subject is not the lock (whether the lock shows
 * after a jump of the clock is tested in lock.test.ts). Waits for the lock or the app's own first heading.
 */
export async function unlockIfLocked(page: Page, pin: string): Promise<void> {
  const lock = page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' });
  await page.locator('h1').first().waitFor();
  if ((await lock.count()) > 0) await unlock(page, pin);
}

export async function unlock(page: Page, pin: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'lock-pin');
  await page.keyboard.type(pin);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Liaison Log is locked' }).waitFor({ state: 'detached' });
}

/**
 * Runs axe (WCAG 2.0/2.1 A and AA) and returns serious or critical violations, described.
 *
 * Axe's run moves focus in Chromium 156 (to the page's first focusable element, the skip link, with no
 * script of the page calling focus()), so a test that checks axe in the middle of a form and then types on
 * would type into the wrong place. A person's place is put back afterwards: the focused element, its caret
 * and selection, and the scroll positions of the page and of the element scrolled.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // An inquiry's page paints its body a frame after its header (InquiryView): the whole page is checked.
  await page.waitForFunction(() => !document.querySelector('article.inquiry') || document.querySelector('.inquiry-body') !== null);
  const place = await page.evaluateHandle(() => {
    const focused = document.activeElement;
    const field = focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement ? focused : null;
    let selection: [number, number, 'forward' | 'backward' | 'none'] | null = null;
    try {
      if (field && field.selectionStart !== null && field.selectionEnd !== null)
        selection = [field.selectionStart, field.selectionEnd, field.selectionDirection ?? 'none'];
    } catch {
      // Inputs without a caret (radios, checkboxes) throw on selectionStart in some browsers.
    }
    const scrolled = Array.from(document.querySelectorAll<HTMLElement>('*'))
      .filter((el) => el.scrollTop !== 0 || el.scrollLeft !== 0)
      .map((el) => [el, el.scrollTop, el.scrollLeft] as const);
    return { focused, selection, scrolled, x: window.scrollX, y: window.scrollY };
  });
  try {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    return describeSerious(results.violations);
  } finally {
    await page.evaluate(({ focused, selection, scrolled, x, y }) => {
      if (focused instanceof HTMLElement && focused.isConnected && document.activeElement !== focused) {
        focused.focus({ preventScroll: true });
        if (selection && (focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement))
          focused.setSelectionRange(...selection);
      }
      for (const [el, top, left] of scrolled) {
        el.scrollTop = top;
        el.scrollLeft = left;
      }
      window.scrollTo(x, y);
    }, place);
    await place.dispose();
  }
}

/** axe's heading-order rule (best practice, moderate; not among the WCAG tags above): headings that skip a level. */
export async function headingOrderViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withRules(['heading-order']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function describeSerious(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
