/**
 * `npm run bench`: the scale benchmark (issue 6). Builds the deterministic data set, measures the
 * Node figures, seeds a Chromium profile with the data set, measures the app (the renderer build,
 * as the e2e tests run it) and the bare floors, prints a table and writes bench/results.json.
 * See bench/README.md for what each figure means.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { SCHEMA_VERSION } from '../renderer/data/migrations';
import { hashPin } from '../renderer/lock/pin';
import { DEFAULT_AGENCY_CONFIG } from '../shared/config/agencyConfig';
import type { InquiryEvent } from '../shared/inquiry/events';
import {
  comparatorOf,
  filterLogRows,
  type LogQuery,
  type LogSort,
  QUEUE_LABELS,
  type Queue,
  type QueueTime,
  queryForQueue,
  queueTimeAt,
} from '../shared/log/logQuery';
import { type LogRow, toLogRow } from '../shared/log/logRow';
import { findChromium } from '../test/e2e/chromium';
import { heapAfterGc, launch, loadMarks, settle, takeCommandTimes, timeInteraction } from './browser/driver';
import type { SeedManifest } from './browser/harness';
import {
  BENCH_NOW,
  benchProfile,
  benchStaff,
  DEFAULT_DATA_SET,
  type GeneratedInquiry,
  generateInquiries,
  lastStampOf,
} from './data/generate';
import { nodeFigures } from './nodeFigures';
import { describeMachine, type Figure, figure, formatTable, loadNow } from './report';
import { serveBench } from './server';
import { median, percentile } from './stats';

/** How many of the first rows an expectation names. */
const TOP = 10;

/** Bump when the harness's seeding changes what it stores, so a cached seeded profile is rebuilt. */
const SEED_FORMAT = 1;
const HOUR = 3_600_000;

const { values: args } = parseArgs({
  options: {
    inquiries: { type: 'string', default: String(DEFAULT_DATA_SET.inquiries) },
    runs: { type: 'string', default: '5' },
    port: { type: 'string', default: '4791' },
    'no-rebuild': { type: 'boolean', default: false },
    /** Skips the Node figures (while working on the browser ones). */
    'no-node': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.json' },
  },
});

