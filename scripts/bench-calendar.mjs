// Benchmark for shared/time business-time arithmetic: prints ns/op; asserts nothing.
// `node scripts/bench-calendar.mjs` — bundles the TypeScript with esbuild into a temp file, then times
// addBusinessMinutes & co. on random (seeded) inputs, and a 100,000-inquiry "due items" pass.
import { importBundled, seededRandom } from './runBundled.mjs';

const t = await importBundled('bench-calendar', [
  ['shared/time/calendar.ts', '*'],
  ['shared/time/policyTime.ts', '*'],
  ['shared/time/zone.ts', 'zonedToInstant'],
]);

const random = seededRandom(20261126);

const from = Date.UTC(2024, 0, 1);
const to = Date.UTC(2027, 11, 31);
const N = 200_000;
const starts = Float64Array.from({ length: N }, () => Math.floor(from + random() * (to - from)));
const durations = [60, 120, 240, 510, 1020, 1530, 3570];
const minutes = Float64Array.from({ length: N }, () => durations[Math.floor(random() * durations.length)]);

// Wall time and this process's CPU time: on a busy machine the CPU figure is the steadier one.
function time(label, n, fn) {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < n; i++) sink += fn(i) ?? 0;
  const ns = Number(process.hrtime.bigint() - t0);
  const cpu = process.cpuUsage(c0);
  const cpuNs = (cpu.user + cpu.system) * 1000;
  console.log(
    `${label.padEnd(58)} ${(ns / n).toFixed(0).padStart(6)} ns/op wall ${(cpuNs / n).toFixed(0).padStart(6)} ns/op cpu  (${n} ops)`,
  );
  return sink;
}

// Cold: a fresh calendar pays for holidays (date-holidays) and building each day once (Intl), then caches.
{
  const t0 = process.hrtime.bigint();
  const cal = t.createCalendar();
  for (const year of [2024, 2025, 2026, 2027]) t.closedReason(cal, `${year}-06-01`);
  const t1 = process.hrtime.bigint();
  for (let i = 0; i < 2000; i++) t.addBusinessMinutes(cal, starts[i], minutes[i]);
  const t2 = process.hrtime.bigint();
  console.log(`cold: new calendar + holidays of 2023–2028 (date-holidays)  ${(Number(t1 - t0) / 1e6).toFixed(1)} ms`);
  console.log(`cold: first 2,000 adds over 4 years (builds ~1,460 days)  ${(Number(t2 - t1) / 1e6).toFixed(1)} ms`);
}

const cal = t.createCalendar();
for (let i = 0; i < N; i++) t.addBusinessMinutes(cal, starts[i], minutes[i]); // warm the day cache
for (let round = 0; round < 2; round++) {
  console.log(`-- round ${round + 1}`);
  time('addBusinessMinutes (1 h … 7 business days)', N, (i) => t.addBusinessMinutes(cal, starts[i], minutes[i]));
  time('addBusinessMinutes (2 business hours)', N, (i) => t.addBusinessMinutes(cal, starts[i], 120));
  time('addPolicyDuration (3 business days)', N, (i) => t.addPolicyDuration(cal, starts[i], { amount: 3, unit: 'businessDays' }));
  time('addPolicyDuration (24 clock hours)', N, (i) => t.addPolicyDuration(cal, starts[i], { amount: 24, unit: 'clockHours' }));
  const pauses = [{ start: 0, end: 0, reason: '' }];
  time('addBusinessMinutes with one closed pause (1 business day)', N, (i) => {
    pauses[0] = { start: starts[i] + 3_600_000, end: starts[i] + 30 * 3_600_000, reason: 'documents requested' };
    return t.addBusinessMinutes(cal, starts[i], 510, pauses);
  });
  time('endOfBusinessDay', N, (i) => t.endOfBusinessDay(cal, starts[i]));
  time('businessMinutesBetween (t, t + 3 days)', N, (i) => t.businessMinutesBetween(cal, starts[i], starts[i] + 3 * 86_400_000));
  time('businessMinutesBetween (t, t + 180 days: aging)', N / 10, (i) =>
    t.businessMinutesBetween(cal, starts[i], starts[i] + 180 * 86_400_000),
  );
  time('addBusinessMinutesExplained (2 business hours)', N / 10, (i) => t.addBusinessMinutesExplained(cal, starts[i], 120).segments.length);
}

// The lead's case: due items for 100,000 open inquiries (a target and a deadline each, plus end of day for a third).
{
  const n = 100_000;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < n; i++) {
    const received = starts[i];
    const high = i % 3 !== 0;
    sink += t.addPolicyDuration(cal, received, high ? { amount: 2, unit: 'businessHours' } : { amount: 1, unit: 'businessDays' });
    sink += t.addPolicyDuration(cal, received, high ? { amount: 4, unit: 'businessHours' } : { amount: 3, unit: 'businessDays' });
    if (i % 3 === 1) sink += t.endOfBusinessDay(cal, received + 3_600_000);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(c0);
  console.log(
    `100,000 inquiries, target + deadline (+ end of day for a third): ${ms.toFixed(1)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms cpu${sink > 0 ? '' : ' (?)'}`,
  );
}
