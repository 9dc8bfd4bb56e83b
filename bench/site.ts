import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { InquiryEvent } from '../shared/inquiry/events';
import type { InquiryRecord } from '../shared/inquiry/projection';
import type { Profile } from '../shared/people';
import { findChromium } from '../test/e2e/chromium';
import { launch } from './browser/driver';
import { benchProfile, benchStaff, DEFAULT_DATA_SET, generateInquiries } from './data/generate';
import { serveBench } from './server';

/** The data set as a page seeds it: chunked JSON files under /__bench/data/, the profile and the desk's meta rows. */
export interface SiteManifest {
  eventChunks: string[];
  inquiryChunks: string[];
  profile: Profile;
  meta: { key: string; value: unknown }[];
}

export interface BenchSite {
  manifest: SiteManifest;
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * A bench page's site, for the benches that measure one page of work in Chromium (bench/backup,
 * bench/chain): generates the bench data set (bench/data/generate.ts) into chunked files, bundles the
 * page entry, serves it, opens it in Chromium and waits until the page says it is ready.
 */
export async function openBenchSite(o: {
  name: string;
  entry: string;
  inquiries: number;
  port: number;
  log: (text: string) => void;
}): Promise<BenchSite> {
  const root = process.cwd();
  const work = resolve(root, '.tmp', o.name);
  rmSync(work, { recursive: true, force: true });
  const site = resolve(work, 'site');
  mkdirSync(resolve(site, 'data'), { recursive: true });
  const options = { ...DEFAULT_DATA_SET, inquiries: o.inquiries };
  o.log(`generating ${options.inquiries.toLocaleString('en-US')} inquiries…`);
  const events: InquiryEvent[] = [];
  const records: InquiryRecord[] = [];
  for (const g of generateInquiries(options)) {
    for (const e of g.events) events.push(e);
    records.push(g.record);
  }
  o.log(`  ${events.length.toLocaleString('en-US')} events`);
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
  const manifest: SiteManifest = {
    eventChunks: chunk('events', events, 50_000),
    inquiryChunks: chunk('inquiries', records, 20_000),
    profile,
    meta: [
      { key: 'device', value: { deviceId: me.deviceId, deskCode: me.deskCode } },
      { key: 'activeProfile', value: profile.id },
    ],
  };
  // The page reads the files; the arrays would only hold the heap the measurements are about.
  events.length = 0;
  records.length = 0;

  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [resolve(root, o.entry)],
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
    `<!doctype html><html><head><meta charset="utf-8"><title>${o.name}</title></head><body><script type="module" src="./page.js"></script></body></html>`,
  );
  const server = await serveBench(site, site, o.port);
  const { context, page } = await launch(findChromium(), resolve(work, 'profile'));
  await page.goto(`${server.url}__bench/`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return {
    manifest,
    page,
    context,
    close: async () => {
      await context.close();
      await server.close();
    },
  };
}
