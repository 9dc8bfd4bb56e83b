import { act, render, renderHook } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DueMark } from '../../shared/inquiry/warnings';
import type { IpcEventName, IpcEventPayload, LiaisonEvents, NotificationRequest } from '../../shared/ipc';
import { createCalendar } from '../../shared/time/calendar';
import type { Instant } from '../../shared/time/types';
import { zonedToInstant } from '../../shared/time/zone';
import { browserBridge, browserEvents } from './bridge';
import {
  type CheckStore,
  type DesktopIntegrationOptions,
  type DueNow,
  dueNowOf,
  localCheckStoreFor,
  moveCheckStore,
  nextDueOf,
  notificationOf,
  overdueCountOf,
  useDesktopIntegration,
  type WarningWatch,
  watchOf,
} from './useDesktopIntegration';

const A = '01JDKX4Q7ZP3M8W2R5T9V6Y0AA';
const B = '01JDKX4Q7ZP3M8W2R5T9V6Y0BB';
const C = '01JDKX4Q7ZP3M8W2R5T9V6Y0CC';

const due = (inquiryId: string, state: DueNow['state'], attentionAt: number, kind: DueNow['due'] = 'first_contact'): DueNow => ({
  inquiryId,
  caseNumber: `261123-K7QM2-00${inquiryId.at(-1) === 'A' ? 1 : inquiryId.at(-1) === 'B' ? 2 : 3}`,
  due: kind,
  state,
  attentionAt,
});

/** The desktop bridge's event half as a test drives it: `emit` is main sending. */
function fakeEvents() {
  const listeners = { menuCommand: new Set<(p: unknown) => void>(), openInquiry: new Set<(p: unknown) => void>() };
  const events: LiaisonEvents = {
    onMenuCommand: (listener) => {
      listeners.menuCommand.add(listener as (p: unknown) => void);
      return () => listeners.menuCommand.delete(listener as (p: unknown) => void);
    },
    onOpenInquiry: (listener) => {
      listeners.openInquiry.add(listener as (p: unknown) => void);
      return () => listeners.openInquiry.delete(listener as (p: unknown) => void);
    },
  };
  const emit = <E extends IpcEventName>(event: E, payload: IpcEventPayload<E> | Record<string, unknown>) => {
    act(() => {
      for (const listener of listeners[event]) listener(payload);
    });
  };
  return { events, emit, listeners };
}

function fakeApi() {
  return {
    setOverdueCount: vi.fn(async () => ({ ok: true as const })),
    showNotification: vi.fn(async (_request: NotificationRequest) => ({ shown: true })),
  };
}

/** A search box wired the way Shell wires the log's. */
function SearchHarness({ events }: { events: LiaisonEvents }) {
  const ref = useRef<HTMLInputElement>(null);
  useDesktopIntegration({
    api: fakeApi(),
    events,
    due: null,
    focusSearch: () => {
      if (ref.current === null) return false;
      ref.current.focus();
      ref.current.select();
      return true;
    },
  });
  return <input ref={ref} aria-label="Search the log" defaultValue="lopez" />;
}

beforeEach(() => {
  window.location.hash = '#/log';
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pure parts', () => {
  it('reads each row’s due state at now: overdue past the earliest deadline, due soon past the earliest due-soon moment', () => {
    const row = (id: string, nextDueAt: number | null, dueSoonAt: number | null, dueDeadline: number | null) => ({
      id,
      caseNumber: '261123-K7QM2-001',
      nextDueAt,
      dueTimes: [],
      dueSoonAt,
      dueDeadline,
      dueDeadlineKind: 'mco_follow_up' as const,
      dueSoonKind: 'callback' as const,
    });
    // The notification names the step that owns the deadline (overdue) or the due-soon moment.
    expect(dueNowOf([row(A, 500, 400, 1_000), row(B, 100, 50, 200), row(C, null, null, null)], 300)).toEqual([
      { inquiryId: A, caseNumber: '261123-K7QM2-001', due: null, state: 'on_track', attentionAt: 500 },
      { inquiryId: B, caseNumber: '261123-K7QM2-001', due: 'mco_follow_up', state: 'overdue', attentionAt: 100 },
    ]);
    expect(dueNowOf([row(A, 500, 400, 1_000)], 400)[0]?.due).toBe('callback');
    expect(dueNowOf([row(A, 500, 400, 1_000)], 400)[0]?.state).toBe('due_soon');
    expect(dueNowOf([row(A, 500, 400, 1_000)], 1_000)[0]?.state).toBe('overdue');
  });

  it('counts inquiries with an overdue item, once each', () => {
    expect(overdueCountOf([due(A, 'overdue', 1), due(A, 'overdue', 2, 'callback'), due(B, 'due_soon', 3), due(C, 'overdue', 4)])).toBe(2);
    expect(overdueCountOf([])).toBe(0);
  });

  it('picks the item that wants attention first as next due', () => {
    expect(nextDueOf([due(A, 'on_track', 300), due(B, 'overdue', 100), due(C, 'due_soon', 200)])?.inquiryId).toBe(B);
    expect(nextDueOf([])).toBeNull();
  });

  it('gives the right count on a 100,000-inquiry log', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({
      id: `01JDKX4Q7ZP3M8W2R5${String(i).padStart(8, '0')}`,
      caseNumber: '261123-K7QM2-004',
      nextDueAt: i * 1_000,
      dueTimes: [],
      dueSoonAt: i * 900,
      dueDeadline: i * 1_200,
      dueDeadlineKind: 'first_contact' as const,
      dueSoonKind: 'first_contact' as const,
    }));
    expect(overdueCountOf(dueNowOf(rows, 41_000_000))).toBe(34_167);
  });
});

