import { describe, expect, it, vi } from 'vitest';
import { ipcContract, ipcEvents, type NotificationRequest, notificationContent } from '../shared/ipc';
import {
  type BadgeTargets,
  createNotifier,
  type NotificationLike,
  overdueDescription,
  overdueOverlayBitmap,
  sendToRenderer,
  showOverdueCount,
} from './desktop';
import { FakeEmitter, FakeWebContents } from './fakeElectron';

const INQUIRY_ID = '01JDKX4Q7ZP3M8W2R5T9V6Y0BC';

describe('sendToRenderer', () => {
  it('sends a checked payload on the event’s channel', () => {
    const page = new FakeWebContents();
    expect(sendToRenderer(page, 'menuCommand', { command: 'next-due' })).toBe(true);
    expect(page.sent).toEqual([{ channel: 'liaison:menu:command', payload: { command: 'next-due' } }]);
  });

  it('sends nothing when there is no page or it is gone', () => {
    const gone = new FakeWebContents();
    gone.destroyed = true;
    expect(sendToRenderer(gone, 'menuCommand', { command: 'find' })).toBe(false);
    expect(sendToRenderer(null, 'menuCommand', { command: 'find' })).toBe(false);
    expect(gone.sent).toEqual([]);
  });

  it('refuses a payload that breaks the event’s schema', () => {
    const page = new FakeWebContents();
    expect(() => sendToRenderer(page, 'openInquiry', { inquiryId: '<img src=x onerror=alert(1)>' })).toThrow();
    expect(page.sent).toEqual([]);
  });
});

describe('the overdue count', () => {
  function targets(platform: NodeJS.Platform, withWindow = true): BadgeTargets<string> & { calls: string[] } {
    const calls: string[] = [];
    return {
      calls,
      platform,
      setBadgeCount: (count) => {
        calls.push(`badge ${count}`);
        return true;
      },
      setOverlayIcon: withWindow ? (image, description) => calls.push(`overlay ${image ?? 'none'} "${description}"`) : null,
      overlayImage: () => 'red-mark',
    };
  }

  it.each(['darwin', 'linux'] as const)('on %s: the dock or launcher badge shows the number, 0 clears it', (platform) => {
    const t = targets(platform);
    showOverdueCount(t, 7);
    showOverdueCount(t, 0);
    expect(t.calls).toEqual(['badge 7', 'badge 0']);
  });

  it('on Windows: a red mark over the taskbar button, the count in its description; 0 removes it', () => {
    const t = targets('win32');
    showOverdueCount(t, 1);
    showOverdueCount(t, 1234);
    showOverdueCount(t, 0);
    expect(t.calls).toEqual(['overlay red-mark "1 inquiry overdue"', 'overlay red-mark "1,234 inquiries overdue"', 'overlay none ""']);
  });

  it('on Windows with no window open: nothing to mark, and no error', () => {
    const t = targets('win32', false);
    showOverdueCount(t, 3);
    expect(t.calls).toEqual([]);
  });

  it('describes the count in words', () => {
    expect([0, 1, 2, 10_000].map(overdueDescription)).toEqual(['', '1 inquiry overdue', '2 inquiries overdue', '10,000 inquiries overdue']);
  });
});

describe('overdueOverlayBitmap', () => {
  const size = 32;
  const bitmap = overdueOverlayBitmap(size);
  const pixel = (x: number, y: number) => {
    const at = (y * size + x) * 4;
    return { b: bitmap[at], g: bitmap[at + 1], r: bitmap[at + 2], a: bitmap[at + 3] };
  };

  it('is size × size BGRA', () => {
    expect(bitmap.length).toBe(size * size * 4);
  });

  it('is transparent in the corners, red in the circle, white in the "!"', () => {
    expect(pixel(0, 0)).toEqual({ b: 0, g: 0, r: 0, a: 0 });
    expect(pixel(4, 16)).toEqual({ b: 0x1c, g: 0x1c, r: 0xb7, a: 255 });
    expect(pixel(16, 10)).toEqual({ b: 255, g: 255, r: 255, a: 255 });
    expect(pixel(16, 25)).toEqual({ b: 255, g: 255, r: 255, a: 255 });
    // The gap between the bar and the dot is red.
    expect(pixel(16, 21)).toEqual({ b: 0x1c, g: 0x1c, r: 0xb7, a: 255 });
  });

  it('is premultiplied: no channel exceeds alpha on the anti-aliased edge', () => {
    let edge = 0;
    for (let i = 0; i < bitmap.length; i += 4) {
      const alpha = bitmap[i + 3] ?? 0;
      if (alpha > 0 && alpha < 255) edge += 1;
      for (const c of [bitmap[i], bitmap[i + 1], bitmap[i + 2]]) expect(c ?? 0).toBeLessThanOrEqual(alpha);
    }
    expect(edge).toBeGreaterThan(0);
  });
});

