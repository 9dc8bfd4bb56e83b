// `node scripts/bench-import.mjs [--rows 100000] [--csv] [--no-build]` (builds the renderer into .tmp/bench-import-renderer)
//
// The lead tools at scale, in Chromium against the built renderer (as the e2e tests run it): builds an
// old log of N rows (test/fixtures/import/generate.mjs), imports it through the screen (read, check,
// write), imports it again (nothing added), exports the whole log to XLSX and to CSV, and makes the
// report. Prints the time of each step, the longest task that held the window's main thread
// (PerformanceObserver "longtask": the window must keep painting throughout), the page's peak JS heap
// during the step (performance.memory, sampled every 100 ms) and whether a progress bar showed.
// Issue 17's figures: `node scripts/bench-import.mjs --rows 50000 --csv` and without --csv.
// `--profile` also samples the window's main thread (CDP Profiler, 1 ms, unminified build) and, for the longest
// tasks over 150 ms, prints what held it: the functions sampled within the task, by their own time and by their
// time anywhere on the stack (1 sample ≈ 1 ms). That is how a long task is found, rather than guessed.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir, totalmem } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const rows = Number(args[args.indexOf('--rows') + 1] || 100_000) || 100_000;
const csv = args.includes('--csv');
const profiling = args.includes('--profile');
const NOW = '2026-11-23T14:30:00-06:00';

const work = mkdtempSync(join(tmpdir(), 'liaison-bench-import-'));
const logFile = join(work, `MCO Inquiry Log ${rows}.${csv ? 'csv' : 'xlsx'}`);
const t = performance.now();
const gen = spawnSync(
  process.execPath,
  ['--max-old-space-size=8192', 'test/fixtures/import/generate.mjs', '--rows', String(rows), '--out', logFile, ...(csv ? ['--csv'] : [])],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
if (gen.status !== 0) process.exit(gen.status ?? 1);
console.log(
  `generated ${rows.toLocaleString('en-US')} rows (${(statSync(logFile).size / 1048576).toFixed(1)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

// Its own build, so an e2e run rebuilding dist/renderer meanwhile cannot pull files from under it.
const dist = resolve(root, profiling ? '.tmp/bench-import-renderer-profile' : '.tmp/bench-import-renderer');
if (!args.includes('--no-build') || !existsSync(dist)) {
  const { build } = await import('vite');
  await build({
    configFile: resolve(root, 'vite.config.ts'),
    logLevel: 'warn',
    // Profiling names functions as the source does.
    build: { sourcemap: false, outDir: dist, emptyOutDir: true, minify: !profiling },
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = normalize(join(dist, path === '/' ? 'index.html' : path));
  if (!file.startsWith(dist + sep) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/?now=${encodeURIComponent(NOW)}`;

const executablePath = ['/usr/bin/chromium', '/usr/bin/chromium-browser', process.env.CHROMIUM_PATH].find((p) => p && existsSync(p));
const profileDir = join(work, 'profile');
const context = await chromium.launchPersistentContext(profileDir, {
  executablePath,
  headless: true,
  viewport: { width: 1440, height: 900 },
  timezoneId: 'America/Chicago',
  args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'],
});
const page = context.pages()[0] ?? (await context.newPage());
page.setDefaultTimeout(60 * 60_000);
page.on('crash', () => console.error('The page crashed.'));
const figures = [];
const seconds = (ms) => (ms / 1000).toFixed(1);

/** Runs a step, timing it and recording the longest main-thread task while it ran. */
async function step(name, fn) {
  await page.evaluate(() => {
    window.__longest = 0;
    window.__longTasks = [];
    window.__observer?.disconnect();
    window.__observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__longest = Math.max(window.__longest, e.duration);
        if (e.duration >= 150) window.__longTasks.push({ start: e.startTime, duration: e.duration });
      }
    });
    window.__observer.observe({ type: 'longtask' });
    // Peak heap and whether a progress bar was on screen, sampled while the step runs (a sample that
    // cannot run on time is itself a sign of a frozen window: the longest task says by how much).
    window.__peakHeap = performance.memory?.usedJSHeapSize ?? 0;
    window.__progressSeen = false;
    clearInterval(window.__sampler);
    window.__sampler = setInterval(() => {
      window.__peakHeap = Math.max(window.__peakHeap, performance.memory?.usedJSHeapSize ?? 0);
      if (document.querySelector('progress, [role="progressbar"]')) window.__progressSeen = true;
    }, 100);
  });
  const cdp = profiling ? await context.newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
  }
  // The page's clock when the profile started (near enough: a long task lasts hundreds of milliseconds).
  const profiledFrom = cdp ? await page.evaluate(() => performance.now()) : 0;
  const start = performance.now();
  await fn();
  const ms = performance.now() - start;
  if (cdp) {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    const tasks = await page.evaluate(() => window.__longTasks);
    printLongTasks(name, profile, tasks, profiledFrom);
  }
  const { longest, peak, progress } = await page.evaluate(() => {
    clearInterval(window.__sampler);
    return { longest: window.__longest, peak: window.__peakHeap, progress: window.__progressSeen };
  });
  const peakMb = Math.round(peak / 1048576);
  figures.push({ name, seconds: Number(seconds(ms)), longestTaskMs: Math.round(longest), peakHeapMb: peakMb, progressShown: progress });
  console.log(
    `${name.padEnd(46)} ${seconds(ms).padStart(7)} s   longest main-thread task ${String(Math.round(longest)).padStart(5)} ms   peak heap ${String(peakMb).padStart(5)} MB   progress ${progress ? 'shown' : 'not seen'}`,
  );
}

