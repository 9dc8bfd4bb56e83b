import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_METHODS, ipcContract, ipcEvents } from '../shared/ipc';
import { createFakeElectron, FakeBrowserWindow, type FakeDisplay, type FakeElectron, FakeNotification } from './fakeElectron';
import { CONTENT_SECURITY_POLICY } from './security';

const APP_PAGE = 'app://liaison/index.html';
const INQUIRY_ID = '01JDKX4Q7ZP3M8W2R5T9V6Y0BC';

let appPath: string;
let userData: string;

// main.ts runs on import, so each test mocks 'electron' afresh and imports a fresh copy.
async function startMain(
  options: { singleInstanceLock: boolean; isPackaged?: boolean; displays?: FakeDisplay[] } = { singleInstanceLock: true },
): Promise<FakeElectron> {
  vi.resetModules();
  const electron = createFakeElectron({ ...options, appPath, userData });
  vi.doMock('electron', () => electron);
  await import('./main');
  // Let the whenReady().then(...) chain run.
  await vi.waitFor(() => {
    if (options.singleInstanceLock) expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
  return electron;
}

function mainWindow(): FakeBrowserWindow {
  const window = FakeBrowserWindow.instances[0];
  if (window === undefined) throw new Error('main.ts opened no window');
  return window;
}

/** The menu template main installed, and the item with the given id. */
function menuItem(electron: FakeElectron, id: string): MenuItemConstructorOptions {
  const [template] = electron.Menu.buildFromTemplate.mock.calls[0] as [MenuItemConstructorOptions[]];
  const items = template.flatMap((top) => (Array.isArray(top.submenu) ? top.submenu : []));
  const item = items.find((i) => i.id === id);
  if (item === undefined) throw new Error(`no menu item ${id}`);
  return item;
}

beforeAll(async () => {
  appPath = await mkdtemp(path.join(tmpdir(), 'liaison-main-'));
  await mkdir(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Liaison Log</title>');
});

afterAll(async () => {
  await rm(appPath, { recursive: true, force: true });
});

let processListeners: { uncaught: number; rejection: number };

beforeEach(async () => {
  vi.doUnmock('electron');
  userData = await mkdtemp(path.join(tmpdir(), 'liaison-user-data-'));
  processListeners = {
    uncaught: process.listenerCount('uncaughtException'),
    rejection: process.listenerCount('unhandledRejection'),
  };
});

afterEach(async () => {
  // Each import of main.ts adds its process handlers; take them off again.
  for (const listener of process.listeners('uncaughtException').slice(processListeners.uncaught)) {
    process.off('uncaughtException', listener);
  }
  for (const listener of process.listeners('unhandledRejection').slice(processListeners.rejection)) {
    process.off('unhandledRejection', listener);
  }
  await rm(userData, { recursive: true, force: true });
});

describe('main.ts when another instance is already running', () => {
  it('asks for the single-instance lock, quits, and sets nothing else up', async () => {
    const electron = await startMain({ singleInstanceLock: false });
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.app.listeners.has('second-instance')).toBe(false);
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });
});

describe('main.ts as the first instance', () => {
  it('registers app:// as a privileged scheme and sandboxes every renderer before the app is ready', async () => {
    const electron = await startMain();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    const ready = electron.app.whenReady.mock.invocationCallOrder[0] ?? Number.NEGATIVE_INFINITY;
    expect(electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(ready);
    expect(electron.app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(ready);
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('never starts the crash reporter, so no memory dumps are written or sent', async () => {
    const electron = await startMain();
    expect(electron.crashReporter.start).not.toHaveBeenCalled();
  });

  it('serves dist/renderer over app:// with the CSP header', async () => {
    const electron = await startMain();
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://liaison/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('<!doctype html><title>Liaison Log</title>');
    expect((await handler(new Request('app://liaison/nope.js'))).status).toBe(404);
  });

  it('opens the window with the bundled preload, developer tools on only in development', async () => {
    await startMain();
    expect(mainWindow().options.webPreferences?.preload).toBe(path.join(appPath, 'dist', 'electron', 'preload.cjs'));
    expect(mainWindow().options.webPreferences?.sandbox).toBe(true);
    expect(mainWindow().options.webPreferences?.devTools).toBe(true);
    expect(mainWindow().loadURL).toHaveBeenCalledWith(APP_PAGE);
  });

  it('has no developer tools in an installed build', async () => {
    const electron = await startMain({ singleInstanceLock: true, isPackaged: true });
    expect(mainWindow().options.webPreferences?.devTools).toBe(false);
    const [template] = electron.Menu.buildFromTemplate.mock.calls[0] as [MenuItemConstructorOptions[]];
    expect(JSON.stringify(template)).not.toContain('toggleDevTools');
  });

  it('restores and focuses the window when a second instance starts', async () => {
    const electron = await startMain();
    mainWindow().isMinimized.mockReturnValue(true);
    electron.app.emit('second-instance');
    expect(mainWindow().restore).toHaveBeenCalledOnce();
    expect(mainWindow().focus).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('handles every contract channel: app info and copying text', async () => {
    const electron = await startMain();
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(IPC_METHODS.map((m) => ipcContract[m].channel).sort());

    await expect(electron.ipcMain.invoke(ipcContract.getAppInfo.channel, APP_PAGE)).resolves.toEqual({
      name: 'Liaison Log',
      version: '0.1.0',
      platform: 'desktop',
      os: process.platform,
    });
    await expect(electron.ipcMain.invoke(ipcContract.copyText.channel, APP_PAGE, { text: 'Case 2024-0117' })).resolves.toEqual({
      ok: true,
    });
    expect(electron.clipboard.writeText).toHaveBeenCalledExactlyOnceWith('Case 2024-0117');
  });
});

describe('the window remembers where it was', () => {
  it('opens at the bounds saved last time, maximised if it was', async () => {
    const saved = { version: 1, bounds: { x: 200, y: 100, width: 1400, height: 850 }, maximized: true };
    await writeFile(path.join(userData, 'window-state.json'), JSON.stringify(saved));
    await startMain();
    expect(mainWindow().options).toMatchObject(saved.bounds);
    mainWindow().emit('ready-to-show');
    expect(mainWindow().maximize).toHaveBeenCalledOnce();
  });

  it('saves its bounds to window-state.json in userData when it closes', async () => {
    await startMain();
    mainWindow().getNormalBounds.mockReturnValue({ x: 40, y: 30, width: 1100, height: 700 });
    mainWindow().emit('close');
    const saved = JSON.parse(await readFile(path.join(userData, 'window-state.json'), 'utf8')) as unknown;
    expect(saved).toEqual({ version: 1, bounds: { x: 40, y: 30, width: 1100, height: 700 }, maximized: false });
  });

  it('comes back on screen when the saved position is on a monitor that is gone', async () => {
    const saved = { version: 1, bounds: { x: 2500, y: 100, width: 1280, height: 800 }, maximized: false };
    await writeFile(path.join(userData, 'window-state.json'), JSON.stringify(saved));
    await startMain({ singleInstanceLock: true, displays: [{ workArea: { x: 0, y: 0, width: 1366, height: 728 } }] });
    expect(mainWindow().options).toMatchObject({ x: 43, y: 0, width: 1280, height: 728 });
  });
});

describe('the application menu', () => {
  it.each([
    ['new-inquiry', 'CmdOrCtrl+N'],
    ['find', 'CmdOrCtrl+F'],
    ['next-due', 'CmdOrCtrl+J'],
    ['go-to-log', 'CmdOrCtrl+Shift+L'],
  ] as const)('%s (%s) is sent to the page as a menu command', async (command, accelerator) => {
    const electron = await startMain();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    const item = menuItem(electron, command);
    expect(item.accelerator).toBe(accelerator);
    (item.click as () => void)();
    expect(mainWindow().webContents.sent).toEqual([{ channel: ipcEvents.menuCommand.channel, payload: { command } }]);
  });

  it('with no window open (macOS), opens one; New Inquiry opens it on the form', async () => {
    const electron = await startMain();
    mainWindow().emit('closed');
    (menuItem(electron, 'new-inquiry').click as () => void)();
    expect(FakeBrowserWindow.instances[1]?.loadURL).toHaveBeenCalledWith(`${APP_PAGE}#/new`);
    FakeBrowserWindow.instances[1]?.emit('closed');
    (menuItem(electron, 'find').click as () => void)();
    expect(FakeBrowserWindow.instances[2]?.loadURL).toHaveBeenCalledWith(APP_PAGE);
  });

  it('sends nothing to a page that is gone', async () => {
    const electron = await startMain();
    mainWindow().webContents.destroyed = true;
    (menuItem(electron, 'find').click as () => void)();
    expect(mainWindow().webContents.sent).toEqual([]);
  });
});

describe('the overdue badge', () => {
  it('shows the count the page reports (dock/launcher badge here; Windows uses the overlay)', async () => {
    const electron = await startMain();
    await expect(electron.ipcMain.invoke(ipcContract.setOverdueCount.channel, APP_PAGE, { count: 4 })).resolves.toEqual({ ok: true });
    if (process.platform === 'win32') {
      expect(mainWindow().setOverlayIcon).toHaveBeenLastCalledWith(expect.anything(), '4 inquiries overdue');
    } else {
      expect(electron.app.setBadgeCount).toHaveBeenLastCalledWith(4);
    }
  });

  it('refuses a count that is not a whole number of inquiries', async () => {
    const electron = await startMain();
    for (const count of [-1, 2.5, '3', Number.NaN]) {
      await expect(electron.ipcMain.invoke(ipcContract.setOverdueCount.channel, APP_PAGE, { count })).rejects.toThrow(/^invalid_payload/);
    }
    expect(electron.app.setBadgeCount).not.toHaveBeenCalled();
  });
});

describe('notifications', () => {
  const request = { inquiryId: INQUIRY_ID, caseNumber: '261123-K7QM2-004', due: 'first_contact', state: 'overdue' };

  it('shows the case number and what is due, and nothing else', async () => {
    const electron = await startMain();
    await expect(electron.ipcMain.invoke(ipcContract.showNotification.channel, APP_PAGE, request)).resolves.toEqual({ shown: true });
    const [notification] = FakeNotification.instances;
    expect(notification?.options).toMatchObject({
      title: 'Overdue: case 261123-K7QM2-004',
      body: 'First contact with the member is overdue. Click to open the inquiry.',
    });
    expect(notification?.show).toHaveBeenCalledOnce();
  });

  it('a click brings the window forward and asks the page to open the inquiry', async () => {
    const electron = await startMain();
    await electron.ipcMain.invoke(ipcContract.showNotification.channel, APP_PAGE, request);
    mainWindow().isMinimized.mockReturnValue(true);
    FakeNotification.instances[0]?.emit('click');
    expect(mainWindow().restore).toHaveBeenCalledOnce();
    expect(mainWindow().focus).toHaveBeenCalledOnce();
    expect(mainWindow().webContents.sent).toEqual([{ channel: ipcEvents.openInquiry.channel, payload: { inquiryId: INQUIRY_ID } }]);
  });

  it('a click after the window was closed opens a new one on the inquiry', async () => {
    const electron = await startMain();
    await electron.ipcMain.invoke(ipcContract.showNotification.channel, APP_PAGE, request);
    mainWindow().emit('closed');
    FakeNotification.instances[0]?.emit('click');
    expect(FakeBrowserWindow.instances).toHaveLength(2);
    expect(FakeBrowserWindow.instances[1]?.loadURL).toHaveBeenCalledWith(`${APP_PAGE}#/inquiry/${INQUIRY_ID}`);
  });

  it('answers shown: false where the system has no notifications', async () => {
    const electron = await startMain();
    FakeNotification.supported = false;
    await expect(electron.ipcMain.invoke(ipcContract.showNotification.channel, APP_PAGE, request)).resolves.toEqual({ shown: false });
    expect(FakeNotification.instances).toHaveLength(0);
  });

  it.each([
    ['a member name as the case number', { ...request, caseNumber: 'MARIA LOPEZ' }],
    ['free text as what is due', { ...request, due: 'Call Maria Lopez at 512-555-0147' }],
    ['an extra title', { ...request, title: 'Maria Lopez' }],
    ['an inquiry id that is not one', { ...request, inquiryId: '../../etc' }],
  ])('refuses %s, showing nothing and logging no member data', async (_case, bad) => {
    const electron = await startMain();
    await expect(electron.ipcMain.invoke(ipcContract.showNotification.channel, APP_PAGE, bad)).rejects.toThrow(/^invalid_payload/);
    expect(FakeNotification.instances).toHaveLength(0);
    const log = await readFile(path.join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/IPC showNotification refused: invalid_payload/);
    for (const text of ['Maria', 'Lopez', '555-0147']) expect(log).not.toContain(text);
  });
});

describe('the main log', () => {
  it('is main.log in the app logs folder, and says the app started', async () => {
    const electron = await startMain();
    expect(electron.app.setAppLogsPath).toHaveBeenCalledOnce();
    const log = await readFile(path.join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/\[info\] Liaison Log 0\.1\.0 started/);
  });

  it('logs a crashed page by its reason only', async () => {
    await startMain();
    mainWindow().webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 9 });
    const log = await readFile(path.join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/\[error\] The window’s page stopped \{"reason":"oom","exitCode":9\}/);
  });

  it('records an uncaught exception without member data and tells the person where the details are', async () => {
    // Installed, so the log is not echoed to the terminal: the test's made-up name stays out of CI output.
    const electron = await startMain({ singleInstanceLock: true, isPackaged: true });
    const handler = process.listeners('uncaughtException').at(-1) as (error: Error) => void;
    handler(new Error('Cannot read properties of undefined (member Maria Lopez, 1234567A)'));
    const log = await readFile(path.join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).toMatch(/\[error\] Uncaught exception in the main process/);
    expect(log).not.toContain('1234567A');
    const [title, body] = electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('Liaison Log hit an unexpected problem');
    expect(body).toContain(path.join(userData, 'logs', 'main.log'));
    expect(body).not.toContain('Maria');
  });
});
