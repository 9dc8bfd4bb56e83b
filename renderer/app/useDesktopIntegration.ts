import { useEffect, useRef } from 'react';
import type { DueKind, DueState } from '../../shared/inquiry/due';
import { ipcEvents, type LiaisonApi, type LiaisonEvents, type MenuCommand, type NotificationRequest } from '../../shared/ipc';
import { navigate } from './router';

/**
 * The renderer's side of the desktop integration (electron/menu.ts, electron/desktop.ts):
 * carries out application-menu commands, opens the inquiry of a clicked notification, reports
 * the overdue count for the dock/taskbar badge, and asks for a notification when an inquiry
 * becomes due soon or overdue. In the browser build the bridge does the same with web APIs
 * (or nothing: a browser has no application menu).
 */

/** One open inquiry's next due item, as the log knows it now. */
export interface DueNow {
  inquiryId: string;
  caseNumber: string;
  /** The step that is due, when known exactly; null makes the notification say "An item". */
  due: DueKind | null;
  state: DueState;
  /** When it wants attention (its target, else its deadline), epoch ms: orders "next due". */
  attentionAt: number;
}

export interface DesktopIntegrationOptions {
  api: Pick<LiaisonApi, 'setOverdueCount' | 'showNotification'>;
  events: LiaisonEvents;
  /** Every open inquiry's next due item; null until the log has loaded (nothing is reported). */
  due: readonly DueNow[] | null;
  /** Focuses and selects the log's search box; false when it is not on screen (yet). */
  focusSearch: () => boolean;
}

/** At most this many notifications for one change (a sync that makes 40 items overdue shows 3). */
export const MAX_NOTIFICATIONS_AT_ONCE = 3;
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

/** What has been notified: per inquiry, the step and state it was last notified (or seen) in, as a small code. */
export type NoticeState = Map<string, number>;

const DUE_CODES: Readonly<Record<DueKind, number>> = { first_contact: 1, mco_contact: 2, mco_follow_up: 3, callback: 4 };
const signatureOf = (d: DueNow) => (d.due === null ? 0 : DUE_CODES[d.due]) * 2 + (d.state === 'overdue' ? 1 : 0);

/**
 * The notifications to show for `due`, given what was seen last time; returns the new state
 * with them. Only changes notify: what was already due when the app opened does not, nor the
 * same step and state twice; an item that stops being due and becomes due again notifies again.
 * One pass over `due` with no per-row sorting, so a 100,000-row log stays cheap.
 */
export function newNotices(seen: NoticeState | null, due: readonly DueNow[]): { notices: NotificationRequest[]; seen: NoticeState } {
  const next: NoticeState = new Map();
  const overdue: NotificationRequest[] = [];
  const soon: NotificationRequest[] = [];
  for (const d of due) {
    if (d.state === 'on_track' || d.state === 'paused') continue; // a paused timer waits on someone else
    const signature = signatureOf(d);
    next.set(d.inquiryId, signature);
    if (seen === null || seen.get(d.inquiryId) === signature) continue;
    const list = d.state === 'overdue' ? overdue : soon;
    if (list.length < MAX_NOTIFICATIONS_AT_ONCE) {
      list.push({ inquiryId: d.inquiryId, caseNumber: d.caseNumber, due: d.due, state: d.state });
    }
  }
  return { notices: [...overdue, ...soon].slice(0, MAX_NOTIFICATIONS_AT_ONCE), seen: next };
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
    out.push({ inquiryId: row.id, caseNumber: row.caseNumber, due, state, attentionAt: row.nextDueAt });
  }
  return out;
}

export function useDesktopIntegration({ api, events, due, focusSearch }: DesktopIntegrationOptions): void {
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

  const seen = useRef<NoticeState | null>(null);
  useEffect(() => {
    if (due === null) return;
    const { notices, seen: next } = newNotices(seen.current, due);
    seen.current = next;
    for (const notice of notices) {
      // A notification that cannot be shown is not an error the person can act on.
      api.showNotification(notice).catch(() => undefined);
    }
  }, [api, due]);
}
