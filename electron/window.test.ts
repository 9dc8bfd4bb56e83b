import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron, FakeBrowserWindow, fakeNavigationEvent } from './fakeElectron';
import { log } from './log';
import { secureWebPreferences } from './security';
import { createMainWindow, type WindowDeps } from './window';

// window.ts takes the BrowserWindow constructor as a parameter, so the fake is handed in
// directly; no module mock is needed here (main.test.ts mocks 'electron' for main.ts).
const deps: WindowDeps = { BrowserWindow: FakeBrowserWindow as unknown as WindowDeps['BrowserWindow'] };
const PRELOAD = '/opt/liaison-log/dist/electron/preload.cjs';

let window: FakeBrowserWindow;

beforeEach(() => {
  createFakeElectron({ singleInstanceLock: true });
  createMainWindow(deps, PRELOAD);
  const created = FakeBrowserWindow.instances[0];
  if (created === undefined) throw new Error('createMainWindow did not construct a BrowserWindow');
  window = created;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('createMainWindow', () => {
  it('opens one 1280x800 window titled Liaison Log, hidden until ready, with a background colour', () => {
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(window.options).toMatchObject({
      width: 1280,
      height: 800,
      minWidth: 960,
      minHeight: 600,
      title: 'Liaison Log',
      show: false,
      backgroundColor: '#ffffff',
    });
  });

  it('uses the sandboxed, context-isolated preferences with the given preload, developer tools off', () => {
    // What those preferences are is security.test.ts's subject; here, that the window is given them whole.
    expect(window.options.webPreferences).toEqual(secureWebPreferences(PRELOAD, { devTools: false }));
    expect(window.options.webPreferences).toMatchObject({ preload: PRELOAD, sandbox: true, contextIsolation: true, devTools: false });
  });

  it('loads the app entry and shows the window only when its first frame is ready', () => {
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://liaison/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('says in the log what failed when the interface cannot load', async () => {
    const logged = vi.spyOn(log, 'error').mockImplementation(() => {});
    const failure = new Error('ERR_FILE_NOT_FOUND');
    const failing = class extends FakeBrowserWindow {
      override readonly loadURL = vi.fn(async (): Promise<void> => {
        throw failure;
      });
    };
    createMainWindow({ BrowserWindow: failing as unknown as WindowDeps['BrowserWindow'] }, PRELOAD);
    await vi.waitFor(() => expect(logged).toHaveBeenCalled());
    expect(logged).toHaveBeenCalledWith(
      'Liaison Log could not load its interface from app://liaison/index.html; was `npm run build` run?',
      { error: failure },
    );
  });

  it('has no developer tools unless asked for them', () => {
    expect(window.options.webPreferences?.devTools).toBe(false);
    createMainWindow(deps, PRELOAD, { devTools: true });
    expect(FakeBrowserWindow.instances[1]?.options.webPreferences?.devTools).toBe(true);
  });
});

describe('createMainWindow with a saved state', () => {
  it('opens at the given bounds, maximising only once the first frame is ready, then showing', () => {
    createMainWindow(deps, PRELOAD, { bounds: { x: 2100, y: 150, width: 1500, height: 900 }, maximized: true });
    const restored = FakeBrowserWindow.instances[1];
    expect(restored?.options).toMatchObject({ x: 2100, y: 150, width: 1500, height: 900, minWidth: 960, minHeight: 600 });
    expect(restored?.maximize).not.toHaveBeenCalled();
    restored?.emit('ready-to-show');
    expect(restored?.maximize).toHaveBeenCalledOnce();
    expect(restored?.maximize.mock.invocationCallOrder[0]).toBeLessThan(restored?.show.mock.invocationCallOrder[0] ?? 0);
  });

  it('opens on a route when given one, and ignores anything that is not a plain route', () => {
    createMainWindow(deps, PRELOAD, { hash: '#/inquiry/01JDKX4Q7ZP3M8W2R5T9V6Y0BC' });
    createMainWindow(deps, PRELOAD, { hash: '#/x"><script>' });
    expect(FakeBrowserWindow.instances[1]?.loadURL).toHaveBeenCalledWith('app://liaison/index.html#/inquiry/01JDKX4Q7ZP3M8W2R5T9V6Y0BC');
    expect(FakeBrowserWindow.instances[2]?.loadURL).toHaveBeenCalledWith('app://liaison/index.html');
  });
});

describe('the window cannot leave the app', () => {
  it.each(['will-navigate', 'will-redirect'])('%s: blocks https://evil.example and allows app://liaison pages', (eventName) => {
    const outside = fakeNavigationEvent('https://evil.example/login');
    window.webContents.emit(eventName, outside, outside.url);
    expect(outside.preventDefault).toHaveBeenCalledOnce();

    const inside = fakeNavigationEvent('app://liaison/index.html#/log');
    window.webContents.emit(eventName, inside, inside.url);
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('blocks file:// navigation, e.g. a dropped file', () => {
    const dropped = fakeNavigationEvent('file:///C:/Users/esr/Desktop/members.csv');
    window.webContents.emit('will-navigate', dropped, dropped.url);
    expect(dropped.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every window.open, even to the app itself', () => {
    const open = window.webContents.windowOpenHandler;
    expect(open?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open?.({ url: 'app://liaison/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a <webview>', () => {
    const attach = fakeNavigationEvent('https://evil.example/');
    window.webContents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalledOnce();
  });
});

describe('the window session', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])(
    'denies a %s permission request',
    (permission) => {
      const callback = vi.fn();
      window.webContents.session.permissionRequestHandler?.(window.webContents, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    },
  );

  it('refuses every USB, HID and serial device', () => {
    expect(window.webContents.session.devicePermissionHandler?.({ deviceType: 'usb', origin: 'app://liaison' })).toBe(false);
  });

  it.each(['https://evil.example/collect?d=1', 'http://10.0.0.5/', 'wss://evil.example/socket'])(
    'cancels a request to a remote host before it leaves the machine: %s',
    (url) => {
      const blocker = window.webContents.session.webRequest.beforeRequest;
      expect(blocker?.filter.urls).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*']);
      const callback = vi.fn();
      blocker?.listener({ url }, callback);
      expect(callback).toHaveBeenCalledExactlyOnceWith({ cancel: true });
    },
  );

  it('answers every permission check with no', () => {
    const check = window.webContents.session.permissionCheckHandler;
    expect(check).not.toBeNull();
    expect(check?.(window.webContents, 'media', 'app://liaison', {})).toBe(false);
    expect(check?.(null, 'clipboard-sanitized-write', 'app://liaison', {})).toBe(false);
  });
});