const root = process.cwd();
const work = resolve(root, '.tmp/bench');
const runs = Math.max(1, Number(args.runs));
const log = (text: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${text}`);

async function main(): Promise<void> {
  const started = performance.now();
  const loadAtStart = loadNow();
  mkdirSync(work, { recursive: true });
  const options = { ...DEFAULT_DATA_SET, inquiries: Number(args.inquiries) };

  // 1. The data set, generated with the real commands and projection.
  log(`generating ${options.inquiries.toLocaleString('en-US')} inquiries (seed ${options.seed})…`);
  const t0 = performance.now();
  const generated: GeneratedInquiry[] = [];
  let eventCount = 0;
  for (const g of generateInquiries(options)) {
    generated.push(g);
    eventCount += g.events.length;
  }
  const events: InquiryEvent[] = new Array(eventCount);
  let k = 0;
  for (const g of generated) for (const e of g.events) events[k++] = e;
  const records = generated.map((g) => g.record);
  const openStates = generated.map((g) => g.openState);
  log(
    `  ${records.length.toLocaleString('en-US')} inquiries, ${events.length.toLocaleString('en-US')} events in ${Math.round(performance.now() - t0)} ms`,
  );

  // 2. Node figures.
  if (!args['no-node']) log('measuring in Node…');
  const figures: Figure[] = [];
  const nodeFigs = args['no-node'] ? [] : await nodeFigures({ events, openStates }, runs);

  // 3. Data chunks for the browser, and the key of the seeded profile.
  const site = resolve(work, 'site');
  const dataDir = resolve(site, 'data');
  rmSync(site, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const hash = createHash('sha256').update(`seed-format ${SEED_FORMAT} schema ${SCHEMA_VERSION}\n`);
  // Written to disk only when the profile has to be seeded again.
  const chunkFiles: { file: string; json: string }[] = [];
  const writeChunks = (name: string, items: readonly unknown[], size: number): string[] => {
    const urls: string[] = [];
    for (let i = 0; i < items.length; i += size) {
      const file = `${name}-${String(i / size).padStart(3, '0')}.json`;
      const json = JSON.stringify(items.slice(i, i + size));
      hash.update(json);
      chunkFiles.push({ file, json });
      urls.push(`/__bench/data/${file}`);
    }
    return urls;
  };
  const staff = benchStaff(options.seed);
  const profile = benchProfile(staff);
  const me = staff[0] as (typeof staff)[number];
  const manifest: SeedManifest = {
    eventChunks: writeChunks('events', events, 50_000),
    inquiryChunks: writeChunks('inquiries', records, 20_000),
    profile,
    meta: [
      { key: 'device', value: { deviceId: me.deviceId, deskCode: me.deskCode } },
      { key: 'activeProfile', value: profile.id },
      { key: 'hlc', value: hlcOf(lastStampOf(events, me.deviceId), me.deviceId) },
    ],
  };
  hash.update(JSON.stringify(manifest.meta)).update(JSON.stringify(profile));
  const dataKey = hash.digest('hex');

  // 4. The renderer build (as test/e2e/globalSetup.ts builds it, into our own folder) and the bench page.
  log('building the renderer and the bench page…');
  const rendererOut = resolve(work, 'renderer');
  const { build } = await import('vite');
  // The working tree is shared with people mid-edit: a file that does not compile now may in a minute.
  for (let attempt = 1; ; attempt++) {
    try {
      await build({
        configFile: resolve(root, 'vite.config.ts'),
        logLevel: 'silent',
        build: { outDir: rendererOut, emptyOutDir: true, sourcemap: false },
      });
      break;
    } catch (e) {
      if (attempt === 5) throw e;
      log(`  the renderer did not build (${(e as Error).message.split('\n')[0]}); trying again in 30 s`);
      await new Promise((r) => setTimeout(r, 30_000));
    }
  }
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [resolve(root, 'bench/browser/harness.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome130',
    outfile: resolve(site, 'harness.js'),
    define: { __APP_VERSION__: '"bench"' },
    logLevel: 'warning',
  });
  writeFileSync(
    resolve(site, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body><script type="module" src="./harness.js"></script></body></html>',
  );

  const server = await serveBench(rendererOut, site, Number(args.port));
  const chromiumPath = findChromium();
  const appUrl = `${server.url}?now=${encodeURIComponent(new Date(BENCH_NOW).toISOString())}#/log`;
  const benchUrl = `${server.url}__bench/`;
  let chromiumVersion = 'unknown';
  try {
    // 5. A seeded profile, kept between runs while the data set is unchanged.
    const seeded = resolve(work, 'profile-seeded');
    const keyFile = resolve(work, 'profile-seeded.key');
    if (!existsSync(keyFile) || readFileSync(keyFile, 'utf8') !== dataKey || !existsSync(seeded)) {
      log('seeding a Chromium profile with the data set (kept for later runs)…');
      rmSync(seeded, { recursive: true, force: true });
      rmSync(keyFile, { force: true });
      for (const { file, json } of chunkFiles) writeFileSync(resolve(dataDir, file), json);
      const ts = performance.now();
      const { context, page } = await launch(chromiumPath, seeded);
      page.on('console', (m) => log(`  ${m.text()}`));
      await page.goto(benchUrl);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      const stored = await page.evaluate((m) => window.bench.seed(m), manifest);
      if (stored.events !== events.length || stored.inquiries !== records.length)
        throw new Error(`seeding stored ${JSON.stringify(stored)}`);
      await context.close();
      writeFileSync(keyFile, dataKey);
      rmSync(dataDir, { recursive: true, force: true });
      log(`  seeded in ${Math.round(performance.now() - ts)} ms`);
    } else log('reusing the seeded Chromium profile');
    {
      // The PIN's hash has a random salt, so it is added here rather than in the data's key.
      const { context, page } = await launch(chromiumPath, seeded);
      await page.goto(benchUrl);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      const desk = await page.evaluate(([p, at]) => window.bench.ensureDesk(p, at), [
        { ...profile, pin: await hashPin('7391') },
        BENCH_NOW - HOUR,
      ] as const);
      if (desk.backupMs !== null) log(`  made today's backup of the seeded desk in ${Math.round(desk.backupMs)} ms`);
      await context.close();
    }
    chunkFiles.length = 0;
    const profileDir = resolve(work, 'profile-run');
    rmSync(profileDir, { recursive: true, force: true });
    cpSync(seeded, profileDir, { recursive: true });

    // 6. Cold starts: a fresh browser process on the stored data, to the first rows and to the whole log.
    log(`cold starts (${runs})…`);
    const firstRows: number[] = [];
    const complete: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { context, page } = await launch(chromiumPath, profileDir);
      chromiumVersion = context.browser()?.version() ?? chromiumVersion;
      await page.goto(appUrl, { waitUntil: 'commit' });
      const marks = await loadMarks(page);
      firstRows.push(marks.firstRowsAt);
      complete.push(marks.completeAt);
      await context.close();
    }
    const coldFloor: number[] = [];
    const fullReadFloor: number[] = [];
    for (let i = 0; i < Math.max(3, Math.ceil(runs / 2)); i++) {
      const { context, page } = await launch(chromiumPath, profileDir);
      await page.goto(benchUrl);
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      coldFloor.push((await page.evaluate(() => window.bench.coldRead())).firstScreenAt);
      fullReadFloor.push((await page.evaluate(() => window.bench.fullRead())).ms);
      await context.close();
    }

    // 7. The app, loaded: heap, virtualisation, queues, sorting, search, saving.
    log('interactions…');
    const rows = records.map((r) => toLogRow(r, DEFAULT_AGENCY_CONFIG));
    const oracle = new Oracle(rows, profile.id, queueTimeAt(BENCH_NOW, DEFAULT_AGENCY_CONFIG.timeZone));
    const { context, page } = await launch(chromiumPath, profileDir);
    await page.goto(appUrl, { waitUntil: 'commit' });
    await loadMarks(page);
    await settle(page, 500);
    const heap = await heapAfterGc(context, page);

    let query: LogQuery = { queue: 'open', search: '', filters: {}, sort: [{ column: 'receivedAt', desc: true }] };
    const switchQueue = async (queue: Queue): Promise<number> => {
      query = queryForQueue(query, queue);
      const ex = oracle.expect(query);
      return timeInteraction(page, 'click', { count: ex.count, firstCase: ex.first }, () =>
        page.locator('nav.sidebar button.queue', { hasText: QUEUE_LABELS[queue] }).click(),
      );
    };
    const queueTimes: number[] = [];
    // Queues that do not move with the clock (Due today and Overdue turn as the app's clock runs on).
    for (const q of [
      'all',
      'open',
      'resolved',
      'mine',
      'awaiting_mco',
      'all',
      'unit_lead',
      'unassigned',
      'resolved',
      'open',
      'all',
    ] as Queue[])
      queueTimes.push(await switchQueue(q));

    // Virtualisation: rows in the DOM with the whole log shown, at the top and scrolled half-way.
    const domRows: number[] = [await page.locator('.log-table tbody tr').count()];
    await page.evaluate(() => {
      const el = document.querySelector('.table-scroll');
      if (el) el.scrollTop = el.scrollHeight / 2;
    });
    await settle(page, 300);
    domRows.push(await page.locator('.log-table tbody tr').count());
    await page.evaluate(() => {
      const el = document.querySelector('.table-scroll');
      if (el) el.scrollTop = 0;
    });
    await settle(page, 300);

    // Sorting the whole log by one column, then another (each click: ascending or descending, as the table decides).
    const sortTimes: number[] = [];
    const sortFields: (keyof LogRow)[] = [];
    for (const [header, column] of [
      // The columns shown by default (shared/log/logLayout.ts); Next due is left out: its order moves with the clock.
      ['Member', 'memberName'],
      ['Case #', 'caseNumber'],
      ['Summary', 'summaryLine'],
      ['Assignee', 'assigneeName'],
      ['Priority', 'priorityLabel'],
      ['Received', 'receivedAt'],
      ['Member', 'memberName'],
      ['Summary', 'summaryLine'],
      ['Case #', 'caseNumber'],
      ['Assignee', 'assigneeName'],
    ] as const) {
      const before = oracle.expect(query).first;
      const asc = oracle.expect({ ...query, sort: [{ column, desc: false }] }).first;
      const desc = oracle.expect({ ...query, sort: [{ column, desc: true }] }).first;
      const candidates = [asc, desc].filter((c) => c !== before);
      if (candidates.length === 0) continue;
      const ms = await timeInteraction(page, 'click', { firstCase: candidates }, () =>
        page.locator('.log-table thead th button.sort-button', { hasText: header }).first().click(),
      );
      query = { ...query, sort: [{ column, desc: (await shownTop(page)) === desc && desc !== asc }] };
      sortTimes.push(ms);
      sortFields.push(column);
    }
    // Back to the default order for the search.
    await page.locator('.log-table thead th button.sort-button', { hasText: 'Received' }).first().click();
    await settle(page, 300);
    const receivedDesc = oracle.expect({ ...query, sort: [{ column: 'receivedAt', desc: true }] }).first;
    if ((await shownTop(page)) !== receivedDesc) {
      await page.locator('.log-table thead th button.sort-button', { hasText: 'Received' }).first().click();
      await settle(page, 300);
    }
    query = { ...query, sort: [{ column: 'receivedAt', desc: true }] };

    // Free-text search over the whole log, a keystroke at a time (each one changes the rows shown).
    const searchTimes: number[] = [];
    const typed: string[] = [];
    await page.locator('#log-search').focus();
    for (const term of ['garcia', 'molina pharm', 'wheelchair', 'legislat', 'dialysis', 'hernandez', 'office of sen']) {
      let text = '';
      for (const ch of term) {
        text += ch;
        const next = { ...query, search: text };
        const ex = oracle.expect(next);
        const prev = oracle.expect({ ...query, search: text.slice(0, -1) });
        if (ex.count === prev.count && ex.first === prev.first) {
          await page.keyboard.press(ch === ' ' ? 'Space' : ch);
          await settle(page);
        } else {
          searchTimes.push(
            await timeInteraction(page, 'keydown', { count: ex.count, firstCase: ex.first }, () =>
              page.keyboard.press(ch === ' ' ? 'Space' : ch),
            ),
          );
          typed.push(text);
        }
      }
      // Clearing the search is a keystroke too (back to the whole log).
      await page.keyboard.press('Control+A');
      const all = oracle.expect(query);
      searchTimes.push(
        await timeInteraction(page, 'keydown', { count: all.count, firstCase: all.first }, () => page.keyboard.press('Backspace')),
      );
      typed.push('');
    }

    // Saving: a new inquiry through the intake form, then a note on it.
    log('saving…');
    const saveTimes: number[] = [];
    const noteTimes: number[] = [];
    /** The write of each save alone (Repo's command, measured in the page): what the write floor is the bare form of. */
    const saveWrites: number[] = [];
    const SAVES = Math.max(10, runs * 3);
    for (let i = 0; i < SAVES; i++) {
      await page.keyboard.press('Alt+N');
      await page.locator('#intake-title').waitFor();
      await page.fill('#intake-receivedDate', '11/23/2026');
      await page.fill('#intake-receivedTime', '9:15 am');
      await page.selectOption('#intake-source', { label: 'Legislative Liaison' });
      await page.fill('#intake-originatorName', 'Office of Rep. Alvarez');
      await page.fill('#intake-memberName', `Bench Member ${i}`);
      await page.fill('#intake-medicaidId', `${String(1_000_000 + i)}A`);
      await page.check('#intake-mcoEnrollment');
      await page.selectOption('#intake-mcoId', { label: 'Molina Healthcare of Iowa' });
      await page.check('#intake-priority');
      await page.selectOption('#intake-category', { label: 'Pharmacy' });
      await page.fill('#intake-description', `Benchmark inquiry ${i}: insulin refill denied at the pharmacy.`);
      await page.fill('#intake-expectedOutcome', 'Refill approved today.');
      await page.focus('#intake-description');
      await takeCommandTimes(page);
      saveTimes.push(
        await timeInteraction(page, 'keydown', { selector: '#inquiry-title', text: 'Inquiry ' }, () =>
          page.keyboard.press('Control+Enter'),
        ),
      );
      saveWrites.push(...(await takeCommandTimes(page)));
      const note = `Bench note ${i}: called the pharmacy, refill pending.`;
      await page.fill('#note-text', note);
      await page.focus('#note-text');
      noteTimes.push(
        await timeInteraction(page, 'keydown', { selector: '.timeline-list', text: note }, () => page.keyboard.press('Control+Enter')),
      );
    }
    await context.close();

    // 8. Floors in the bench page over the same data, and the projection rebuild.
    log('floors…');
    const floorRun = await launch(chromiumPath, profileDir);
    const fp = floorRun.page;
    await fp.goto(benchUrl);
    await fp.waitForFunction(() => document.body.dataset.ready === 'true');
    await fp.evaluate(() => window.bench.prepareRows());
    const searchFloor = await fp.evaluate((s) => window.bench.filterFloor(s), typed);
    const sortFloor = await fp.evaluate((f) => window.bench.sortFloor(f), sortFields);
    const queueFloor = await fp.evaluate((q) => window.bench.queueFloor(q), ['all', 'open', 'resolved', 'open', 'all']);
    const extra = [...generateInquiries({ ...options, inquiries: SAVES, seed: options.seed + 1 })].map((g) => ({
      events: g.events.slice(0, 3),
      record: g.record,
    }));
    const writeFloor = await fp.evaluate((s) => window.bench.writeFloor(s), extra);
    // The same writes again, each from a key press to the paint of a heading: timed as the app's save is.
    await fp.evaluate((s) => window.bench.armSaveFloor(s), extra);
    const saveFloor: number[] = [];
    for (let i = 0; i < extra.length; i++) {
      await settle(fp);
      saveFloor.push(
        await timeInteraction(fp, 'keydown', { selector: '#floor-title', text: `Inquiry ${i}` }, () => fp.keyboard.press('Control+Enter')),
      );
    }
    await fp.evaluate(() => window.bench.undoSaveFloor());
    await floorRun.context.close();

    const heapRun = await launch(chromiumPath, profileDir);
    await heapRun.page.goto(benchUrl);
    await heapRun.page.waitForFunction(() => document.body.dataset.ready === 'true');
    await heapRun.page.evaluate(() => window.bench.holdRecords());
    const heapFloor = await heapAfterGc(heapRun.context, heapRun.page);
    let rebuild: Awaited<ReturnType<Window['bench']['rebuild']>> | null = null;
    if (!args['no-rebuild']) {
      log('rebuilding every projection in the browser (Repo.rebuildProjections)…');
      rebuild = await heapRun.page.evaluate(() => window.bench.rebuild());
    }
    await heapRun.context.close();

    const n = (x: number) => x.toLocaleString('en-US');
    figures.push(
      figure('Cold start to the table showing rows', median(firstRows), 'ms', {
        budget: 1500,
        floor: median(coldFloor),
        samples: firstRows.length,
        note: 'fresh browser process on the stored data; navigation start to the paint of the first rows. Floor: a bare page opening Dexie and reading the newest 200 by index',
      }),
      figure(`Cold start to all ${n(records.length)} inquiries in memory`, median(complete), 'ms', {
        floor: median(fullReadFloor),
        samples: complete.length,
        note: 'the row count replaces "Loading the log…". Floor: a bare Dexie inquiries.toArray()',
      }),
      figure('Search keystroke to table updated, p50', percentile(searchTimes, 50), 'ms', {
        floor: percentile(searchFloor, 50),
        ratioBudget: 3,
        samples: searchTimes.length,
        note: 'keydown to the paint showing the new rows, in the All inquiries queue. Floor: a bare Array.prototype.filter over the same rows',
      }),
      figure('Search keystroke to table updated, p95', percentile(searchTimes, 95), 'ms', {
        budget: 50,
        floor: percentile(searchFloor, 95),
        ratioBudget: 3,
        samples: searchTimes.length,
      }),
      figure('Column sort (whole log)', median(sortTimes), 'ms', {
        budget: 150,
        floor: median(sortFloor),
        ratioBudget: 3,
        samples: sortTimes.length,
        note: 'click on a header to the paint of the re-sorted rows. Floor: a bare Array.prototype.sort of the same rows by the raw field',
      }),
      figure('Switching queue', median(queueTimes), 'ms', {
        budget: 100,
        floor: median(queueFloor),
        samples: queueTimes.length,
        note: 'click on a queue to the paint of its rows. Floor: a bare filter by status',
      }),
      figure('Row elements in the DOM, whole log shown', Math.max(...domRows), 'rows', { budget: 100, samples: domRows.length }),
      figure('Save a new inquiry, p95', percentile(saveTimes, 95), 'ms', {
        budget: 30,
        floor: percentile(writeFloor, 95),
        samples: saveTimes.length,
        note: 'Ctrl+Enter on the intake form to the paint of the saved inquiry. Floor: a bare Dexie transaction writing the same events and row',
      }),
      figure('Save a new inquiry, median', median(saveTimes), 'ms', {
        floor: median(writeFloor),
        samples: saveTimes.length,
        note: "the same, at the median: the saved inquiry's header and case card painted (its details and timeline follow a frame later)",
      }),
      figure('Save a new inquiry, median, against a bare save', median(saveTimes), 'ms', {
        floor: median(saveFloor),
        ratioBudget: 3,
        samples: saveTimes.length,
        note: 'the same median. Floor: Ctrl+Enter doing the bare write of the floor above, then a heading shown, timed from the key press to the paint as the save is (the frame the browser waits for is in both)',
      }),
      figure("Save a new inquiry: the command's write, median", median(saveWrites), 'ms', {
        floor: median(writeFloor),
        ratioBudget: 3,
        samples: saveWrites.length,
        note: 'Repo.logInquiry in the page, from its call to the change feed told (one transaction: its reads, chaining, the writes)',
      }),
      figure('Add a note, p95', percentile(noteTimes, 95), 'ms', {
        budget: 30,
        floor: percentile(writeFloor, 95),
        samples: noteTimes.length,
        note: 'Ctrl+Enter in the note box to the paint of the note in the timeline',
      }),
      figure('JS heap after load', heap, 'MB', {
        budget: 400,
        floor: heapFloor,
        samples: 1,
        note: 'after a full GC, the whole log loaded. Floor: a bare page holding every inquiry record from toArray()',
      }),
      ...nodeFigs,
    );
    if (rebuild) {
      figures.push(
        figure(`Rebuild ${n(rebuild.inquiries)} projections in the browser`, rebuild.ms, 'ms', {
          samples: 1,
          note: `Repo.rebuildProjections, chunked with ${rebuild.progressReports} progress reports`,
        }),
        figure('Longest main-thread task during the rebuild', rebuild.longestTaskMs, 'ms', {
          samples: rebuild.longTasks,
          note: 'the window stays responsive when this is short (tasks over 50 ms are "long")',
        }),
      );
    }
    const machine = describeMachine(chromiumVersion, loadAtStart);
    console.log(`\n${formatTable(machine, figures)}\n`);
    const raw = {
      firstRows,
      complete,
      coldFloor,
      fullReadFloor,
      queueTimes,
      sortTimes,
      sortFloor,
      searchTimes,
      searchFloor,
      typed,
      saveTimes,
      saveWrites,
      noteTimes,
      writeFloor,
      saveFloor,
      domRows,
    };
    writeFileSync(
      resolve(root, args.out as string),
      `${JSON.stringify({ machine, dataSet: { ...options, events: events.length, openInquiries: records.filter((r) => r.status === 'open').length }, figures, raw }, null, 2)}\n`,
    );
    log(`wrote ${args.out} (${Math.round((performance.now() - started) / 1000)} s in all)`);
  } finally {
    await server.close();
  }
}

