import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '../time/calendar';
import type { Instant } from '../time/types';
import {
  CALLBACK_GRACE_MS,
  type DueItem,
  type DueSummary,
  dueItems,
  dueSummary,
  dueSummaryOf,
  nothingDue,
  pausesOfTimer,
  type WarningPolicy,
} from './due';
import { HALF_HOUR, record } from './dueArbitraries';
import type { InquiryRecord } from './projection';
import { warningPolicy } from './warningTimes';

/*
 * dueItems and dueSummary skip the work when nothing can be due (nothingDue) and build items without sorting one;
 * over random records and policies they must give exactly what the plain reading of the rules gives: every open
 * step listed, warnings placed on each, sorted by attention time (stable), summarised over the unpaused ones.
 */

/** No policy; a stand-in that puts each threshold at its share of the wall-clock span; or the real business calendar. */
const calendar = createCalendar();
const policy: fc.Arbitrary<WarningPolicy | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.subarray([25, 50, 75, 90]).map(
    (thresholds): WarningPolicy => ({
      thresholds,
      moments: (start, end) =>
        end <= start
          ? []
          : thresholds.map((percent) => ({ percent, at: (start + Math.floor(((end - start) * percent) / 100)) as Instant })),
    }),
  ),
  fc.subarray([50, 75, 90]).map((thresholds) => warningPolicy(calendar, thresholds)),
);

/** The rules read plainly (SPEC.md "Timing"), as due.ts computed them before its shortcuts. */
function plainDueItems(r: InquiryRecord, policy?: WarningPolicy): DueItem[] {
  if (r.status === 'resolved') return [];
  const w = r.workflow;
  const soonOf = (start: number, end: number) => (start + Math.floor((Math.max(end, start) - start) * 0.75)) as Instant;
  const pausedBy = (kind: DueItem['kind']) => w.pauses.find((p) => p.timer === kind && p.end === null) ?? null;
  const items: DueItem[] = [];
  if (w.targets && w.firstContactAt === null) {
    const t = w.targets;
    items.push({
      kind: 'first_contact',
      label: 'First contact',
      startedAt: t.from,
      target: t.firstContactTarget,
      deadline: t.firstContactDeadline,
      soonAt: soonOf(t.from, t.firstContactTarget),
      owner: r.assignee,
      paused: pausedBy('first_contact'),
    });
  }
  const ref = w.referral;
  if (ref && ref.reportedBackAt === null) {
    items.push({
      kind: 'mco_contact',
      label: 'MCO contacts member',
      startedAt: ref.at,
      target: null,
      deadline: ref.mcoContactDue,
      soonAt: soonOf(ref.at, ref.mcoContactDue),
      owner: null,
      paused: null,
    });
    items.push({
      kind: 'mco_follow_up',
      label: ref.followUps === 0 ? 'Follow up with MCO if no report-back' : 'Follow up with MCO again',
      startedAt: ref.lastFollowUpAt ?? ref.at,
      target: null,
      deadline: ref.followUpDue,
      soonAt: soonOf(ref.lastFollowUpAt ?? ref.at, ref.followUpDue),
      owner: r.assignee,
      paused: pausedBy('mco_follow_up'),
    });
  }
  for (const c of w.callbacks.filter((c) => c.status === 'scheduled'))
    items.push({
      kind: 'callback',
      label: c.party === 'member' ? 'Callback to member' : 'Callback to originator',
      startedAt: c.scheduledAt,
      target: c.at,
      deadline: (c.at + CALLBACK_GRACE_MS) as Instant,
      soonAt: (c.at - HALF_HOUR) as Instant,
      owner: c.caller,
      callbackId: c.id,
      paused: null,
    });
  const sorted = items.toSorted((a, b) => (a.target ?? a.deadline) - (b.target ?? b.deadline));
  if (!policy) return sorted;
  return sorted.map((item) => {
    if (item.kind === 'callback') return { ...item, warnings: [] };
    const end = item.target ?? item.deadline;
    const warnings = item.paused ? [] : policy.moments(item.startedAt, end, pausesOfTimer(r, item.kind));
    return { ...item, warnings, soonAt: warnings[0]?.at ?? end };
  });
}

function plainSummary(items: readonly DueItem[]): DueSummary {
  const running = items.filter((i) => i.paused === null);
  const next = running[0] ?? null;
  if (next === null) return { next: null, attentionAt: null, deadline: null, soonAt: null, deadlineKind: null, soonKind: null };
  const first = (key: 'deadline' | 'soonAt') => running.reduce((best, i) => (i[key] < best[key] ? i : best));
  return {
    next,
    attentionAt: next.target ?? next.deadline,
    deadline: first('deadline').deadline,
    soonAt: first('soonAt').soonAt,
    deadlineKind: first('deadline').kind,
    soonKind: first('soonAt').kind,
  };
}

describe('due items over random records and policies', () => {
  it('equal the plain reading of the rules, and so does the summary', () => {
    fc.assert(
      fc.property(record, policy, (r, p) => {
        const plain = plainDueItems(r, p);
        expect(dueItems(r, p)).toStrictEqual(plain);
        expect(nothingDue(r)).toBe(plain.length === 0);
        expect(dueSummary(r, p)).toStrictEqual(plainSummary(plain));
        expect(dueSummaryOf(plain)).toStrictEqual(plainSummary(plain));
      }),
      { numRuns: 1000 },
    );
  });

  it('come up with something due, nothing due, paused and tied items often enough to mean something', () => {
    const seen = { due: 0, nothing: 0, paused: 0, tie: 0, resolvedWithSteps: 0 };
    fc.assert(
      fc.property(record, (r) => {
        const plain = plainDueItems(r);
        if (plain.length > 0) seen.due++;
        else seen.nothing++;
        if (plain.some((i) => i.paused !== null)) seen.paused++;
        if (
          plain.some(
            (a, k) => k > 0 && (a.target ?? a.deadline) === ((plain[k - 1] as DueItem).target ?? (plain[k - 1] as DueItem).deadline),
          )
        )
          seen.tie++;
        if (r.status === 'resolved' && plainDueItems({ ...r, status: 'open' }).length > 0) seen.resolvedWithSteps++;
      }),
      { numRuns: 1000, seed: 20261123 },
    );
    for (const count of Object.values(seen)) expect(count).toBeGreaterThan(20);
  });
});
