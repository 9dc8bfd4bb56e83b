import { type AgencyConfig, mcoName, priorityLabel } from '../config/agencyConfig';
import { DUE_KINDS, type DueKind, dueItems, dueState } from '../inquiry/due';
import { type InquiryRecord, STATUS_LABELS } from '../inquiry/projection';
import type { BusinessCalendar } from '../time/calendar';
import type { Instant, TimeZone } from '../time/types';
import {
  businessMinutesToFirstContact,
  businessMinutesToFirstContactWithPauses,
  businessMinutesToResolution,
  daysOpen,
  type FirstContactOutcome,
  firstContactOutcome,
} from './timeliness';

/*
 * The unit lead's report (SPEC.md "Leads"): for inquiries received in a period (and chosen MCOs and
 * priorities), counts by MCO, priority, source, category, assignee and status; first contacts within
 * target and deadline; median and 90th-percentile business time to first contact and to resolution;
 * and, as of now, open inquiries by age and what is overdue. Built by feeding records one at a time,
 * so a caller can read a large log in chunks.
 */

export interface ReportFilter {
  /** Received at or after `from`, before `to`. */
  from: Instant;
  to: Instant;
  /** MCO ids to include; empty: all. '' stands for "no MCO". */
  mcoIds: readonly string[];
  /** Priority level ids to include; empty: all. */
  priorities: readonly string[];
}

export interface ReportContext {
  config: AgencyConfig;
  zone: TimeZone;
  now: Instant;
  calendar: BusinessCalendar;
}

export interface CountRow {
  key: string;
  label: string;
  count: number;
}

export interface Spread {
  count: number;
  /** Business minutes; null when nothing was measured. */
  median: number | null;
  p90: number | null;
}

export interface Timeliness {
  /** Inquiries whose first contact is decided: made, or late. */
  decided: number;
  withinTarget: number;
  /** Within the deadline, target met or not. */
  withinDeadline: number;
  missed: number;
  pending: number;
  closedUncontacted: number;
  noTarget: number;
  /** Percent of decided first contacts within target / deadline; null when none is decided. */
  pctWithinTarget: number | null;
  pctWithinDeadline: number | null;
}

export interface PriorityTimeliness extends Timeliness {
  key: string;
  label: string;
  toFirstContact: Spread;
}

export interface OverdueItem {
  inquiryId: string;
  caseNumber: string;
  kind: DueKind;
  label: string;
  deadline: Instant;
  assignee: string;
}

export interface Report {
  filter: ReportFilter;
  generatedAt: Instant;
  /** Inquiries received in the period that pass the filters. */
  total: number;
  /** Of those, how many came from the legacy import. */
  imported: number;
  byMco: CountRow[];
  byPriority: CountRow[];
  bySource: CountRow[];
  byCategory: CountRow[];
  byAssignee: CountRow[];
  byStatus: CountRow[];
  firstContact: Timeliness;
  firstContactByPriority: PriorityTimeliness[];
  /** Business time to first contact, paused time left out (what the targets measure). */
  toFirstContact: Spread;
  /** The same with paused time counted; differs from `toFirstContact` only where a timer paused. */
  toFirstContactWithPauses: Spread;
  /** First contacts whose timer paused at least once. */
  pausedFirstContacts: number;
  toResolution: Spread;
  /** Open now (whenever received) and passing the MCO and priority filters, by calendar days open. */
  openByAge: CountRow[];
  openNow: number;
  /** Open inquiries with something past its deadline now, by what is late; and the list, most overdue first. */
  overdueNow: number;
  overdueByKind: CountRow[];
  overdue: OverdueItem[];
}

export const AGE_BUCKETS: readonly { key: string; label: string; maxDays: number }[] = [
  { key: '0-1', label: '0–1 days', maxDays: 1 },
  { key: '2-5', label: '2–5 days', maxDays: 5 },
  { key: '6-10', label: '6–10 days', maxDays: 10 },
  { key: '11-30', label: '11–30 days', maxDays: 30 },
  { key: '31-90', label: '31–90 days', maxDays: 90 },
  { key: '90+', label: 'Over 90 days', maxDays: Number.POSITIVE_INFINITY },
];

