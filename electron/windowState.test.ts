import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEmitter } from './fakeElectron';
import {
  type DisplayArea,
  type Rect,
  readWindowState,
  restoreWindowState,
  trackWindowState,
  type WindowState,
  writeWindowState,
} from './windowState';

// A 1920x1080 laptop screen with a 40 px taskbar, and a 2560x1440 monitor to its right.
const laptop: DisplayArea = { workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
const monitor: DisplayArea = { workArea: { x: 1920, y: 0, width: 2560, height: 1400 } };
const small: DisplayArea = { workArea: { x: 0, y: 0, width: 1366, height: 728 } };

const saved = (bounds: Rect, maximized = false) => ({ version: 1, bounds, maximized });

describe('restoreWindowState', () => {
  it('opens 1280x800 centred on the primary display the first time', () => {
    expect(restoreWindowState(undefined, [laptop], laptop)).toEqual({
      bounds: { x: 320, y: 120, width: 1280, height: 800 },
      maximized: false,
    });
  });

  it.each([
    ['a string', 'garbage'],
    ['another version', { version: 2, bounds: { x: 0, y: 0, width: 1000, height: 700 }, maximized: false }],
    ['fractional bounds', saved({ x: 0.5, y: 0, width: 1000, height: 700 })],
    ['a zero width', saved({ x: 0, y: 0, width: 0, height: 700 })],
    ['a missing field', { version: 1, bounds: { x: 0, y: 0, width: 1000 }, maximized: false }],
    ['absurd coordinates', saved({ x: 9e9, y: 0, width: 1000, height: 700 })],
  ])('ignores a saved state that is %s', (_case, state) => {
    expect(restoreWindowState(state, [laptop], laptop).bounds).toEqual({ x: 320, y: 120, width: 1280, height: 800 });
  });

  it('reopens exactly where it was on a display that is still there', () => {
    const bounds = { x: 2100, y: 150, width: 1500, height: 900 };
    expect(restoreWindowState(saved(bounds, true), [laptop, monitor], laptop)).toEqual({ bounds, maximized: true });
  });

  it('centres on the primary display when the monitor it was on is unplugged, keeping its size', () => {
    expect(restoreWindowState(saved({ x: 2100, y: 150, width: 1500, height: 900 }), [laptop], laptop)).toEqual({
      bounds: { x: 210, y: 70, width: 1500, height: 900 },
      maximized: false,
    });
  });

  it('shrinks a window too big for the smaller screen it is on now, and keeps it inside', () => {
    expect(restoreWindowState(saved({ x: 100, y: 50, width: 2400, height: 1300 }), [small], small).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
    });
  });

  it('pulls a window hanging off the right edge back inside the display', () => {
    expect(restoreWindowState(saved({ x: 1500, y: 100, width: 1280, height: 800 }), [laptop], laptop).bounds).toEqual({
      x: 640,
      y: 100,
      width: 1280,
      height: 800,
    });
  });

  it('does not trust a position whose title bar is above every screen', () => {
    expect(restoreWindowState(saved({ x: 300, y: -700, width: 1280, height: 800 }), [laptop], laptop).bounds).toEqual({
      x: 320,
      y: 120,
      width: 1280,
      height: 800,
    });
  });

  it('picks the display holding most of the title bar when it straddles two', () => {
    const state = restoreWindowState(saved({ x: 1700, y: 100, width: 1300, height: 800 }), [laptop, monitor], laptop);
    expect(state.bounds).toEqual({ x: 1920, y: 100, width: 1300, height: 800 });
  });

  it('raises a saved size below the minimum to the minimum', () => {
    expect(restoreWindowState(saved({ x: 10, y: 10, width: 400, height: 300 }), [laptop], laptop).bounds).toEqual({
      x: 10,
      y: 10,
      width: 960,
      height: 600,
    });
  });

  it('works with a primary display that does not start at 0,0', () => {
    const left: DisplayArea = { workArea: { x: -1600, y: 200, width: 1600, height: 900 } };
    expect(restoreWindowState(undefined, [left, laptop], left).bounds).toEqual({ x: -1440, y: 250, width: 1280, height: 800 });
  });
});

describe('reading and writing the file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'liaison-window-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips a state through window-state.json, leaving no temp file', async () => {
    const file = path.join(dir, 'window-state.json');
    const state: WindowState = { bounds: { x: 2100, y: 150, width: 1500, height: 900 }, maximized: true };
    writeWindowState(file, state);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, ...state });
    expect(await readdir(dir)).toEqual(['window-state.json']);
    expect(restoreWindowState(readWindowState(file), [laptop, monitor], laptop)).toEqual(state);
  });

  it('reads a missing or damaged file as no state', async () => {
    expect(readWindowState(path.join(dir, 'none.json'))).toBeUndefined();
    const file = path.join(dir, 'window-state.json');
    await writeFile(file, '{"version":1,"bou');
    expect(readWindowState(file)).toBeUndefined();
  });
});

describe('trackWindowState', () => {
  class FakeTrackedWindow extends FakeEmitter {
    bounds: Rect = { x: 10, y: 20, width: 1000, height: 700 };
    maximized = false;
    getNormalBounds = () => this.bounds;
    isMaximized = () => this.maximized;
  }

  function setUp() {
    const window = new FakeTrackedWindow();
    const save = vi.fn();
    const scheduled: { fn: () => void; cleared: boolean }[] = [];
    const timers = {
      set: (fn: () => void) => {
        const handle = { fn, cleared: false };
        scheduled.push(handle);
        return handle;
      },
      clear: (handle: unknown) => {
        (handle as { cleared: boolean }).cleared = true;
      },
    };
    trackWindowState(window, save, timers, 500);
    const runDue = () => {
      for (const handle of scheduled.splice(0)) if (!handle.cleared) handle.fn();
    };
    return { window, save, runDue };
  }

  it('saves once after a burst of moves and resizes, with the latest bounds', () => {
    const { window, save, runDue } = setUp();
    window.emit('move');
    window.emit('resize');
    window.bounds = { x: 50, y: 60, width: 1100, height: 750 };
    window.emit('resize');
    expect(save).not.toHaveBeenCalled();
    runDue();
    expect(save).toHaveBeenCalledExactlyOnceWith({ bounds: { x: 50, y: 60, width: 1100, height: 750 }, maximized: false });
  });

  it('saves at once on close, cancelling the pending save', () => {
    const { window, save, runDue } = setUp();
    window.emit('move');
    window.maximized = true;
    window.emit('close');
    runDue();
    expect(save).toHaveBeenCalledExactlyOnceWith({ bounds: { x: 10, y: 20, width: 1000, height: 700 }, maximized: true });
  });

  it('saves after maximising and after restoring', () => {
    const { window, save, runDue } = setUp();
    window.maximized = true;
    window.emit('maximize');
    runDue();
    window.maximized = false;
    window.emit('unmaximize');
    runDue();
    expect(save.mock.calls.map(([state]) => (state as WindowState).maximized)).toEqual([true, false]);
  });
});
