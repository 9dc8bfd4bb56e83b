// `node scripts/bench-lead-report-browser.mjs [--inquiries 8] [--no-build]`: prints figures, asserts nothing.
//
// Opening Lead tools → Lead report, in Chromium against the built renderer (as the e2e tests run it): the
// benchmark's data set (bench/data/generate.ts) is written straight into the page's IndexedDB, the log loads,
// then the report is opened from the log. Prints how long until something showed (the progress panel or the
// figures), how long until the figures showed, the longest main-thread task meanwhile, and the script the
// browser fetched for it (the lazy chunk and what it pulls in).
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
const inquiries = at >= 0 ? Number(args[at + 1]) : 8;
const work = mkdtempSync(join(tmpdir(), 'liaison-bench-lead-report-'));
const keep = args.includes('--keep-profile');
const profileDir = keep ? resolve(root, `.tmp/bench-lead-report-profile-${inquiries}`) : join(work, 'profile');
const seeded = keep && existsSync(join(profileDir, 'seeded'));

// 1. The data set.
const bundle = join(work, 'bundle.mjs');
const from = (file) => JSON.stringify(path.join(root, file));
await build({
  stdin: {
    contents: `export { generateInquiries, DEFAULT_DATA_SET, BENCH_NOW } from ${from('bench/data/generate.ts')};`,
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
const events = [];
const records = [];
for (const g of m.generateInquiries({ ...m.DEFAULT_DATA_SET, inquiries })) {
  for (const e of g.events) events.push(e);
  records.push(g.record);
}
console.log(`data set: ${records.length.toLocaleString('en-US')} inquiries, ${events.length.toLocaleString('en-US')} events`);

// 2. The renderer, served on loopback; Chromium standing at the data set's "now".
const dist = resolve(root, '.tmp/bench-lead-report-renderer');
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
await new Promise((ok) => server.listen(portAt >= 0 ? Number(args[portAt + 1]) : 4794, '127.0.0.1', ok));
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
  const scripts = [];
  page.on('requestfinished', async (r) => {
    if (r.url().endsWith('.js'))
      scripts.push({ url: r.url().replace(/^.*\//, ''), bytes: (await r.sizes()).responseBodySize, at: r.timing() });
  });
  const times = { shown: 0, figures: 0 };
  const cdp = args.includes('--profile') ? await context.newCDPSession(page) : null;
  const tracer = args.includes('--trace') ? await context.newCDPSession(page) : null;
  const traced = [];
  if (tracer) {
    tracer.on('Tracing.dataCollected', (d) => traced.push(...d.value));
    await tracer.send('Tracing.start', { categories: 'devtools.timeline,v8,blink', transferMode: 'ReportEvents' });
  }
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  await step('open Lead report', async () => {
    const start = performance.now();
    await page.evaluate(() => {
      // When each stage first showed, from the page's own clock (every animation frame).
      const t0 = performance.now();
      const marks = {};
      window.__marks = marks;
      window.__t0 = t0;
      const probes = { opening: '.loading', page: '.report-view', progress: '.report-view .progress', figures: '.report-view .tiles' };
      const poll = () => {
        for (const [k, sel] of Object.entries(probes)) if (!(k in marks) && document.querySelector(sel)) marks[k] = performance.now() - t0;
        if (!('figures' in marks)) requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
      window.location.hash = '#/report';
    });
    await page.waitForFunction(() => document.querySelector('.report-view .progress, .report-view .tiles'), null, { polling: 'raf' });
    times.shown = performance.now() - start;
    await page.waitForFunction(() => document.querySelector('.report-view .tiles') && !document.querySelector('#report-progress'), null, {
      polling: 'raf',
    });
    times.figures = performance.now() - start;
  });
  if (tracer) {
    // `--trace`: the browser's own work while the report opened (style, layout, script compile...), by event name.
    const done = new Promise((ok) => tracer.once('Tracing.tracingComplete', ok));
    await tracer.send('Tracing.end');
    await done;
    const total = new Map();
    for (const e of traced) if (e.ph === 'X' && e.dur) total.set(e.name, (total.get(e.name) ?? 0) + e.dur / 1000);
    for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
  }
  if (cdp) {
    // `--profile`: where the main thread's time went while the report opened, by function (self time).
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map();
    const dt = profile.timeDeltas;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    profile.samples.forEach((id, i) => {
      const f = byId.get(id).callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
  }
  const marks = await page.evaluate(() => window.__marks);
  const loads = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.startTime >= window.__t0)
      .map((e) => `${e.name.replace(/^.*\//, '')} ${Math.round(e.startTime - window.__t0)}–${Math.round(e.responseEnd - window.__t0)}`),
  );
  console.log(`  loads (ms from the click): ${loads.join('; ')}`);
  console.log(
    `  in the page: ${Object.entries(marks)
      .map(([k, v]) => `${k} ${Math.round(v)} ms`)
      .join(', ')}`,
  );
  console.log(`  something showed after ${Math.round(times.shown)} ms; the figures after ${Math.round(times.figures)} ms`);
  for (const s of scripts)
    console.log(
      `  fetched ${s.url.padEnd(40)} ${(s.bytes / 1024).toFixed(0).padStart(6)} KiB, ${Math.round(s.at.responseEnd)} ms after it was asked for`,
    );
  console.log(
    `\n${inquiries.toLocaleString('en-US')} inquiries on ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ` +
      `${(totalmem() / 2 ** 30).toFixed(0)} GB; Chromium ${context.browser()?.version() ?? ''}`,
  );
} finally {
  await context.close();
  server.close();
  rmSync(work, { recursive: true, force: true });
}
