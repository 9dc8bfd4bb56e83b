// `node scripts/bench-scorecard-browser.mjs [--inquiries 20000] [--no-build]`: prints figures, asserts nothing.
//
// The MCO scorecard screen at scale, in Chromium against the built renderer (as the e2e tests run it): the
// benchmark's data set (bench/data/generate.ts: real commands, ~10 events an inquiry, about half referred) is
// written straight into the page's IndexedDB, the log loads, then the scorecard is made for this month and for
// the whole history. Prints how long each took until the figures showed, and the longest task that held the
// window's main thread meanwhile (PerformanceObserver "longtask"): the window must keep painting throughout.
// Each wait is for the "Referrals made" tile to show the count the pure builder gives in Node for the same
// period, so the figure is also a check that the screen read every referral.
import { benchDataSet, openSeededApp } from '../bench/appPage.mjs';

const args = process.argv.slice(2);

// 1. The data set, and the counts the screen must show.
const data = await benchDataSet('bench-scorecard', args, 20_000, [
  ['shared/report/scorecard.ts', 'scorecardBuilder'],
  ['shared/time/calendar.ts', 'createCalendar'],
  ['shared/config/agencyConfig.ts', 'DEFAULT_AGENCY_CONFIG, calendarConfigOf'],
  ['shared/report/period.ts', 'periodDays, rangeInstants'],
]);
const { m, events, records } = data;
const zone = m.DEFAULT_AGENCY_CONFIG.timeZone;
const calendar = m.createCalendar(m.calendarConfigOf(m.DEFAULT_AGENCY_CONFIG));
const expected = (days) => {
  const range = m.rangeInstants(days, zone);
  const b = m.scorecardBuilder({ ...range, mcoIds: [] }, { config: m.DEFAULT_AGENCY_CONFIG, now: m.BENCH_NOW, calendar });
  const byInquiry = new Map();
  for (const e of events) {
    const list = byInquiry.get(e.inquiryId);
    if (list) list.push(e);
    else byInquiry.set(e.inquiryId, [e]);
  }
  for (const list of byInquiry.values()) b.add(list);
  return b.finish().all.referrals;
};
const thisMonth = m.periodDays('this_month', m.BENCH_NOW, zone);
const everything = { from: '2023-01-01', to: thisMonth.to };
const want = { month: expected(thisMonth), all: expected(everything) };
console.log(
  `data set: ${records.length.toLocaleString('en-US')} inquiries, ${events.length.toLocaleString('en-US')} events; ` +
    `referrals this month ${want.month.toLocaleString('en-US')}, in all ${want.all.toLocaleString('en-US')}`,
);

// 2. The app over it, in Chromium.
const { page, step, machine, close } = await openSeededApp({ name: 'bench-scorecard', args, port: 4793, data });
try {
  const tileShows = (n) =>
    page.waitForFunction(
      (text) => document.querySelector('.tiles .tile dd')?.textContent?.trim() === text && !document.querySelector('#scorecard-progress'),
      n.toLocaleString('en-US'),
    );

  await step(`scorecard, this month (${want.month.toLocaleString('en-US')} referrals)`, async () => {
    await page.evaluate(() => {
      window.location.hash = '#/scorecard';
    });
    await tileShows(want.month);
  });
  await step(`scorecard, all history (${want.all.toLocaleString('en-US')} referrals)`, async () => {
    await page.locator('#scorecard-period').selectOption('custom');
    await page.locator('#scorecard-from').fill(everything.from);
    await page.locator('#scorecard-to').fill(everything.to);
    await tileShows(want.all);
  });
  console.log(`\n${machine()}`);
} finally {
  await close();
}
