import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_METHODS, ipcContract } from '../shared/ipc';
import { createFakeElectron, FakeBrowserWindow, type FakeElectron } from './fakeElectron';
import { CONTENT_SECURITY_POLICY } from './security';

// main.ts runs on import, so each test mocks 'electron' afresh and imports a fresh copy.
async function startMain(options: { singleInstanceLock: boolean; appPath?: string }): Promise<FakeElectron> {
  vi.resetModules();
  const electron = createFakeElectron(options);
  vi.doMock('electron', () => electron);
  await import('./main');
  // Let the whenReady().then(...) chain run.
  await vi.waitFor(() => {
    if (options.singleInstanceLock) expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
  return electron;
}

let appPath: string;

beforeAll(async () => {
  appPath = await mkdtemp(path.join(tmpdir(), 'liaison-main-'));
  await mkdir(path.join(appPath, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(appPath, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Liaison Log</title>');
});

afterAll(async () => {
  await rm(appPath, { recursive: true, force: true });
});

beforeEach(() => {
  vi.doUnmock('electron');
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
  it('registers app:// as a privileged scheme before the app is ready', async () => {
    const electron = await startMain({ singleInstanceLock: true, appPath });
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const registered = electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0] ?? Number.POSITIVE_INFINITY;
    const ready = electron.app.whenReady.mock.invocationCallOrder[0] ?? Number.NEGATIVE_INFINITY;
    expect(registered).toBeLessThan(ready);
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('serves dist/renderer over app:// with the CSP header', async () => {
    const electron = await startMain({ singleInstanceLock: true, appPath });
    const [scheme, handler] = electron.protocol.handle.mock.calls[0] as [string, (request: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://liaison/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('<!doctype html><title>Liaison Log</title>');
    expect((await handler(new Request('app://liaison/nope.js'))).status).toBe(404);
  });

  it('opens the window with the bundled preload and loads the app', async () => {
    await startMain({ singleInstanceLock: true, appPath });
    const window = FakeBrowserWindow.instances[0];
    expect(window?.options.webPreferences?.preload).toBe(path.join(appPath, 'dist', 'electron', 'preload.cjs'));
    expect(window?.options.webPreferences?.sandbox).toBe(true);
    expect(window?.loadURL).toHaveBeenCalledWith('app://liaison/index.html');
  });

  it('restores and focuses the window when a second instance starts', async () => {
    const electron = await startMain({ singleInstanceLock: true, appPath });
    const window = FakeBrowserWindow.instances[0];
    window?.isMinimized.mockReturnValue(true);
    electron.app.emit('second-instance');
    expect(window?.restore).toHaveBeenCalledOnce();
    expect(window?.focus).toHaveBeenCalledOnce();
  });

  it('handles every contract channel: app info and copying text', async () => {
    const electron = await startMain({ singleInstanceLock: true, appPath });
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(IPC_METHODS.map((m) => ipcContract[m].channel).sort());

    await expect(electron.ipcMain.invoke(ipcContract.getAppInfo.channel, 'app://liaison/index.html')).resolves.toEqual({
      name: 'Liaison Log',
      version: '0.1.0',
      platform: 'desktop',
      os: process.platform,
    });
    await expect(
      electron.ipcMain.invoke(ipcContract.copyText.channel, 'app://liaison/index.html', { text: 'Case 2024-0117' }),
    ).resolves.toEqual({
      ok: true,
    });
    expect(electron.clipboard.writeText).toHaveBeenCalledExactlyOnceWith('Case 2024-0117');
  });
});
