import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Remembers the window's size, position and maximised state between runs, in a small JSON file in
 * the app's userData folder. Plain Node: the Electron side (displays, window events) is passed in.
 *
 * A remembered position is only trusted while it is still on a screen: a laptop undocked from its
 * second monitor must not open the app off-screen, so bounds are clamped to the current displays.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A display as `screen.getAllDisplays()` gives it; only the work area (without taskbar) matters. */
export interface DisplayArea {
  workArea: Rect;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 960, height: 600 } as const;
export const WINDOW_STATE_FILE = 'window-state.json';

/**
 * How much of the window's top strip must be on a display for the position to be kept: enough to
 * grab the title bar and drag the window back.
 */
const VISIBLE_TITLE_BAR = { width: 160, height: 32 } as const;

const intCoordinate = z.number().int().min(-100_000).max(100_000);
const intSize = z.number().int().min(1).max(100_000);
const savedStateSchema = z.object({
  version: z.literal(1),
  bounds: z.object({ x: intCoordinate, y: intCoordinate, width: intSize, height: intSize }),
  maximized: z.boolean(),
});

/**
 * Where the window opens: the saved bounds when they still show on one of `displays` (resized to
 * fit that display if needed, and moved fully inside it), otherwise the saved or default size
 * centred on the primary display. Anything unreadable in `saved` means "no saved state".
 */
export function restoreWindowState(saved: unknown, displays: readonly DisplayArea[], primary: DisplayArea): WindowState {
  const parsed = savedStateSchema.safeParse(saved);
  if (!parsed.success) return { bounds: centredOn(primary.workArea, DEFAULT_WINDOW_SIZE), maximized: false };

  const { bounds, maximized } = parsed.data;
  const titleBar: Rect = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(bounds.height, VISIBLE_TITLE_BAR.height) };
  const home = displays
    .map((display) => ({ display, visible: intersection(titleBar, display.workArea) }))
    .filter(({ visible }) => visible.width >= Math.min(VISIBLE_TITLE_BAR.width, bounds.width) && visible.height >= titleBar.height)
    .sort((a, b) => area(b.visible) - area(a.visible))[0]?.display;

  if (home === undefined) return { bounds: centredOn(primary.workArea, bounds), maximized };
  return { bounds: fitInside(bounds, home.workArea), maximized };
}

/** `size` (shrunk to fit, never below the minimum unless the screen is smaller) centred in `area`. */
function centredOn(workArea: Rect, size: { width: number; height: number }): Rect {
  const width = fitSize(size.width, MIN_WINDOW_SIZE.width, workArea.width);
  const height = fitSize(size.height, MIN_WINDOW_SIZE.height, workArea.height);
  return {
    x: workArea.x + Math.floor((workArea.width - width) / 2),
    y: workArea.y + Math.floor((workArea.height - height) / 2),
    width,
    height,
  };
}

/** `bounds` resized to fit `workArea` and moved the least distance needed to lie fully inside it. */
function fitInside(bounds: Rect, workArea: Rect): Rect {
  const width = fitSize(bounds.width, MIN_WINDOW_SIZE.width, workArea.width);
  const height = fitSize(bounds.height, MIN_WINDOW_SIZE.height, workArea.height);
  return {
    x: clamp(bounds.x, workArea.x, workArea.x + workArea.width - width),
    y: clamp(bounds.y, workArea.y, workArea.y + workArea.height - height),
    width,
    height,
  };
}

function fitSize(wanted: number, minimum: number, available: number): number {
  return Math.min(Math.max(wanted, minimum), available);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

function intersection(a: Rect, b: Rect): Rect {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}

function area(r: Rect): number {
  return r.width * r.height;
}

/** The saved state as parsed JSON, or undefined when there is none or it cannot be read. */
export function readWindowState(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // First run, or a damaged file: the window opens at its default place.
    return undefined;
  }
}

/** Writes the state whole or not at all (temp file, then rename), so a crash cannot leave half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, `${JSON.stringify({ version: 1, ...state })}\n`, 'utf8');
  renameSync(temp, file);
}

/** The parts of a BrowserWindow the tracker reads and listens to. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  getNormalBounds(): Rect;
  isMaximized(): boolean;
}

/**
 * Saves the window's state `delayMs` after it stops moving or resizing, and at once when it
 * closes. The normal (restored) bounds are saved, so a maximised window comes back maximised
 * over the display it was on and restores to its old size.
 */
export function trackWindowState(
  window: TrackedWindow,
  save: (state: WindowState) => void,
  timers: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void } = {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
  delayMs = 500,
): void {
  let pending: unknown = null;
  const saveNow = () => {
    if (pending !== null) timers.clear(pending);
    pending = null;
    save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  const saveSoon = () => {
    if (pending !== null) timers.clear(pending);
    pending = timers.set(saveNow, delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, saveSoon);
  window.on('close', saveNow);
}