const DUE_KIND_LABELS: Record<DueKind, string> = {
  first_contact: 'First contact',
  mco_contact: 'MCO contacts member',
  mco_follow_up: 'Follow up with MCO',
  callback: 'Callback',
};

/** Nearest-rank percentile of sorted values (p in 0–100). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** The median: the middle value, or the mean of the two middle values. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function spreadOf(values: number[]): Spread {
  const sorted = values.sort((a, b) => a - b);
  return { count: sorted.length, median: median(sorted), p90: percentile(sorted, 90) };
}

class Counter {
  private readonly m = new Map<string, { label: string; count: number }>();
  add(key: string, label: string): void {
    const e = this.m.get(key);
    if (e) e.count += 1;
    else this.m.set(key, { label, count: 1 });
  }
  /** Most first; ties by label. `order` puts known keys first in that order (priorities, statuses). */
  rows(order?: readonly string[]): CountRow[] {
    const rows = [...this.m].map(([key, v]) => ({ key, label: v.label, count: v.count }));
    if (order) {
      const rank = (k: string) => {
        const i = order.indexOf(k);
        return i < 0 ? order.length : i;
      };
      return rows.sort((a, b) => rank(a.key) - rank(b.key) || b.count - a.count || a.label.localeCompare(b.label));
    }
    return rows.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }
}

class TimelinessTally {
  private readonly c: Record<FirstContactOutcome, number> = {
    within_target: 0,
    within_deadline: 0,
    missed: 0,
    pending: 0,
    closed_uncontacted: 0,
    no_target: 0,
  };
  add(o: FirstContactOutcome): void {
    this.c[o] += 1;
  }
  result(): Timeliness {
    const c = this.c;
    const decided = c.within_target + c.within_deadline + c.missed;
    const pct = (n: number) => (decided === 0 ? null : Math.round((n / decided) * 1000) / 10);
    return {
      decided,
      withinTarget: c.within_target,
      withinDeadline: c.within_target + c.within_deadline,
      missed: c.missed,
      pending: c.pending,
      closedUncontacted: c.closed_uncontacted,
      noTarget: c.no_target,
      pctWithinTarget: pct(c.within_target),
      pctWithinDeadline: pct(c.within_target + c.within_deadline),
    };
  }
}

export interface ReportBuilder {
  /** Feeds one inquiry; each inquiry once, in any order. */
  add(r: InquiryRecord): void;
  finish(): Report;
}

