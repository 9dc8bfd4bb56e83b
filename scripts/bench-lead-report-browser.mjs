// `node scripts/bench-lead-report-browser.mjs [--inquiries 8] [--no-build]`: prints figures, asserts nothing.
//
// Opening Lead tools → Lead report, in Chromium against the built renderer (as the e2e tests run it): the
// benchmark's data set (bench/data/generate.ts) is written straight into the page's IndexedDB, the log loads,
// then the report is opened from the log. Prints how long until something showed (the progress panel or the
// figures), how long until the figures showed, the longest main-thread task meanwhile, and the script the
// browser fetched for it (the lazy chunk and what it pulls in).
import { benchDataSet, openSeededApp } from '../bench/appPage.mjs';

const args = process.argv.slice(2);

// 1. The data set.
const data = await benchDataSet('bench-lead-report', args, 8);
console.log(`data set: ${data.records.length.toLocaleString('en-US')} inquiries, ${data.events.length.toLocaleString('en-US')} events`);

// 2. The app over it, in Chromium.
const { page, context, step, machine, close } = await openSeededApp({ name: 'bench-lead-report', args, port: 4794, data });
try {
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
  console.log(`\n${machine()}`);
} finally {
  await close();
}
