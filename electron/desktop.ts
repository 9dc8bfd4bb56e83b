import type { NotificationConstructorOptions } from 'electron';
import { type IpcEventName, type IpcEventPayload, ipcEvents, type NotificationRequest, notificationContent } from '../shared/ipc';

/**
 * Desktop integration that is more than wiring: the overdue badge, due-item notifications and
 * messages to the renderer. Each takes the Electron pieces it touches as parameters, so it is
 * tested with fakes; main.ts passes the real ones.
 */

// ---------------------------------------------------------------------------------------------
// Messages to the renderer

/** The part of a webContents that main sends on. */
export interface MessageTarget {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

/** Sends one event from the contract, checked against its schema first, to a live page. */
export function sendToRenderer<E extends IpcEventName>(target: MessageTarget | null, event: E, payload: IpcEventPayload<E>): boolean {
  if (target === null || target.isDestroyed()) return false;
  const checked = ipcEvents[event].payload.parse(payload);
  target.send(ipcEvents[event].channel, checked);
  return true;
}

// ---------------------------------------------------------------------------------------------
// The overdue badge

/** Where the count can show: the dock or launcher badge (macOS, Linux), the taskbar overlay (Windows). */
export interface BadgeTargets<Image> {
  platform: NodeJS.Platform;
  setBadgeCount(count: number): boolean;
  /** The main window's taskbar button, when there is a window. */
  setOverlayIcon: ((overlay: Image | null, description: string) => void) | null;
  /** Makes the Windows overlay image (a red circle with "!"), see `overdueOverlayBitmap`. */
  overlayImage(): Image;
}

/** The words a screen reader says for the badge, and the overlay's description. */
export function overdueDescription(count: number): string {
  if (count === 0) return '';
  return count === 1 ? '1 inquiry overdue' : `${count.toLocaleString('en-US')} inquiries overdue`;
}

/**
 * Shows `count` overdue inquiries on the dock or taskbar, or clears it at 0. Windows taskbar
 * buttons have no number badge, so there the overlay is a red mark and the count is in its
 * description (read by screen readers and shown on hover).
 */
export function showOverdueCount<Image>(targets: BadgeTargets<Image>, count: number): void {
  if (targets.platform === 'win32') {
    targets.setOverlayIcon?.(count > 0 ? targets.overlayImage() : null, overdueDescription(count));
    return;
  }
  targets.setBadgeCount(count);
}

/**
 * The Windows overlay: a red circle with a white "!" in `size`×`size` premultiplied BGRA, the
 * byte order `nativeImage.createFromBitmap` takes. Drawn in code (4×4 supersampled edges) so no
 * image file has to travel inside the package.
 */
export function overdueOverlayBitmap(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const red = [0xb7, 0x1c, 0x1c] as const; // #B71C1C: 6.6:1 against white.
  const samples = 4;
  const centre = size / 2;
  const radius = size / 2 - size / 32;
  // The "!": a bar from 20% to 62% of the height and a dot at 72-84%, 16% wide.
  const barHalf = size * 0.08;
  const inBang = (x: number, y: number) =>
    Math.abs(x - centre) <= barHalf && ((y >= size * 0.2 && y <= size * 0.62) || (y >= size * 0.72 && y <= size * 0.84));

  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let inside = 0;
      let white = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = px + (sx + 0.5) / samples;
          const y = py + (sy + 0.5) / samples;
          if ((x - centre) ** 2 + (y - centre) ** 2 <= radius ** 2) {
            inside += 1;
            if (inBang(x, y)) white += 1;
          }
        }
      }
      const alpha = inside / (samples * samples);
      const whiteShare = inside === 0 ? 0 : white / inside;
      const channel = (c: number) => Math.round((c * (1 - whiteShare) + 255 * whiteShare) * alpha);
      const at = (py * size + px) * 4;
      pixels[at] = channel(red[2]);
      pixels[at + 1] = channel(red[1]);
      pixels[at + 2] = channel(red[0]);
      pixels[at + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

// ---------------------------------------------------------------------------------------------
// Notifications

/** The Electron Notification as the notifier uses it. */
export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}

export interface NotifierDeps {
  isSupported(): boolean;
  create(options: NotificationConstructorOptions): NotificationLike;
  /** Brings the main window forward (opening it if it was closed) showing the inquiry. */
  openInquiry(inquiryId: string): void;
}

/**
 * Shows due-item notifications; a click brings the window forward on that inquiry. Shown
 * notifications are held until closed: one that is garbage collected loses its click handler.
 */
export function createNotifier(deps: NotifierDeps): { show(request: NotificationRequest): boolean; readonly open: number } {
  const live = new Set<NotificationLike>();
  return {
    show(request) {
      if (!deps.isSupported()) return false;
      const notification = deps.create({ ...notificationContent(request), silent: false, urgency: 'normal' });
      live.add(notification);
      notification.on('click', () => {
        live.delete(notification);
        deps.openInquiry(request.inquiryId);
      });
      notification.on('close', () => live.delete(notification));
      notification.on('failed', () => live.delete(notification));
      notification.show();
      return true;
    },
    get open() {
      return live.size;
    },
  };
}
