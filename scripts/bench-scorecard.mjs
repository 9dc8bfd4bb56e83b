// Benchmark for the MCO scorecard's pure builder (shared/report/scorecard.ts): prints figures; asserts nothing.
// `node scripts/bench-scorecard.mjs [--inquiries 100000] [--runs 5]` — bundles the TypeScript with esbuild into a
// temp file, generates the benchmark's data set (bench/data/generate.ts: real commands, ~10 events an inquiry),
// then times the scorecard over every referred inquiry for a month, a year and the whole history, the way the
// screen feeds it (one inquiry's events at a time). Reading from IndexedDB is not in these figures.
import { cpus } from 'node:os';
import { importBundled } from './runBundled.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const inquiries = opt('--inquiries', 100_000);
const runs = opt('--runs', 5);

const m = await importBundled('bench-scorecard', [
  ['bench/data/generate.ts', 'generateInquiries, DEFAULT_DATA_SET, BENCH_NOW'],
  ['shared/report/scorecard.ts', 'scorecardBuilder'],
  ['shared/time/calendar.ts', 'createCalendar'],
  ['shared/config/agencyConfig.ts', 'DEFAULT_AGENCY_CONFIG, calendarConfigOf'],
  ['shared/time/zone.ts', 'zonedToInstant'],
]);
{
  const zone = m.DEFAULT_AGENCY_CONFIG.timeZone;
  const calendar = m.createCalendar(m.calendarConfigOf(m.DEFAULT_AGENCY_CONFIG));
  const now = m.BENCH_NOW;

  let t = performance.now();
  const referred = [];
  let events = 0;
  let total = 0;
  for (const g of m.generateInquiries({ ...m.DEFAULT_DATA_SET, inquiries })) {
    total += 1;
    events += g.events.length;
    if (g.record.workflow.referral) referred.push(g.events);
  }
  console.log(
    `data set: ${total.toLocaleString('en-US')} inquiries, ${events.toLocaleString('en-US')} events, ` +
      `${referred.length.toLocaleString('en-US')} referred (generated in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  console.log(`machine: ${cpus()[0]?.model ?? '?'} × ${cpus().length}, node ${process.version}\n`);

  const at = (y, mo, d) => m.zonedToInstant({ year: y, month: mo, day: d }, zone);
  const periods = [
    ['October 2026', { from: at(2026, 10, 1), to: at(2026, 11, 1) }],
    ['2025', { from: at(2025, 1, 1), to: at(2026, 1, 1) }],
    ['all three years', { from: at(2023, 1, 1), to: at(2027, 1, 1) }],
  ];
  for (const [label, range] of periods) {
    const times = [];
    let card = null;
    for (let r = 0; r < runs; r++) {
      t = performance.now();
      const builder = m.scorecardBuilder({ ...range, mcoIds: [] }, { config: m.DEFAULT_AGENCY_CONFIG, now, calendar });
      for (const list of referred) builder.add(list);
      card = builder.finish();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(
      `${label.padEnd(16)} ${String(card.all.referrals).padStart(7)} referrals in the period · ` +
        `builder over ${referred.length.toLocaleString('en-US')} referred inquiries: median ${median.toFixed(0)} ms ` +
        `(min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}; ${runs} runs) · ` +
        `${((median * 1000) / referred.length).toFixed(1)} µs an inquiry`,
    );
  }
}