describe('useDesktopIntegration', () => {
  function setUp(initial: Partial<DesktopIntegrationOptions> = {}) {
    const { events, emit, listeners } = fakeEvents();
    const api = fakeApi();
    const focusSearch = vi.fn(() => false);
    const hook = renderHook((props: DesktopIntegrationOptions) => useDesktopIntegration(props), {
      initialProps: { api, events, due: null, focusSearch, ...initial },
    });
    return { hook, emit, api, focusSearch, listeners, events };
  }

  it('New inquiry from the menu opens the intake form', () => {
    const { emit } = setUp();
    emit('menuCommand', { command: 'new-inquiry' });
    expect(window.location.hash).toBe('#/new');
  });

  it('Inquiry log from the menu goes back to the log', () => {
    window.location.hash = '#/new';
    const { emit } = setUp();
    emit('menuCommand', { command: 'go-to-log' });
    expect(window.location.hash).toBe('#/log');
  });

  it('Find focuses the search box at once when the log is showing', () => {
    const { emit, focusSearch } = setUp();
    focusSearch.mockReturnValue(true);
    emit('menuCommand', { command: 'find' });
    expect(focusSearch).toHaveBeenCalledOnce();
    expect(window.location.hash).toBe('#/log');
  });

  it('Find from another screen switches to the log, then focuses the search box once it is there', async () => {
    window.location.hash = '#/new';
    const { emit, focusSearch } = setUp();
    focusSearch.mockReturnValueOnce(false).mockReturnValueOnce(false).mockReturnValue(true);
    emit('menuCommand', { command: 'find' });
    expect(window.location.hash).toBe('#/log');
    await vi.waitFor(() => expect(focusSearch).toHaveBeenCalledTimes(3));
  });

  it('Next due item opens the inquiry that wants attention first', () => {
    const { emit } = setUp({ due: [due(A, 'on_track', 500), due(B, 'overdue', 100)] });
    emit('menuCommand', { command: 'next-due' });
    expect(window.location.hash).toBe(`#/inquiry/${B}`);
  });

  it('Next due item with nothing due shows the log', () => {
    window.location.hash = '#/new';
    const { emit } = setUp({ due: [] });
    emit('menuCommand', { command: 'next-due' });
    expect(window.location.hash).toBe('#/log');
  });

  it('a notification click opens its inquiry', () => {
    const { emit } = setUp();
    emit('openInquiry', { inquiryId: C });
    expect(window.location.hash).toBe(`#/inquiry/${C}`);
  });

  it('ignores messages that do not parse', () => {
    const { emit } = setUp();
    emit('menuCommand', { command: 'format-disk' });
    emit('openInquiry', { inquiryId: '../settings' });
    emit('openInquiry', { inquiryId: A, extra: true });
    expect(window.location.hash).toBe('#/log');
  });

  it('reports the overdue count when it is known and whenever it changes, not while loading', () => {
    const { hook, api, events, focusSearch } = setUp();
    expect(api.setOverdueCount).not.toHaveBeenCalled();
    hook.rerender({ api, events, focusSearch, due: [due(A, 'overdue', 1), due(B, 'due_soon', 2)] });
    hook.rerender({ api, events, focusSearch, due: [due(A, 'overdue', 1), due(B, 'due_soon', 2)] });
    hook.rerender({ api, events, focusSearch, due: [due(A, 'overdue', 1), due(B, 'overdue', 2)] });
    expect(api.setOverdueCount.mock.calls).toEqual([[{ count: 1 }], [{ count: 2 }]]);
  });

  describe('notifications follow the warning scheduler', () => {
    const cal = createCalendar();
    const ct = (day: number, hour: number, minute = 0) =>
      zonedToInstant({ year: 2026, month: 11, day, hour, minute }, 'America/Chicago' as never) as Instant;
    const mark = (at: Instant, kind: DueMark['kind'], percent: number | null = null): DueMark => ({
      at,
      kind,
      step: 'first_contact',
      percent,
    });
    // A (case 001): 75 % warning Mon 23 Nov 10:30, overdue 16:30 (closing). B (case 002): due Tue 08:00 (opening).
    const rows = [
      {
        id: A,
        caseNumber: '261123-K7QM2-001',
        dueMarks: [mark(ct(23, 10, 30), 'warning', 75), mark(ct(23, 16, 30), 'overdue')],
        snooze: null,
      },
      { id: B, caseNumber: '261123-K7QM2-002', dueMarks: [mark(ct(24, 8, 0), 'due')], snooze: null },
      { id: C, caseNumber: '261123-K7QM2-003', dueMarks: [], snooze: null },
    ];
    const memoryStore = (initial: Instant | null = null): CheckStore & { saved: Instant[] } => {
      const saved: Instant[] = [];
      return {
        saved,
        load: () => initial,
        save: (at) => {
          saved.push(at);
        },
      };
    };
    const watchAt = (now: Instant): WarningWatch => ({ inquiries: watchOf(rows), cal, now });

    it('office hours: the first look is the baseline, then each crossing once, by case number and step only', () => {
      const checks = memoryStore();
      const { hook, api, events, focusSearch } = setUp({ watch: watchAt(ct(23, 10, 0)), checks });
      expect(api.showNotification).not.toHaveBeenCalled();
      hook.rerender({ api, events, focusSearch, due: null, checks, watch: watchAt(ct(23, 10, 30)) });
      hook.rerender({ api, events, focusSearch, due: null, checks, watch: watchAt(ct(23, 10, 31)) });
      expect(api.showNotification.mock.calls).toEqual([
        [{ inquiryId: A, caseNumber: '261123-K7QM2-001', due: 'first_contact', state: 'warning', percent: 75 }],
      ]);
      expect(checks.saved).toEqual([ct(23, 10, 0), ct(23, 10, 30), ct(23, 10, 31)]);
    });

    it('never at night: nothing after closing, one summary at the opening, and the last look stays at the last open one', () => {
      const checks = memoryStore();
      const { hook, api, events, focusSearch } = setUp({ watch: watchAt(ct(23, 16, 0)), checks });
      for (const now of [ct(23, 16, 30), ct(23, 23, 0), ct(24, 3, 0), ct(24, 7, 59)])
        hook.rerender({ api, events, focusSearch, due: null, checks, watch: watchAt(now) });
      expect(api.showNotification).not.toHaveBeenCalled();
      expect(checks.saved).toEqual([ct(23, 16, 0)]);
      hook.rerender({ api, events, focusSearch, due: null, checks, watch: watchAt(ct(24, 8, 0)) });
      expect(api.showNotification.mock.calls).toEqual([
        [
          {
            kind: 'summary',
            inquiryId: A,
            whileClosed: true,
            overdue: 1,
            due: 1,
            warnings: 0,
            caseNumbers: ['261123-K7QM2-001', '261123-K7QM2-002'],
          },
        ],
      ]);
    });

    it('the night is summed up at start-up from the stored last look', () => {
      const checks = memoryStore(ct(23, 16, 20));
      const { api } = setUp({ watch: watchAt(ct(24, 8, 5)), checks });
      expect(api.showNotification).toHaveBeenCalledOnce();
      expect(api.showNotification.mock.calls[0]?.[0]).toMatchObject({ kind: 'summary', whileClosed: true, overdue: 1, due: 1 });
    });

    it('a stored look from after now (a clock set back) starts afresh, quietly', () => {
      const checks = memoryStore(ct(25, 9, 0));
      const { api } = setUp({ watch: watchAt(ct(24, 9, 0)), checks });
      expect(api.showNotification).not.toHaveBeenCalled();
      expect(checks.saved).toEqual([ct(24, 9, 0)]);
    });

    it('turns notices into bridge requests the desktop accepts', async () => {
      expect(
        notificationOf({ kind: 'item', inquiryId: A, caseNumber: '261123-K7QM2-001', step: 'callback', mark: 'due', percent: null }),
      ).toEqual({
        inquiryId: A,
        caseNumber: '261123-K7QM2-001',
        due: 'callback',
        state: 'due',
        percent: null,
      });
      const summary = notificationOf({
        kind: 'summary',
        inquiryId: A,
        whileClosed: true,
        overdue: 2,
        due: 0,
        warnings: 1,
        caseNumbers: [],
      });
      const NotificationStub = Object.assign(vi.fn(), { permission: 'denied', requestPermission: vi.fn() });
      vi.stubGlobal('Notification', NotificationStub);
      await expect(browserBridge.showNotification(summary)).resolves.toEqual({ shown: false });
      vi.unstubAllGlobals();
    });
  });

  it('unsubscribes when unmounted', () => {
    const { hook, listeners } = setUp();
    expect(listeners.menuCommand.size).toBe(1);
    hook.unmount();
    expect(listeners.menuCommand.size).toBe(0);
    expect(listeners.openInquiry.size).toBe(0);
  });

  it('works with a real search box: Find focuses and selects it', () => {
    const { events, emit } = fakeEvents();
    const view = render(<SearchHarness events={events} />);
    const search = view.getByLabelText('Search the log') as HTMLInputElement;
    expect(document.activeElement).not.toBe(search);
    emit('menuCommand', { command: 'find' });
    expect(document.activeElement).toBe(search);
    expect([search.selectionStart, search.selectionEnd]).toEqual([0, 5]);
  });
});