/** The case numbers of the table's first rows, as Oracle.expect gives them. */
function shownTop(page: Page): Promise<string> {
  return page.evaluate((n) => {
    const out: string[] = [];
    // The link's first text is the case number (a "new to you" row's link says so after it).
    for (let i = 0; i < n; i++)
      out.push(document.querySelector(`.log-table tbody tr[data-index="${i}"] .case-link`)?.firstChild?.textContent ?? '');
    return out.join(' ').trim();
  }, TOP);
}

/** The HLC value a desk stores in meta, from its last stamp. */
function hlcOf(stamp: string, deviceId: string): { wall: number; counter: number; deviceId: string } {
  const [wall, counter] = stamp.split('-');
  return stamp
    ? { wall: Number.parseInt(wall as string, 36), counter: Number.parseInt(counter as string, 36), deviceId }
    : { wall: 0, counter: 0, deviceId };
}

/**
 * What the app must show for a query, computed over the same rows by the definitions of the
 * order and the filter (comparatorOf, filterLogRows), not by the index the app answers from.
 */
class Oracle {
  private readonly sorted = new Map<string, LogRow[]>();
  constructor(
    private readonly rows: readonly LogRow[],
    private readonly me: string,
    private readonly at: QueueTime,
  ) {}

  expect(query: LogQuery): { count: number; first: string } {
    const key = JSON.stringify(query.sort satisfies readonly LogSort[]);
    let sorted = this.sorted.get(key);
    if (!sorted) {
      sorted = [...this.rows].sort(comparatorOf(query.sort, BENCH_NOW));
      this.sorted.set(key, sorted);
    }
    const out = filterLogRows(sorted, query, this.me, this.at);
    // The first rows' case numbers: a new order almost never keeps all ten in place.
    return {
      count: out.length,
      first: out
        .slice(0, TOP)
        .map((r) => r.caseNumber)
        .join(' '),
    };
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