describe('notifications', () => {
  const request: NotificationRequest = { inquiryId: INQUIRY_ID, caseNumber: '261123-K7QM2-004', due: 'callback', state: 'due_soon' };

  class FakeNote extends FakeEmitter implements NotificationLike {
    readonly show = vi.fn();
  }

  function setUp(supported = true) {
    const created: { options: unknown; note: FakeNote }[] = [];
    const openInquiry = vi.fn();
    const notifier = createNotifier({
      isSupported: () => supported,
      create: (options) => {
        const note = new FakeNote();
        created.push({ options, note });
        return note;
      },
      openInquiry,
    });
    return { notifier, created, openInquiry };
  }

  it.each([
    [
      { due: 'first_contact', state: 'overdue' },
      'Overdue: case 261123-K7QM2-004',
      'First contact with the member is overdue. Click to open the inquiry.',
    ],
    [
      { due: 'mco_contact', state: 'due_soon' },
      'Due soon: case 261123-K7QM2-004',
      'The MCO’s contact with the member is due soon. Click to open the inquiry.',
    ],
    [
      { due: 'mco_follow_up', state: 'overdue' },
      'Overdue: case 261123-K7QM2-004',
      'Follow-up with the MCO is overdue. Click to open the inquiry.',
    ],
    [
      { due: 'callback', state: 'due_soon' },
      'Due soon: case 261123-K7QM2-004',
      'A scheduled callback is due soon. Click to open the inquiry.',
    ],
    [{ due: null, state: 'overdue' }, 'Overdue: case 261123-K7QM2-004', 'An item on this inquiry is overdue. Click to open the inquiry.'],
  ] as const)('words %o as the title and body', (what, title, body) => {
    expect(notificationContent({ ...request, ...what })).toEqual({ title, body });
  });

  it('shows one notification per request, holding it until it is clicked or closed', () => {
    const { notifier, created } = setUp();
    expect(notifier.show(request)).toBe(true);
    expect(notifier.show({ ...request, state: 'overdue' })).toBe(true);
    expect(created.map((c) => c.options)).toEqual([
      { ...notificationContent(request), silent: false, urgency: 'normal' },
      { ...notificationContent({ ...request, state: 'overdue' }), silent: false, urgency: 'normal' },
    ]);
    expect(created.every((c) => c.note.show.mock.calls.length === 1)).toBe(true);
    expect(notifier.open).toBe(2);
    created[0]?.note.emit('close');
    created[1]?.note.emit('failed');
    expect(notifier.open).toBe(0);
  });

  it('a click opens the inquiry it was about', () => {
    const { notifier, created, openInquiry } = setUp();
    notifier.show(request);
    created[0]?.note.emit('click');
    expect(openInquiry).toHaveBeenCalledExactlyOnceWith(INQUIRY_ID);
    expect(notifier.open).toBe(0);
  });

  it('shows nothing where the system has no notifications', () => {
    const { notifier, created } = setUp(false);
    expect(notifier.show(request)).toBe(false);
    expect(created).toEqual([]);
  });
});

describe('the notification request schema keeps member data out', () => {
  const schema = ipcContract.showNotification.request;
  const valid = { inquiryId: INQUIRY_ID, caseNumber: '261123-K7QM2-004', due: 'first_contact', state: 'overdue' };

  it.each([
    ['the app’s case number', '261123-K7QM2-004'],
    ['an imported case number', 'LEGACY-17'],
    ['a numeric imported case number', '2024-0117'],
  ])('accepts %s', (_case, caseNumber) => {
    expect(schema.safeParse({ ...valid, caseNumber }).success).toBe(true);
  });

  it.each([
    ['a name as the case number', { caseNumber: 'LOPEZ' }],
    ['a name with a digit and a space', { caseNumber: 'MARIA LOPEZ 2' }],
    ['lower-case text', { caseNumber: 'maria-1' }],
    ['a long case number', { caseNumber: `A${'1'.repeat(24)}` }],
    ['free text as what is due', { due: 'Call Maria' }],
    ['an unknown state', { state: 'late' }],
    ['an extra body', { body: 'Maria Lopez' }],
    ['a path as the inquiry id', { inquiryId: '../../etc/passwd' }],
  ])('refuses %s', (_case, change) => {
    expect(schema.safeParse({ ...valid, ...change }).success).toBe(false);
  });

  it('events main sends are strict too', () => {
    expect(ipcEvents.menuCommand.payload.safeParse({ command: 'find' }).success).toBe(true);
    expect(ipcEvents.menuCommand.payload.safeParse({ command: 'rm -rf' }).success).toBe(false);
    expect(ipcEvents.openInquiry.payload.safeParse({ inquiryId: INQUIRY_ID, extra: 1 }).success).toBe(false);
  });
});