/**
 * What held the window's main thread in each long task over 150 ms (PerformanceObserver "longtask"), from a CPU
 * profile of the step: the profile's samples within the task's time, by the function they were in (own time) and by
 * every function on their stack.
 */
function printLongTasks(name, profile, tasks, profiledFrom) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => {
    const f = n.callFrame;
    const file = f.url ? f.url.replace(/^.*\//, '') : '';
    return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${f.lineNumber + 1}` : ''}`;
  };
  // Each sample's time in ms from the profile's start, and its node.
  const samples = [];
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    samples.push([(at - profile.startTime) / 1000, id]);
  });
  const longest = [...tasks].sort((a, b) => b.duration - a.duration).slice(0, 5);
  console.log(`  [profile] ${name}: ${tasks.length} long tasks over 150 ms`);
  for (const task of longest) {
    const from = task.start - profiledFrom;
    const to = from + task.duration;
    const self = new Map();
    const total = new Map();
    for (const [t, id] of samples) {
      if (t < from || t > to) continue;
      const l = label(nodes.get(id));
      self.set(l, (self.get(l) ?? 0) + 1);
      const seen = new Set();
      for (let k = id; k !== undefined; k = parent.get(k)) {
        const kl = label(nodes.get(k));
        if (seen.has(kl)) continue;
        seen.add(kl);
        total.set(kl, (total.get(kl) ?? 0) + 1);
      }
    }
    const top = (m, k) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([l, n]) => `      ${String(n).padStart(5)} samples  ${l}`)
        .join('\n');
    console.log(
      `    task of ${Math.round(task.duration)} ms at +${(from / 1000).toFixed(1)} s; own time:\n${top(self, 8)}\n    on the stack:\n${top(total, 16)}`,
    );
  }
}

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

let importedEvents = 0;
async function importOnce(label) {
  // By way of the log: the import screen, still showing the last import's result, starts over when opened again.
  await page.evaluate(() => {
    window.location.hash = '#/log';
  });
  await page.getByRole('heading', { name: 'Import the old log' }).waitFor({ state: 'detached' });
  await page.evaluate(() => {
    window.location.hash = '#/import';
  });
  await page.getByRole('heading', { name: 'Import the old log' }).waitFor();
  await step(`${label}: read the file`, async () => {
    await page.locator('#import-file').setInputFiles(logFile);
    await page.getByRole('heading', { name: '2. Match the columns' }).waitFor();
  });
  await step(`${label}: check every row`, async () => {
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await page.getByRole('heading', { name: '3. Review before importing' }).waitFor();
  });
  const fresh = await page
    .locator('.tile', { hasText: 'New inquiries to import' })
    .locator('dd')
    .evaluate((dd) => dd.firstChild?.textContent ?? '');
  const known = await page
    .locator('.tile', { hasText: 'Already in the log' })
    .locator('dd')
    .evaluate((dd) => dd.firstChild?.textContent ?? '');
  console.log(`  preview: ${fresh} new, ${known} already in the log`);
  // "Import 5 inquiries", or "Nothing to import" (disabled) when every row is in the log already.
  const button = page.getByRole('button', { name: /^(Import \d|Nothing to import)/ });
  if (await button.isDisabled()) return;
  await step(`${label}: back up, then write`, async () => {
    await button.click();
    await page.getByRole('heading', { name: 'Import finished' }).waitFor();
  });
  const said = await page.getByRole('status').filter({ hasText: 'Imported' }).textContent();
  console.log(`  ${said}`);
  const entries = /\(([\d,]+) timeline entries, ([\d.]+) s\)/.exec(said ?? '');
  if (entries) {
    importedEvents = Math.max(importedEvents, Number(entries[1].replace(/,/g, '')));
    console.log(
      `  written at ${Math.round(Number(entries[1].replace(/,/g, '')) / Number(entries[2])).toLocaleString('en-US')} events/s (backup included)`,
    );
  }
}

