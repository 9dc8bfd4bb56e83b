// `node scripts/bench-scorecard-browser.mjs [--inquiries 20000] [--no-build]`: prints figures, asserts nothing.
//
// The MCO scorecard screen at scale, in Chromium against the built renderer (as the e2e tests run it): the
// benchmark's data set (bench/data/generate.ts: real commands, ~10 events an inquiry, about half referred) is
// written straight into the page's IndexedDB, the log loads, then the scorecard is made for this month and for
// the whole history. Prints how long each took until the figures showed, and the longest task that held the
// window's main thread meanwhile (PerformanceObserver "longtask"): the window must keep painting throughout.
// Each wait is for the "Referrals made" tile to show the count the pure builder gives in Node for the same
// period, so the figure is also a check that the screen read every referral.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import path, { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const at = args.indexOf('--inquiries');
const inquiries = at >= 0 ? Number(args[at + 1]) : 20_000;
const work = mkdtempSync(join(tmpdir(), 'liaison-bench-scorecard-'));
// `--keep-profile`: the seeded Chromium profile is kept in .tmp/bench-scorecard-profile-<n> and reused next time.
const keep = args.includes('--keep-profile');
const profileDir = keep ? resolve(root, `.tmp/bench-scorecard-profile-${inquiries}`) : join(work, 'profile');
const seeded = keep && existsSync(join(profileDir, 'seeded'));
// (Seeded on another port, the profile's data is not found: delete the folder to seed it again.)

// 1. The data set, and the counts the screen must show.
const bundle = join(work, 'bundle.mjs');
const from = (file) => JSON.stringify(path.join(root, file));
await build({
  stdin: {
    contents: [
      `export { generateInquiries, DEFAULT_DATA_SET, BENCH_NOW } from ${from('bench/data/generate.ts')};`,
      `export { scorecardBuilder } from ${from('shared/report/scorecard.ts')};`,
      `export { createCalendar } from ${from('shared/time/calendar.ts')};`,
      `export { DEFAULT_AGENCY_CONFIG, calendarConfigOf } from ${from('shared/config/agencyConfig.ts')};`,
      `export { periodDays, rangeInstants } from ${from('shared/report/period.ts')};`,
    ].join('\n'),
    resolveDir: root,
    sourcefile: 'entry.ts',
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: bundle,
  logLevel: 'error',
});
const m = await import(pathToFileURL(bundle).href);
const zone = m.DEFAULT_AGENCY_CONFIG.timeZone;
const events = [];
const records = [];
for (const g of m.generateInquiries({ ...m.DEFAULT_DATA_SET, inquiries })) {
  for (const e of g.events) events.push(e);
  records.push(g.record);
}
const calendar = m.createCalendar(m.calendarConfigOf(m.DEFAULT_AGENCY_CONFIG));
const expected = (days) => {
  const range = m.rangeInstants(days, zone);
  const b = m.scorecardBuilder({ ...range, mcoIds: [] }, { config: m.DEFAULT_AGENCY_CONFIG, now: m.BENCH_NOW, calendar });
  const byInquiry = new Map();
  for (const e of events) {
    const list = byInquiry.get(e.inquiryId);
    if (list) list.push(e);
    else byInquiry.set(e.inquiryId, [e]);
  }
  for (const list of byInquiry.values()) b.add(list);
  return b.finish().all.referrals;
};
const thisMonth = m.periodDays('this_month', m.BENCH_NOW, zone);
const everything = { from: '2023-01-01', to: thisMonth.to };
const want = { month: expected(thisMonth), all: expected(everything) };
console.log(
  `data set: ${records.length.toLocaleString('en-US')} inquiries, ${events.length.toLocaleString('en-US')} events; ` +
    `referrals this month ${want.month.toLocaleString('en-US')}, in all ${want.all.toLocaleString('en-US')}`,
);

// 2. The renderer, served on loopback; Chromium standing at the data set's "now".
const dist = resolve(root, '.tmp/bench-scorecard-renderer');
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
const portAt = args.indexOf('--port');
await new Promise((ok) => server.listen(portAt >= 0 ? Number(args[portAt + 1]) : 4793, '127.0.0.1', ok));
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

/** Makes the profile through the welcome screen, then writes the data set straight into the app's IndexedDB. */
async function seed() {
  await page.goto(url);
  await page.getByRole('heading', { name: 'Welcome to Liaison Log' }).waitFor();
  await page.keyboard.type('Bench Lead');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2468');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2468');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'All open' }).waitFor();

  // 3. The data set straight into the app's IndexedDB (the schema the app made), in chunks.
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
    await pin.first().fill('2468');
    await page.keyboard.press('Enter');
  }
  await page.getByRole('heading', { name: 'All open' }).waitFor();
  await page.waitForFunction(() => ![...document.querySelectorAll('nav[aria-label="Queues"] .count')].some((c) => c.textContent === '…'));

  /** Runs a step, timing it and recording the longest main-thread task while it ran. */
  async function step(name, fn) {
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
      `${name.padEnd(40)} ${(ms / 1000).toFixed(2).padStart(7)} s   longest main-thread task ${String(Math.round(longest)).padStart(5)} ms`,
    );
  }
  const tileShows = (n) =>
    page.waitForFunction(
      (text) => document.querySelector('.tiles .tile dd')?.textContent?.trim() === text && !document.querySelector('#scorecard-progress'),
      n.toLocaleString('en-US'),
    );

  await step(`scorecard, this month (${want.month.toLocaleString('en-US')} referrals)`, async () => {
    await page.evaluate(() => {
      window.location.hash = '#/scorecard';
    });
    await tileShows(want.month);
  });
  await step(`scorecard, all history (${want.all.toLocaleString('en-US')} referrals)`, async () => {
    await page.locator('#scorecard-period').selectOption('custom');
    await page.locator('#scorecard-from').fill(everything.from);
    await page.locator('#scorecard-to').fill(everything.to);
    await tileShows(want.all);
  });
  console.log(
    `\n${inquiries.toLocaleString('en-US')} inquiries on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GB; Chromium ${context.browser()?.version() ?? ''}`,
  );
} finally {
  await context.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
