import { useEffect, useRef } from 'react';
import type { DueKind, DueState } from '../../shared/inquiry/due';
import { type DueTimes, governingAt } from '../../shared/inquiry/nextDue';
import { type DueMark, scheduleNotifications, type WarningNotice, type WatchedInquiry } from '../../shared/inquiry/warnings';
import { ipcEvents, type LiaisonApi, type LiaisonEvents, type MenuCommand, type NotificationRequest } from '../../shared/ipc';
import type { BusinessCalendar } from '../../shared/time/calendar';
import { type Instant, isInstant } from '../../shared/time/types';
import { navigate } from './router';

/**
 * The renderer's side of the desktop integration (electron/menu.ts, electron/desktop.ts):
 * carries out application-menu commands, opens the inquiry of a clicked notification, reports
 * the overdue count for the dock/taskbar badge, and asks for the notifications the warning
 * scheduler decides (shared/inquiry/warnings.ts: office hours only, one summary after closed time,
 * snoozes respected). In the browser build the bridge does the same with web APIs (or nothing: a
 * browser has no application menu).
 */

/** One open inquiry's next due item, as the log knows it now. */
export interface DueNow {
  inquiryId: string;
  caseNumber: string;
  /** The step that is due, when known exactly; null makes the notification say "An item". */
  due: DueKind | null;
  state: DueState;
  /** The instant that governs now (its target until that has passed, then its deadline; shared/inquiry/nextDue.ts), epoch ms: orders "next due". */
  attentionAt: number;
}

/** What the notification scheduler watches: the inquiries' marks, the agency calendar and the clock. */
export interface WarningWatch {
  inquiries: readonly WatchedInquiry[];
  cal: BusinessCalendar;
  /** Epoch ms (the queue time's `now`). */
  now: Instant;
}

/** Where the desk's last look is kept, so a summary of the night survives closing the app. */
export interface CheckStore {
  load(): Instant | null;
  save(at: Instant): void;
}

export interface DesktopIntegrationOptions {
  api: Pick<LiaisonApi, 'setOverdueCount' | 'showNotification'>;
  events: LiaisonEvents;
  /** Every open inquiry's next due item; null until the log has loaded (nothing is reported). */
  due: readonly DueNow[] | null;
  /** What the notifications follow; null until the log has loaded (nothing is notified). */
  watch?: WarningWatch | null;
  /** Default: this profile's localStorage (see localCheckStore). */
  checks?: CheckStore;
  /** Focuses and selects the log's search box; false when it is not on screen (yet). */
  focusSearch: () => boolean;
}

const CHECK_KEY = 'liaison-log:warnings-checked-at';

/** Each person's own last look (several people may use one desk, each with their own notification state). */
export const localCheckStoreFor = (profileId: string): CheckStore => keyedCheckStore(`${CHECK_KEY}:${profileId}`);

/** A person's last look moves with them when their profile takes another id (a roster link: renderer/data/rosterLink.ts). */
export function moveCheckStore(fromProfileId: string, toProfileId: string): void {
  const from = localCheckStoreFor(fromProfileId);
  const at = from.load();
  if (at !== null) localCheckStoreFor(toProfileId).save(at);
  try {
    globalThis.localStorage?.removeItem(`${CHECK_KEY}:${fromProfileId}`);
  } catch {
    // Storage unavailable: nothing was kept under the old id either.
  }
}

/** The last look in localStorage under `key`: a number, nothing else. */
function keyedCheckStore(key: string): CheckStore {
  return {
    load() {
      try {
        const v = Number(globalThis.localStorage?.getItem(key));
        return isInstant(v) && v > 0 ? v : null;
      } catch {
        return null;
      }
    },
    save(at) {
      try {
        globalThis.localStorage?.setItem(key, String(at));
      } catch {
        // Private mode or a full store: the next start is a fresh baseline, nothing worse.
      }
    },
  };
}

/** The desk's last look (one person's desk, and tests). */
export const localCheckStore: CheckStore = keyedCheckStore(CHECK_KEY);

/**
 * The open inquiries the scheduler watches, from the log rows (one pass; rows with no marks are left out).
 * `unitLead`: whether the person at the desk is a unit lead: an inquiry in the unit lead callback queue is
 * theirs (SPEC.md "The process" 2), so its warnings go to unit leads and to nobody else.
 */
export function watchOf(
  rows: readonly {
    id: string;
    caseNumber: string;
    dueMarks: readonly DueMark[];
    snooze: WatchedInquiry['snooze'];
    unitLeadCallback?: boolean;
  }[],
  unitLead = true,
): WatchedInquiry[] {
  const out: WatchedInquiry[] = [];
  for (const r of rows)
    if (r.dueMarks.length > 0 && (unitLead || !r.unitLeadCallback))
      out.push({ inquiryId: r.id, caseNumber: r.caseNumber, marks: r.dueMarks, snooze: r.snooze });
  return out;
}

/** The bridge's request for a scheduler notice: case numbers, step kinds and counts, never free text. */
export function notificationOf(n: WarningNotice): NotificationRequest {
  if (n.kind === 'summary') {
    const { kind, inquiryId, whileClosed, overdue, due, warnings, caseNumbers } = n;
    return { kind, inquiryId, whileClosed, overdue, due, warnings, caseNumbers };
  }
  return { inquiryId: n.inquiryId, caseNumber: n.caseNumber, due: n.step, state: n.mark, percent: n.percent };
}
/** Frames to wait for the log's search box to appear after switching to the log. */
const FOCUS_ATTEMPTS = 30;