await importOnce('import');
await importOnce('re-import');

// The floor the write is held to, measured here under the same load: up to 60,000 events (a rate), stored
// by plain IndexedDB (no Dexie, no chain, no fold, no outbox) in transactions of 2,000 into a scratch database
// with the events table's indexes, copies of 2,000 of the imported events under new ids.
const floor = await page.evaluate(
  async (total) => {
    const request = (r) =>
      new Promise((ok, fail) => {
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
    const done = (tx) =>
      new Promise((ok, fail) => {
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
        tx.onabort = () => fail(tx.error);
      });
    // The app's database (renderer/data/diskVersion.ts DATABASE_NAME), not a backup's or a restore's staging copy.
    const app = await request(indexedDB.open('liaison-log'));
    const sample = await request(app.transaction('events').objectStore('events').getAll(null, 2000));
    app.close();
    if (sample.length === 0) return { events: 0, seconds: 0, perSecond: 0 };
    const open = indexedDB.open(`bench-floor-${Date.now()}`, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('events', { keyPath: 'id' });
      store.createIndex('inquiry', ['inquiryId', 'hlc']);
      store.createIndex('hlc', 'hlc');
      store.createIndex('chain', ['deviceId', 'chain.seq']);
    };
    const scratch = await request(open);
    const start = performance.now();
    for (let written = 0; written < total; ) {
      const tx = scratch.transaction('events', 'readwrite');
      const store = tx.objectStore('events');
      for (const e of sample) {
        if (written >= total) break;
        store.add({ ...e, id: `${e.id}-${written}` });
        written += 1;
      }
      await done(tx);
      await new Promise((r) => setTimeout(r, 0));
    }
    const seconds = (performance.now() - start) / 1000;
    scratch.close();
    await request(indexedDB.deleteDatabase(scratch.name));
    return { events: total, seconds, perSecond: total / seconds };
  },
  Math.min(importedEvents, 60_000),
);
console.log(
  `plain IndexedDB floor, same load: ${floor.events.toLocaleString('en-US')} events in ${floor.seconds.toFixed(1)} s (${Math.round(floor.perSecond).toLocaleString('en-US')} events/s)`,
);
figures.push({ name: 'plain IndexedDB floor', seconds: Number(floor.seconds.toFixed(1)), eventsPerSecond: Math.round(floor.perSecond) });

// `--import-only`: the import figures alone (no exports or report).
if (args.includes('--import-only')) {
  await Promise.race([context.close(), new Promise((r) => setTimeout(r, 15_000))]);
  server.close();
  rmSync(work, { recursive: true, force: true });
  process.exit(0);
}

await page.evaluate(() => {
  window.location.hash = '#/log';
});
await page
  .getByRole('navigation', { name: 'Queues' })
  .getByRole('button', { name: /^All inquiries/ })
  .click();
await page.locator('.row-count', { hasText: 'inquiries' }).waitFor();
await page.waitForFunction(() => !/Loading/.test(document.querySelector('.row-count')?.textContent ?? 'Loading'));
for (const format of ['xlsx', 'csv']) {
  await step(`export the whole log to ${format.toUpperCase()}`, async () => {
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export inquiries' });
    await dialog.getByLabel(/^The whole log/).check();
    if (format === 'csv') await dialog.getByLabel('CSV (.csv, UTF-8)').check();
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: /^Export / }).click()]);
    const path = await download.path();
    console.log(`  ${download.suggestedFilename()}: ${(statSync(path).size / 1048576).toFixed(1)} MB`);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });
}

await step('lead report, last 3 years', async () => {
  await page.evaluate(() => {
    window.location.hash = '#/report';
  });
  await page.locator('#report-period').selectOption('custom');
  await page.locator('#report-from').fill('2023-01-01');
  await page.locator('#report-to').fill('2026-11-23');
  await page.waitForFunction(
    () => /^[\d,]+$/.test(document.querySelector('.tile dd')?.textContent?.trim() ?? '') && !document.querySelector('#report-progress'),
  );
});

console.log(
  `\n${rows.toLocaleString('en-US')} rows on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB; Chromium ${context.browser()?.version() ?? ''}`,
);
await context.close();
server.close();
rmSync(work, { recursive: true, force: true });
