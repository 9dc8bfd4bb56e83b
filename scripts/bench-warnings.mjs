// Benchmark for warnings (shared/inquiry/warnings.ts): prints figures; asserts nothing.
// `node scripts/bench-warnings.mjs` — bundles the TypeScript with esbuild into a temp file, builds a 100,000-inquiry
// log (a third open, with first-contact timers, some MCO referrals and callbacks; the rest resolved), then times:
// building the log rows with and without the warning policy (the calendar runs once per row built), the queue counts
// over the rows (no calendar), and one notification check over every row's marks.
import { importBundled, seededRandom } from './runBundled.mjs';

const t = await importBundled('bench-warnings', [
  ['shared/inquiry/warnings.ts', '*'],
  ['shared/inquiry/warningTimes.ts', '*'],
  ['shared/inquiry/due.ts', 'dueItems, dueSummary'],
  ['shared/log/logRow.ts', 'toLogRow'],
  ['shared/log/logQuery.ts', 'inQueue, queueTimeAt, QUEUES'],
  ['shared/config/agencyConfig.ts', 'DEFAULT_AGENCY_CONFIG'],
  ['shared/inquiry/commands/testKit.ts', 'Desk, ct'],
  ['shared/inquiry/commands/referToMco.ts', 'referToMco'],
  ['shared/inquiry/commands/scheduleCallback.ts', 'scheduleCallback'],
  ['shared/inquiry/commands/resolveInquiry.ts', 'resolveInquiry'],
  ['shared/time/calendar.ts', 'createCalendar'],
]);

const random = seededRandom(20261123);

const N = 100_000;
const base = t.ct(2026, 9, 1, 8, 0);
const now = t.ct(2026, 11, 23, 10, 0);
const span = now - base;
// One template per shape, varied by received time: the Desk runs the real commands (their due times are recorded).
const records = [];
const built0 = performance.now();
for (let i = 0; i < N; i++) {
  const receivedAt = Math.floor(base + random() * span);
  const desk = new t.Desk({ receivedAt, priority: random() < 0.5 ? 'high' : 'escalated' }, { at: receivedAt });
  const kind = i % 3;
  if (kind === 0 && random() < 0.4)
    desk.run(t.referToMco, { mcoId: 'itc', department: 'Member Services', contact: '', note: '' }, receivedAt + 3_600_000);
  if (kind === 0 && random() < 0.2)
    desk.run(
      t.scheduleCallback,
      { party: 'member', number: '515-555-0188', at: receivedAt + 86_400_000, caller: { id: 'p-ana', name: 'Ana Ortiz' } },
      receivedAt + 60_000,
    );
  if (kind !== 0) desk.run(t.resolveInquiry, { resolution: 'agency', text: 'Done.' }, receivedAt + 7_200_000);
  records.push(desk.record);
}
console.log(`built ${N.toLocaleString('en-US')} records in ${((performance.now() - built0) / 1000).toFixed(1)} s (setup, not measured)`);

const config = t.DEFAULT_AGENCY_CONFIG;
const time = (label, f) => {
  const t0 = performance.now();
  const result = f();
  console.log(`${label}: ${(performance.now() - t0).toFixed(1)} ms`);
  return result;
};

time('dueSummary per row, no calendar (the old due-soon rule), 100,000 rows', () => records.map((r) => t.dueSummary(r)));
const policy = t.warningPolicy(t.createCalendar(), [50, 75, 90]);
time('due items + warning marks per row (fresh calendar, first pass)', () => records.map((r) => t.marksOf(t.dueItems(r, policy))));
time('due items + warning marks per row (warm)', () => records.map((r) => t.marksOf(t.dueItems(r, policy))));
let rows = time('toLogRow with warnings, 100,000 rows (calendar memoised per config)', () => records.map((r) => t.toLogRow(r, config)));
rows = time('toLogRow again (warm calendar)', () => records.map((r) => t.toLogRow(r, config)));
const open = rows.filter((r) => r.dueMarks.length > 0);
console.log(
  `open rows with marks: ${open.length.toLocaleString('en-US')}, marks in all: ${open.reduce((n, r) => n + r.dueMarks.length, 0).toLocaleString('en-US')}`,
);
const qt = t.queueTimeAt(now, config.timeZone);
time('queue counts over 100,000 rows (no calendar)', () => {
  const c = {};
  for (const row of rows) for (const q of t.QUEUES) if (t.inQueue(row, q, 'p-ana', qt)) c[q] = (c[q] ?? 0) + 1;
  return c;
});
const cal = t.createCalendar();
const watched = open.map((r) => ({ inquiryId: r.id, caseNumber: r.caseNumber, marks: r.dueMarks, snooze: r.snooze }));
time('watch list from the rows', () =>
  rows
    .filter((r) => r.dueMarks.length > 0)
    .map((r) => ({ inquiryId: r.id, caseNumber: r.caseNumber, marks: r.dueMarks, snooze: r.snooze })),
);
time('one notification check, 30 s window in office hours', () =>
  t.scheduleNotifications({ inquiries: watched, cal, lastCheck: now - 30_000, now }),
);
const r = time('one notification check after a weekend (Fri 16:00 → Mon 08:05)', () =>
  t.scheduleNotifications({ inquiries: watched, cal, lastCheck: t.ct(2026, 11, 20, 16, 0), now: t.ct(2026, 11, 23, 8, 5) }),
);
console.log(`  → ${JSON.stringify(r.notices[0] ?? null)}`);