/** Inquiries with an overdue item. */
export function overdueCountOf(due: readonly DueNow[]): number {
  const inquiries = new Set<string>();
  for (const d of due) if (d.state === 'overdue') inquiries.add(d.inquiryId);
  return inquiries.size;
}

/** The inquiry to open for "Next due item": the one whose next item wants attention first. */
export function nextDueOf(due: readonly DueNow[]): DueNow | null {
  let next: DueNow | null = null;
  for (const d of due) if (next === null || d.attentionAt < next.attentionAt) next = d;
  return next;
}

/**
 * Each open inquiry's due state at `now` from its log row: overdue once the earliest deadline of
 * anything due has passed (the Overdue queue's rule), due soon once the earliest due-soon moment
 * has. A row does not say which step owns that deadline, so `due` is null (see DueNow).
 */
export function dueNowOf(
  rows: readonly {
    id: string;
    caseNumber: string;
    nextDueAt: number | null;
    /** The running items' times (LogRow.dueTimes); empty: the attention time stands in. */
    dueTimes: readonly DueTimes[];
    dueDeadline: number | null;
    dueSoonAt: number | null;
    dueDeadlineKind: DueKind | null;
    dueSoonKind: DueKind | null;
  }[],
  now: number,
): DueNow[] {
  const out: DueNow[] = [];
  for (const row of rows) {
    if (row.nextDueAt === null) continue;
    const state: DueState =
      row.dueDeadline !== null && row.dueDeadline <= now
        ? 'overdue'
        : row.dueSoonAt !== null && row.dueSoonAt <= now
          ? 'due_soon'
          : 'on_track';
    const due = state === 'overdue' ? row.dueDeadlineKind : state === 'due_soon' ? row.dueSoonKind : null;
    out.push({ inquiryId: row.id, caseNumber: row.caseNumber, due, state, attentionAt: governingAt(row.dueTimes, now) ?? row.nextDueAt });
  }
  return out;
}

export function useDesktopIntegration({
  api,
  events,
  due,
  watch = null,
  checks = localCheckStore,
  focusSearch,
}: DesktopIntegrationOptions): void {
  // The latest inputs, read by listeners that are subscribed once.
  const latest = useRef({ due, focusSearch });
  latest.current = { due, focusSearch };

  useEffect(() => {
    let frame = 0;
    const focusWhenShown = (attempt = 0) => {
      if (latest.current.focusSearch() || attempt >= FOCUS_ATTEMPTS) return;
      frame = requestAnimationFrame(() => focusWhenShown(attempt + 1));
    };
    const run: Record<MenuCommand, () => void> = {
      'new-inquiry': () => navigate({ name: 'new' }),
      'go-to-log': () => navigate({ name: 'log' }),
      find: () => {
        if (!latest.current.focusSearch()) {
          navigate({ name: 'log' });
          focusWhenShown();
        }
      },
      'next-due': () => {
        const next = nextDueOf(latest.current.due ?? []);
        navigate(next === null ? { name: 'log' } : { name: 'inquiry', id: next.inquiryId });
      },
    };
    // Main builds these from its own enums, but nothing from another process is trusted unparsed.
    const stopCommands = events.onMenuCommand((payload) => {
      const parsed = ipcEvents.menuCommand.payload.safeParse(payload);
      if (parsed.success) run[parsed.data.command]();
    });
    const stopOpens = events.onOpenInquiry((payload) => {
      const parsed = ipcEvents.openInquiry.payload.safeParse(payload);
      if (parsed.success) navigate({ name: 'inquiry', id: parsed.data.inquiryId });
    });
    return () => {
      cancelAnimationFrame(frame);
      stopCommands();
      stopOpens();
    };
  }, [events]);

  const overdueCount = due === null ? null : overdueCountOf(due);
  useEffect(() => {
    if (overdueCount === null) return;
    // A badge that cannot be set is cosmetic; the Overdue queue still shows the count.
    api.setOverdueCount({ count: overdueCount }).catch(() => undefined);
  }, [api, overdueCount]);

  // The last look: read from the store once, then kept here; the scheduler moves it only in office hours.
  const lastCheck = useRef<Instant | null | undefined>(undefined);
  useEffect(() => {
    if (watch === null) return;
    if (lastCheck.current === undefined) lastCheck.current = checks.load();
    const last = lastCheck.current;
    const now = watch.now;
    // A look "after" now (a clock set back, another build's clock) starts afresh rather than hiding the day.
    const { notices, checkedAt } = scheduleNotifications({
      inquiries: watch.inquiries,
      cal: watch.cal,
      lastCheck: last !== null && last > now ? null : last,
      now,
    });
    if (checkedAt !== last) {
      lastCheck.current = checkedAt;
      checks.save(checkedAt);
    }
    for (const notice of notices) {
      // A notification that cannot be shown is not an error the person can act on.
      api.showNotification(notificationOf(notice)).catch(() => undefined);
    }
  }, [api, watch, checks]);
}