describe('the browser bridge', () => {
  it('has no application menu, but subscribing is harmless', () => {
    const stop = browserEvents.onMenuCommand(() => {});
    expect(typeof stop).toBe('function');
    stop();
  });

  it('refuses a notification with free text, as the desktop does', async () => {
    await expect(
      browserBridge.showNotification({ inquiryId: A, caseNumber: 'MARIA LOPEZ', due: 'callback', state: 'overdue' }),
    ).rejects.toThrow();
  });

  it('answers shown: false without permission to notify', async () => {
    const NotificationStub = Object.assign(vi.fn(), { permission: 'denied', requestPermission: vi.fn() });
    vi.stubGlobal('Notification', NotificationStub);
    await expect(
      browserBridge.showNotification({ inquiryId: A, caseNumber: '261123-K7QM2-001', due: 'callback', state: 'overdue' }),
    ).resolves.toEqual({
      shown: false,
    });
    expect(NotificationStub).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('shows a web notification whose click opens the inquiry through the browser events', async () => {
    const created: { title: string; options: NotificationOptions; onclick: (() => void) | null; close: () => void }[] = [];
    const NotificationStub = Object.assign(
      vi.fn(function (this: (typeof created)[number], title: string, options: NotificationOptions) {
        Object.assign(this, { title, options, onclick: null, close: vi.fn() });
        created.push(this);
      }),
      { permission: 'granted', requestPermission: vi.fn() },
    );
    vi.stubGlobal('Notification', NotificationStub);
    const opened = vi.fn();
    const stop = browserEvents.onOpenInquiry(opened);
    await expect(
      browserBridge.showNotification({ inquiryId: A, caseNumber: '261123-K7QM2-001', due: 'callback', state: 'overdue' }),
    ).resolves.toEqual({
      shown: true,
    });
    expect(created[0]?.title).toBe('Overdue: case 261123-K7QM2-001');
    expect(created[0]?.options.body).toBe('A scheduled callback is overdue. Click to open the inquiry.');
    created[0]?.onclick?.();
    expect(opened).toHaveBeenCalledExactlyOnceWith({ inquiryId: A });
    stop();
    vi.unstubAllGlobals();
  });
});

describe('whose warnings', () => {
  const mark = { at: 1 as Instant, kind: 'warning', step: 'first_contact', percent: 50 } as unknown as DueMark;
  const rows = [
    { id: 'a', caseNumber: '261123-AAAAA-001', dueMarks: [mark], snooze: null, unitLeadCallback: false },
    { id: 'b', caseNumber: '261123-AAAAA-002', dueMarks: [mark], snooze: null, unitLeadCallback: true },
  ];
  it('a unit lead callback’s warnings go to unit leads only; every other inquiry’s to everyone', () => {
    expect(watchOf(rows, true).map((w) => w.inquiryId)).toEqual(['a', 'b']);
    expect(watchOf(rows, false).map((w) => w.inquiryId)).toEqual(['a']);
  });

  it('each person at the desk keeps their own last look', () => {
    localCheckStoreFor('p-dana').save(1_000 as Instant);
    localCheckStoreFor('p-priya').save(2_000 as Instant);
    expect([localCheckStoreFor('p-dana').load(), localCheckStoreFor('p-priya').load()]).toEqual([1_000, 2_000]);
  });

  it('a last look moves with the person when their profile takes the roster’s id', () => {
    localCheckStoreFor('p-own').save(3_000 as Instant);
    moveCheckStore('p-own', 'p-roster');
    expect([localCheckStoreFor('p-own').load(), localCheckStoreFor('p-roster').load()]).toEqual([null, 3_000]);
  });
});
