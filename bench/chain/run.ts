/**
 * `node scripts/bench-chain.mjs [--inquiries N] [--upgrade]`: the hash chain at scale. Generates the bench data set
 * (bench/data/generate.ts: 100,000 inquiries and about a million events by default), seeds it into
 * Chromium with every event chained by its desk, and prints save times with the chain link, and how long
 * the background check, "Verify the log", sync's arrival check and an import's chaining take, with the
 * longest main-thread task and timer gap of each (the window must never freeze); with --upgrade, first the
 * time the upgrade to schema v3 takes at that size. Not part of `npm test`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { InquiryEvent } from '../../shared/inquiry/events';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import { PAT_LEE } from '../../shared/inquiry/testInquiry';
import { findChromium } from '../../test/e2e/chromium';
import { launch } from '../browser/driver';
import { benchProfile, benchStaff, DEFAULT_DATA_SET, generateInquiries } from '../data/generate';
import { serveBench } from '../server';
import type { OpFigure } from './page';

/** The inquiry each timed save logs (no real member). */
const FIELDS = PAT_LEE;

const { values: args } = parseArgs({
  options: {
    inquiries: { type: 'string', default: '100000' },
    port: { type: 'string', default: '4797' },
    upgrade: { type: 'boolean', default: false },
  },
});
const root = process.cwd();
const work = resolve(root, '.tmp/bench-chain');
const log = (text: string) => console.log(`[bench-chain ${new Date().toISOString().slice(11, 19)}] ${text}`);

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
    entryPoints: [resolve(root, 'bench/chain/page.ts')],
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
    '<!doctype html><html><head><meta charset="utf-8"><title>bench-chain</title></head><body><script type="module" src="./page.js"></script></body></html>',
  );
  const server = await serveBench(site, site, Number(args.port));
  const { context, page } = await launch(findChromium(), resolve(work, 'profile'));
  try {
    await page.goto(`${server.url}__bench/`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    if (args.upgrade) {
      log('upgrading a v2 database to v3…');
      const u = await page.evaluate((urls) => window.benchChain.upgrade(urls), manifest.eventChunks);
      log(`  the upgrade to schema v3 (the chain index) of ${u.events.toLocaleString('en-US')} events: ${Math.round(u.openMs)} ms`);
    }
    log('seeding Chromium…');
    const t0 = performance.now();
    const seeded = await page.evaluate((m) => window.benchChain.seed(m), manifest);
    log(
      `  ${seeded.inquiries.toLocaleString('en-US')} inquiries, ${seeded.events.toLocaleString('en-US')} events from ${seeded.desks} desks in ${Math.round(performance.now() - t0)} ms (chaining them: ${Math.round(seeded.chainMs)} ms)`,
    );
    log('measuring…');
    const r = await page.evaluate((fields) => window.benchChain.run(fields), FIELDS);
    console.log('');
    console.log(
      `Save a new inquiry (Repo.logInquiry, 2 chained events): p50 ${r.saves.p50.toFixed(1)} ms, p95 ${r.saves.p95.toFixed(1)} ms, max ${r.saves.max.toFixed(1)} ms`,
    );
    console.log(`Add a note (Repo.addNote, 1 chained event): p50 ${r.notes.p50.toFixed(1)} ms, p95 ${r.notes.p95.toFixed(1)} ms`);
    console.log(
      `The chain's share of a save (head read + 2 links in a write transaction): p50 ${r.chain.p50.toFixed(2)} ms, p95 ${r.chain.p95.toFixed(2)} ms`,
    );
    console.log('');
    console.log(
      `| operation (${seeded.inquiries.toLocaleString('en-US')} inquiries, ${seeded.events.toLocaleString('en-US')} events) | time | longest task | longest timer gap | result |`,
    );
    console.log('|---|---|---|---|---|');
    for (const f of r.figures as OpFigure[])
      console.log(
        `| ${f.name} | ${(f.ms / 1000).toFixed(2)} s | ${Math.round(f.longestTaskMs)} ms | ${Math.round(f.longestGapMs)} ms | ${f.note} |`,
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
