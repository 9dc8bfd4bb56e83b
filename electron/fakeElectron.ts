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

export class FakeSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;

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

/** A fresh fake 'electron' main-process module. */
export function createFakeElectron(options: { singleInstanceLock: boolean; appPath?: string }) {
  const app = Object.assign(new FakeEmitter(), {
    requestSingleInstanceLock: vi.fn(() => options.singleInstanceLock),
    quit: vi.fn(),
    exit: vi.fn(),
    isReady: vi.fn(() => true),
    whenReady: vi.fn(async (): Promise<void> => {}),
    getName: vi.fn(() => 'Liaison Log'),
    getVersion: vi.fn(() => '0.1.0'),
    getAppPath: vi.fn(() => options.appPath ?? '/opt/liaison-log'),
  });
  FakeBrowserWindow.instances.length = 0;
  return {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: new FakeIpcMain(),
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    clipboard: { writeText: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
