/**
 * `node scripts/bench-backup.mjs [--inquiries N]`: the data-safety operations at scale. Generates the
 * bench data set (bench/data/generate.ts: 100,000 inquiries and about a million events by default),
 * seeds it into Chromium, and prints how long each backup, check, export, restore and import takes
 * and how long the main thread was ever busy at once (the window must never freeze). Not part of
 * `npm test`: it takes minutes and measures time.
 */
import { parseArgs } from 'node:util';
import type { OpFigure } from '../measure';
import { openBenchSite } from '../site';

const { values: args } = parseArgs({
  options: { inquiries: { type: 'string', default: '100000' }, port: { type: 'string', default: '4795' } },
});
const log = (text: string) => console.log(`[bench-backup ${new Date().toISOString().slice(11, 19)}] ${text}`);

async function main() {
  const { manifest, page, close } = await openBenchSite({
    name: 'bench-backup',
    entry: 'bench/backup/page.ts',
    inquiries: Number(args.inquiries),
    port: Number(args.port),
    log,
  });
  try {
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
    await close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
