// The real app in Chromium over the bench data set, for the scripts that time one screen of it
// (scripts/bench-scorecard-browser.mjs, scripts/bench-lead-report-browser.mjs): the built renderer served on
// loopback as the e2e tests run it, a profile made through the welcome screen, the data set
// (bench/data/generate.ts: real commands, ~10 events an inquiry) written straight into the page's IndexedDB,
// the log loaded and its queue counts in. bench/site.ts is the other shape: a page of its own, no app screens.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';
import { importBundled } from '../scripts/runBundled.mjs';

const root = resolve(import.meta.dirname, '..');
const PIN = '2468';

/** `--name value` as a number, or the fallback. */
export const numberArg = (args, name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};

/**
 * The data set of `inquiries` inquiries (`--inquiries` overrides), with the module that made it: the generator's
 * exports and `exports` besides (`[file, 'a, b']`, as importBundled takes them) for the figures a screen must show.
 */
export async function benchDataSet(name, args, defaultInquiries, exports = []) {
  const inquiries = numberArg(args, '--inquiries', defaultInquiries);
  const m = await importBundled(name, [['bench/data/generate.ts', 'generateInquiries, DEFAULT_DATA_SET, BENCH_NOW'], ...exports]);
  const events = [];
  const records = [];
  for (const g of m.generateInquiries({ ...m.DEFAULT_DATA_SET, inquiries })) {
    for (const e of g.events) events.push(e);
    records.push(g.record);
  }
  return { m, inquiries, events, records };
}

/**
 * Builds the renderer into .tmp/<name>-renderer (`--no-build`: the last build), serves it on `port` (`--port`),
 * opens Chromium standing at the data set's "now", seeds a new profile (`--keep-profile`: kept in
 * .tmp/<name>-profile-<n> and reused; seeded on another port, its data is not found: delete the folder), unlocks
 * it and waits for the log's queue counts. `close()` ends it all.
 */
export async function openSeededApp({ name, args, port, data }) {
  const { m, inquiries, events, records } = data;
  const work = mkdtempSync(join(tmpdir(), `liaison-${name}-`));
  const keep = args.includes('--keep-profile');
  const profileDir = keep ? resolve(root, `.tmp/${name}-profile-${inquiries}`) : join(work, 'profile');
  const seeded = keep && existsSync(join(profileDir, 'seeded'));

  const dist = resolve(root, `.tmp/${name}-renderer`);
  if (!args.includes('--no-build') || !existsSync(dist)) {
    const { build: viteBuild } = await import('vite');
    await viteBuild({
      configFile: resolve(root, 'vite.config.ts'),
      logLevel: 'warn',
      build: { sourcemap: false, outDir: dist, emptyOutDir: true },
    });
  }
  const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
  const server = createServer((req, res) => {
    const file = normalize(join(dist, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/$/, '/index.html')));
    if (!file.startsWith(dist + sep) || !existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  // A fixed port: IndexedDB is kept per origin, so a kept profile is found again only on the same port.
  await new Promise((ok) => server.listen(numberArg(args, '--port', port), '127.0.0.1', ok));
  const url = `http://127.0.0.1:${server.address().port}/?now=${encodeURIComponent(new Date(m.BENCH_NOW).toISOString())}`;
  const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH].find((p) => p && existsSync(p));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: true,
    viewport: { width: 1440, height: 900 },
    timezoneId: 'America/Chicago',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30 * 60_000);
  const close = async () => {
    await context.close();
    server.close();
    rmSync(work, { recursive: true, force: true });
  };

  /** Makes the profile through the welcome screen, then writes the data set straight into the app's IndexedDB. */
  async function seed() {
    await page.goto(url);
    await page.getByRole('heading', { name: 'Welcome to Liaison Log' }).waitFor();
    await page.keyboard.type('Bench Lead');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type(PIN);
    await page.keyboard.press('Tab');
    await page.keyboard.type(PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'All open' }).waitFor();

    // The data set straight into the app's IndexedDB (the schema the app made), in chunks.
    const t0 = performance.now();
    const put = (store, items) =>
      page.evaluate(
        ({ store, items }) =>
          new Promise((ok, fail) => {
            const open = indexedDB.open('liaison-log');
            open.onerror = () => fail(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction(store, 'readwrite');
              for (const item of items) tx.objectStore(store).put(item);
              tx.oncomplete = () => {
                db.close();
                ok(undefined);
              };
              tx.onerror = () => fail(tx.error);
            };
          }),
        { store, items },
      );
    for (let i = 0; i < events.length; i += 20_000) await put('events', events.slice(i, i + 20_000));
    for (let i = 0; i < records.length; i += 5_000) await put('inquiries', records.slice(i, i + 5_000));
    console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (keep) writeFileSync(join(profileDir, 'seeded'), String(inquiries));
  }

  try {
    if (!seeded) await seed();
    await page.goto(url);
    // A new browser session starts locked: the PIN the profile was made with unlocks it.
    const pin = page.locator('input[type="password"]');
    await Promise.race([page.getByRole('heading', { name: 'All open' }).waitFor(), pin.first().waitFor()]);
    if (await pin.count()) {
      await pin.first().fill(PIN);
      await page.keyboard.press('Enter');
    }
    await page.getByRole('heading', { name: 'All open' }).waitFor();
    await page.waitForFunction(() => ![...document.querySelectorAll('nav[aria-label="Queues"] .count')].some((c) => c.textContent === '…'));
  } catch (err) {
    await close();
    throw err;
  }

  /** Runs a step, timing it and printing the longest task that held the page's main thread meanwhile. */
  async function step(label, fn) {
    await page.evaluate(() => {
      window.__longest = 0;
      window.__observer?.disconnect();
      window.__observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      });
      window.__observer.observe({ type: 'longtask' });
    });
    const start = performance.now();
    await fn();
    const ms = performance.now() - start;
    const longest = await page.evaluate(() => window.__longest);
    console.log(
      `${label.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(7)} s   longest main-thread task ${String(Math.round(longest)).padStart(5)} ms`,
    );
  }

  /** The machine and browser the figures were taken on. */
  const machine = () =>
    `${inquiries.toLocaleString('en-US')} inquiries on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GB; Chromium ${context.browser()?.version() ?? ''}`;

  return { page, context, step, machine, close };
}
