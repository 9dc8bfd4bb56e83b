/**
 * `node scripts/bench-backup.mjs [--inquiries N]`: the data-safety operations at scale. Generates the
 * bench data set (bench/data/generate.ts: 100,000 inquiries and about a million events by default),
 * seeds it into Chromium, and prints how long each backup, check, export, restore and import takes
 * and how long the main thread was ever busy at once (the window must never freeze). Not part of
 * `npm test`: it takes minutes and measures time.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { InquiryEvent } from '../../shared/inquiry/events';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import { findChromium } from '../../test/e2e/chromium';
import { launch } from '../browser/driver';
import { benchProfile, benchStaff, DEFAULT_DATA_SET, generateInquiries } from '../data/generate';
import { serveBench } from '../server';
import type { OpFigure } from './page';

const { values: args } = parseArgs({
  options: { inquiries: { type: 'string', default: '100000' }, port: { type: 'string', default: '4795' } },
});
const root = process.cwd();
const work = resolve(root, '.tmp/bench-backup');
const log = (text: string) => console.log(`[bench-backup ${new Date().toISOString().slice(11, 19)}] ${text}`);

async function main() {
  rmSync(work, { recursive: true, force: true });
  const site = resolve(work, 'site');
  mkdirSync(resolve(site, 'data'), { recursive: true });
  const options = { ...DEFAULT_DATA_SET, inquiries: Number(args.inquiries) };
  log(`generating ${options.inquiries.toLocaleString('en-US')} inquiries…`);
  const events: InquiryEvent[] = [];
  const records: InquiryRecord[] = [];
  for (const g of generateInquiries(options)) {
    for (const e of g.events) events.push(e);
    records.push(g.record);
  }
  log(`  ${events.length.toLocaleString('en-US')} events`);
  const chunk = (name: string, items: readonly unknown[], size: number) => {
    const urls: string[] = [];
    for (let i = 0; i < items.length; i += size) {
      const file = `${name}-${String(i / size).padStart(3, '0')}.json`;
      writeFileSync(resolve(site, 'data', file), JSON.stringify(items.slice(i, i + size)));
      urls.push(`/__bench/data/${file}`);
    }
    return urls;
  };
  const staff = benchStaff(options.seed);
  const me = staff[0] as (typeof staff)[number];
  const profile = benchProfile(staff);
  const manifest = {
    eventChunks: chunk('events', events, 50_000),
    inquiryChunks: chunk('inquiries', records, 20_000),
    profile,
    meta: [
      { key: 'device', value: { deviceId: me.deviceId, deskCode: me.deskCode } },
      { key: 'activeProfile', value: profile.id },
    ],
  };
  events.length = 0;
  records.length = 0;

  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [resolve(root, 'bench/backup/page.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome130',
    outfile: resolve(site, 'page.js'),
    define: { __APP_VERSION__: '"bench"' },
    logLevel: 'warning',
  });
  writeFileSync(
    resolve(site, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>bench-backup</title></head><body><script type="module" src="./page.js"></script></body></html>',
  );
  const server = await serveBench(site, site, Number(args.port));
  const { context, page } = await launch(findChromium(), resolve(work, 'profile'));
  try {
    await page.goto(`${server.url}__bench/`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    log('seeding Chromium…');
    const t0 = performance.now();
    const seeded = await page.evaluate((m) => window.benchBackup.seed(m), manifest);
    log(
      `  ${seeded.inquiries.toLocaleString('en-US')} inquiries, ${seeded.events.toLocaleString('en-US')} events in ${Math.round(performance.now() - t0)} ms`,
    );
    log('measuring…');
    const figures: OpFigure[] = await page.evaluate(() => window.benchBackup.run(), undefined);
    console.log('');
    console.log(
      `| operation (${seeded.inquiries.toLocaleString('en-US')} inquiries, ${seeded.events.toLocaleString('en-US')} events) | time | longest task | longest timer gap | progress updates | peak JS heap | result |`,
    );
    console.log('|---|---|---|---|---|---|---|');
    for (const f of figures)
      console.log(
        `| ${f.name} | ${(f.ms / 1000).toFixed(1)} s | ${Math.round(f.longestTaskMs)} ms | ${Math.round(f.longestGapMs)} ms | ${f.progressEvents} | ${f.peakHeapMb === null ? '–' : `${Math.round(f.peakHeapMb)} MB`} | ${f.note} |`,
      );
  } finally {
    await context.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
