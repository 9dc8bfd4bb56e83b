/**
 * `node scripts/bench-chain.mjs [--inquiries N] [--upgrade]`: the hash chain at scale. Generates the bench data set
 * (bench/data/generate.ts: 100,000 inquiries and about a million events by default), seeds it into
 * Chromium with every event chained by its desk, and prints save times with the chain link, and how long
 * the background check, "Verify the log", sync's arrival check and an import's chaining take, with the
 * longest main-thread task and timer gap of each (the window must never freeze); with --upgrade, first the
 * time the upgrade to schema v3 takes at that size. Not part of `npm test`.
 */
import { parseArgs } from 'node:util';
import { PAT_LEE } from '../../shared/inquiry/testInquiry';
import type { OpFigure } from '../measure';
import { openBenchSite } from '../site';

/** The inquiry each timed save logs (no real member). */
const FIELDS = PAT_LEE;

const { values: args } = parseArgs({
  options: {
    inquiries: { type: 'string', default: '100000' },
    port: { type: 'string', default: '4797' },
    upgrade: { type: 'boolean', default: false },
  },
});
const log = (text: string) => console.log(`[bench-chain ${new Date().toISOString().slice(11, 19)}] ${text}`);

async function main() {
  const { manifest, page, close } = await openBenchSite({
    name: 'bench-chain',
    entry: 'bench/chain/page.ts',
    inquiries: Number(args.inquiries),
    port: Number(args.port),
    log,
  });
  try {
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
    await close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
