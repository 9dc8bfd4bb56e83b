import type { BrowserWindowConstructorOptions, IpcMainInvokeEvent } from 'electron';
import { vi } from 'vitest';

/**
 * Test double for the parts of the 'electron' module main.ts and window.ts touch. The binary is
 * not installed where tests run, so tests hand this in (window.ts) or `vi.doMock('electron')`
 * with it (main.ts). Never imported by the app.
 */

type Listener = (...args: never[]) => unknown;

/** Records listeners by event name and lets a test fire them. */
export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => unknown)(...args);
  }
}

export type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
export type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
export type WindowOpenHandler = (details: { url: string }) => { action: string };

export type BeforeRequestListener = (details: { url: string }, callback: (response: { cancel?: boolean }) => void) => void;

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  readonly webRequest = {
    beforeRequest: null as { filter: { urls: string[] }; listener: BeforeRequestListener } | null,
    onBeforeRequest: (filter: { urls: string[] }, listener: BeforeRequestListener): void => {
      this.webRequest.beforeRequest = { filter, listener };
    },
  };

  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void {
    this.devicePermissionHandler = handler;
  }

  setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
    this.permissionRequestHandler = handler;
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
    this.permissionCheckHandler = handler;
  }
}

export class FakeWebContents extends FakeEmitter {
  readonly session = new FakeSession();
  windowOpenHandler: WindowOpenHandler | null = null;
  /** What main sent to the page, in order. */
  readonly sent: { channel: string; payload: unknown }[] = [];
  destroyed = false;

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

/** A navigation-style event as Electron passes it: the target URL plus preventDefault. */
export function fakeNavigationEvent(url: string): { url: string; preventDefault: ReturnType<typeof vi.fn> } {
  return { url, preventDefault: vi.fn() };
}

export class FakeBrowserWindow extends FakeEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly show = vi.fn();
  readonly restore = vi.fn();
  readonly focus = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  readonly isVisible = vi.fn(() => true);
  readonly isMaximized = vi.fn(() => false);
  readonly maximize = vi.fn();
  readonly setOverlayIcon = vi.fn();
  readonly getNormalBounds = vi.fn(() => ({ x: 0, y: 0, width: 1280, height: 800 }));
  readonly loadURL = vi.fn(async (_url: string): Promise<void> => {});

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

export type IpcListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** Records `handle` registrations; `invoke` calls one as the renderer would, from a given page URL. */
export class FakeIpcMain {
  readonly handlers = new Map<string, IpcListener>();

  handle(channel: string, listener: IpcListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  async invoke(channel: string, senderUrl: string | null, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (listener === undefined) throw new Error(`No handler registered for '${channel}'`);
    return listener(fakeInvokeEvent(senderUrl), ...args);
  }
}

/** An invoke event whose sender frame shows `url` (null: the frame is gone). */
export function fakeInvokeEvent(url: string | null): IpcMainInvokeEvent {
  return { senderFrame: url === null ? null : { url } } as unknown as IpcMainInvokeEvent;
}

/** Electron's Notification: records what was shown; a test fires 'click' on an instance. */
export class FakeNotification extends FakeEmitter {
  static readonly instances: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  readonly show = vi.fn();

  constructor(readonly options: { title?: string; body?: string }) {
    super();
    FakeNotification.instances.push(this);
  }
}

export interface FakeDisplay {
  workArea: { x: number; y: number; width: number; height: number };
}

/** A fresh fake 'electron' main-process module. */
export function createFakeElectron(options: {
  singleInstanceLock: boolean;
  appPath?: string;
  userData?: string;
  isPackaged?: boolean;
  displays?: FakeDisplay[];
}) {
  const userData = options.userData ?? '/tmp/liaison-log-fake-user-data';
  const displays = options.displays ?? [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
  const app = Object.assign(new FakeEmitter(), {
    requestSingleInstanceLock: vi.fn(() => options.singleInstanceLock),
    quit: vi.fn(),
    exit: vi.fn(),
    isReady: vi.fn(() => true),
    whenReady: vi.fn(async (): Promise<void> => {}),
    getName: vi.fn(() => 'Liaison Log'),
    getVersion: vi.fn(() => '0.1.0'),
    getAppPath: vi.fn(() => options.appPath ?? '/opt/liaison-log'),
    getPath: vi.fn((name: string) => (name === 'logs' ? `${userData}/logs` : userData)),
    setAppLogsPath: vi.fn(),
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    setBadgeCount: vi.fn(() => true),
    isPackaged: options.isPackaged ?? false,
  });
  FakeBrowserWindow.instances.length = 0;
  FakeNotification.instances.length = 0;
  FakeNotification.supported = true;
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    Notification: FakeNotification,
    ipcMain: new FakeIpcMain(),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    clipboard: { writeText: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn(async () => ({ canceled: true, filePaths: [] })) },
    // The OS key store (sync keeps the share's key with it): unavailable here, so nothing is written.
    safeStorage: { isEncryptionAvailable: vi.fn(() => false), encryptString: vi.fn(), decryptString: vi.fn() },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    nativeImage: {
      createFromBitmap: vi.fn((buffer: Buffer, size: { width: number; height: number; scaleFactor?: number }) => ({ buffer, size })),
    },
    screen: {
      getAllDisplays: vi.fn(() => displays),
      getPrimaryDisplay: vi.fn(() => displays[0]),
    },
    crashReporter: { start: vi.fn() },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
