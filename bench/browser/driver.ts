import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { LAUNCH_OPTIONS } from '../../test/e2e/chromium';

/**
 * Chromium for the benchmark, launched as the e2e tests launch it (test/e2e/browser.ts), but on a
 * profile directory the caller keeps, so a seeded IndexedDB survives a relaunch (a cold start).
 */
export async function launch(chromiumPath: string, profileDir: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    ...LAUNCH_OPTIONS,
    executablePath: chromiumPath,
  });
  await context.addInitScript({ content: INSTRUMENT });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  return { context, page };
}

/** What the page must show for an interaction to count as done. */
export interface Expectation {
  /** The number at the start of the log's row count ("2,873 inquiries"). */
  count?: number;
  /** The case numbers of the table's first rows, space-separated, or any of several such lists. */
  firstCase?: string | string[];
  /** An element that must exist (and contain `text`). */
  selector?: string;
  text?: string;
}

/**
 * Installed before any page script. Opens the idle lock unlocked. Marks when the log first shows rows and when it has loaded
 * completely (both at the paint after the DOM change: a frame, then a task), and times one pending
 * interaction: from the input event's timestamp (keydown of a non-modifier key, or click) to the
 * paint after the page first matches its expectation.
 */
const INSTRUMENT = `(() => {
  // The desk was in use a moment ago: the idle lock (renderer/lock) opens unlocked, as it does
  // when the app is reopened within the idle time. Nothing here measures typing the PIN.
  try {
    localStorage.setItem('liaison-log:lock', JSON.stringify({ locked: false, lastActiveAt: Date.now(), failures: 0, retryAt: 0, idleMinutes: 240 }));
  } catch {}
  const state = { firstRowsAt: null, completeAt: null, pending: null, commands: [] };
  window.__bench = state;
  // Each command's own write (renderer/data/repo.ts measures it as ll:command).
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'll:command') state.commands.push(e.duration);
    }).observe({ type: 'measure' });
  } catch {}
  const afterPaint = (cb) => requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => cb(performance.now());
    ch.port2.postMessage(0);
  });
  const rowCount = () => {
    const m = /^([\\d,]+) inquir/.exec(document.querySelector('.row-count')?.textContent ?? '');
    return m ? Number(m[1].replace(/,/g, '')) : null;
  };
  const matches = (ex) => {
    if (ex.count !== undefined && rowCount() !== ex.count) return false;
    if (ex.firstCase !== undefined) {
      const wanted = Array.isArray(ex.firstCase) ? ex.firstCase : [ex.firstCase];
      const n = Math.max(1, (wanted[0] ?? '').split(' ').length);
      const shown = [];
      // The link's first text is the case number (a "new to you" row's link says so after it, for screen readers).
      for (let i = 0; i < n; i++) shown.push(document.querySelector('.log-table tbody tr[data-index="' + i + '"] .case-link')?.firstChild?.textContent ?? '');
      if (!wanted.includes(shown.join(' ').trim())) return false;
    }
    if (ex.selector !== undefined) {
      const el = document.querySelector(ex.selector);
      if (!el) return false;
      if (ex.text !== undefined && !(el.textContent ?? '').includes(ex.text)) return false;
    }
    return true;
  };
  const check = () => {
    if (state.firstRowsAt === null && document.querySelector('.log-table tbody tr')) {
      state.firstRowsAt = -1;
      afterPaint((t) => { state.firstRowsAt = t; });
    }
    if (state.completeAt === null && rowCount() !== null) {
      state.completeAt = -1;
      afterPaint((t) => { state.completeAt = t; });
    }
    const p = state.pending;
    if (p && p.t0 !== null && !p.matched && matches(p.expect)) {
      p.matched = true;
      afterPaint((t) => { p.t1 = t; });
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  const MODIFIERS = new Set(['Control', 'Shift', 'Alt', 'Meta']);
  const start = (e) => {
    const p = state.pending;
    if (!p || p.t0 !== null || p.on !== e.type) return;
    if (e.type === 'keydown' && MODIFIERS.has(e.key)) return;
    p.t0 = e.timeStamp;
  };
  window.addEventListener('keydown', start, true);
  window.addEventListener('click', start, true);
})();`;

interface PendingState {
  t0: number | null;
  t1: number | null;
  matched: boolean;
}

/**
 * Times one interaction: arms the page with the expectation, performs `act` (a key press or a
 * click), and waits for the paint after the page matches. Returns milliseconds.
 */
export async function timeInteraction(page: Page, on: 'keydown' | 'click', expect: Expectation, act: () => Promise<void>): Promise<number> {
  await page.evaluate(
    ({ on, expect }) => {
      (window as unknown as { __bench: { pending: unknown } }).__bench.pending = { on, expect, t0: null, t1: null, matched: false };
    },
    { on, expect },
  );
  await act();
  try {
    await page.waitForFunction(
      () => ((window as unknown as { __bench: { pending: PendingState } }).__bench.pending.t1 ?? null) !== null,
      null,
      {
        timeout: 60_000,
        polling: 20,
      },
    );
  } catch (e) {
    const shown = await page.evaluate(() => ({
      count: document.querySelector('.row-count')?.textContent,
      first: document.querySelector('.log-table tbody tr[data-index="0"] .case-link')?.firstChild?.textContent,
      title: document.querySelector('h1')?.textContent,
    }));
    throw new Error(`The page never showed ${JSON.stringify(expect)} (it shows ${JSON.stringify(shown)}): ${(e as Error).message}`);
  }
  const p = await page.evaluate(() => (window as unknown as { __bench: { pending: PendingState } }).__bench.pending);
  await page.evaluate(() => {
    (window as unknown as { __bench: { pending: unknown } }).__bench.pending = null;
  });
  return (p.t1 as number) - (p.t0 as number);
}

/** The durations of the commands' writes (ll:command) since the last call, and forgets them. */
export function takeCommandTimes(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const state = (window as unknown as { __bench: { commands: number[] } }).__bench;
    return state.commands.splice(0);
  });
}

/** Waits until the page has painted twice and had a quiet moment (after an unmeasured step). */
export async function settle(page: Page, ms = 150): Promise<void> {
  await page.evaluate((ms) => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, ms)))), ms);
}

/** When the log first showed rows, and when it had loaded every inquiry (ms from navigation start). */
export async function loadMarks(page: Page, timeout = 180_000): Promise<{ firstRowsAt: number; completeAt: number }> {
  await page.waitForFunction(
    () => ((window as unknown as { __bench: { firstRowsAt: number | null } }).__bench.firstRowsAt ?? -1) > 0,
    null,
    {
      timeout,
      polling: 20,
    },
  );
  await page.waitForFunction(() => ((window as unknown as { __bench: { completeAt: number | null } }).__bench.completeAt ?? -1) > 0, null, {
    timeout,
    polling: 50,
  });
  return page.evaluate(() => {
    const b = (window as unknown as { __bench: { firstRowsAt: number; completeAt: number } }).__bench;
    return { firstRowsAt: b.firstRowsAt, completeAt: b.completeAt };
  });
}

/** The page's JS heap in use after a full garbage collection, in MB. */
export async function heapAfterGc(context: BrowserContext, page: Page): Promise<number> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}