export function reportBuilder(filter: ReportFilter, ctx: ReportContext): ReportBuilder {
  const seen = new Set<string>();
  const mcos = new Set(filter.mcoIds);
  const priorities = new Set(filter.priorities);
  let total = 0;
  let imported = 0;
  const byMco = new Counter();
  const byPriority = new Counter();
  const bySource = new Counter();
  const byCategory = new Counter();
  const byAssignee = new Counter();
  const byStatus = new Counter();
  const tally = new TimelinessTally();
  const tallyByPriority = new Map<string, { tally: TimelinessTally; minutes: number[] }>();
  const toFirst: number[] = [];
  const toResolution: number[] = [];
  const toFirstWithPauses: number[] = [];
  let pausedFirst = 0;
  const ages = new Map<string, number>(AGE_BUCKETS.map((b) => [b.key, 0]));
  let openNow = 0;
  const overdueKinds = new Counter();
  const overdue: OverdueItem[] = [];

  return {
    add(r) {
      if (seen.has(r.id)) return;
      seen.add(r.id);
      if (mcos.size > 0 && !mcos.has(r.mcoId)) return;
      if (priorities.size > 0 && !priorities.has(r.priority)) return;

      if (r.receivedAt >= filter.from && r.receivedAt < filter.to) {
        total += 1;
        if (r.imported) imported += 1;
        byMco.add(r.mcoId, r.mcoId ? mcoName(ctx.config, r.mcoId) : 'No MCO');
        byPriority.add(r.priority, priorityLabel(ctx.config, r.priority));
        bySource.add(r.source, r.source);
        byCategory.add(r.category, r.category || 'No category');
        byAssignee.add(r.assignee?.id ?? '', r.assignee?.name ?? 'Unassigned');
        byStatus.add(r.status, STATUS_LABELS[r.status]);
        const outcome = firstContactOutcome(r, ctx.now);
        tally.add(outcome);
        let p = tallyByPriority.get(r.priority);
        if (!p) {
          p = { tally: new TimelinessTally(), minutes: [] };
          tallyByPriority.set(r.priority, p);
        }
        p.tally.add(outcome);
        const first = businessMinutesToFirstContact(r, ctx.calendar);
        if (first !== null) {
          toFirst.push(first);
          p.minutes.push(first);
          toFirstWithPauses.push(businessMinutesToFirstContactWithPauses(r, ctx.calendar) ?? first);
          if (r.workflow.pauses.some((x) => x.timer === 'first_contact')) pausedFirst += 1;
        }
        const resolution = businessMinutesToResolution(r, ctx.calendar);
        if (resolution !== null) toResolution.push(resolution);
      }

      if (r.status === 'open') {
        openNow += 1;
        const days = daysOpen(r, ctx.now, ctx.zone);
        const bucket = AGE_BUCKETS.find((b) => days <= b.maxDays) ?? (AGE_BUCKETS.at(-1) as (typeof AGE_BUCKETS)[number]);
        ages.set(bucket.key, (ages.get(bucket.key) ?? 0) + 1);
        const late = dueItems(r).filter((i) => dueState(i, ctx.now) === 'overdue');
        if (late.length > 0) {
          const worst = late.reduce((a, b) => (b.deadline < a.deadline ? b : a));
          overdueKinds.add(worst.kind, DUE_KIND_LABELS[worst.kind]);
          overdue.push({
            inquiryId: r.id,
            caseNumber: r.caseNumber,
            kind: worst.kind,
            label: worst.label,
            deadline: worst.deadline,
            assignee: r.assignee?.name ?? '',
          });
        }
      }
    },
    finish() {
      const levelOrder = ctx.config.priorityLevels.map((l) => l.id);
      const firstContactByPriority = [...tallyByPriority]
        .map(([key, v]) => ({ key, label: priorityLabel(ctx.config, key), ...v.tally.result(), toFirstContact: spreadOf(v.minutes) }))
        .sort((a, b) => {
          const ra = levelOrder.indexOf(a.key);
          const rb = levelOrder.indexOf(b.key);
          return (ra < 0 ? levelOrder.length : ra) - (rb < 0 ? levelOrder.length : rb) || a.label.localeCompare(b.label);
        });
      overdue.sort((a, b) => a.deadline - b.deadline);
      return {
        filter,
        generatedAt: ctx.now,
        total,
        imported,
        byMco: byMco.rows(),
        byPriority: byPriority.rows(levelOrder),
        bySource: bySource.rows(),
        byCategory: byCategory.rows(),
        byAssignee: byAssignee.rows(),
        byStatus: byStatus.rows(['open', 'resolved']),
        firstContact: tally.result(),
        firstContactByPriority,
        toFirstContact: spreadOf(toFirst),
        toFirstContactWithPauses: spreadOf(toFirstWithPauses),
        pausedFirstContacts: pausedFirst,
        toResolution: spreadOf(toResolution),
        openByAge: AGE_BUCKETS.map((b) => ({ key: b.key, label: b.label, count: ages.get(b.key) ?? 0 })),
        openNow,
        overdueNow: overdue.length,
        overdueByKind: overdueKinds.rows([...DUE_KINDS]),
        overdue,
      };
    },
  };
}

/** Business minutes as a lead reads them: "45 min", "3.5 business hours", "2.1 business days". */
export function formatBusinessMinutes(minutes: number | null, businessDayMinutes: number): string {
  if (minutes === null) return '—';
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < businessDayMinutes) return `${(Math.round((minutes / 60) * 10) / 10).toLocaleString('en-US')} business hours`;
  const days = Math.round((minutes / businessDayMinutes) * 10) / 10;
  return `${days.toLocaleString('en-US')} business ${days === 1 ? 'day' : 'days'}`;
}
