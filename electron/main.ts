import path from 'node:path';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  Notification,
  nativeImage,
  protocol,
  safeStorage,
  screen,
  shell,
} from 'electron';
import { APP_ID } from './appIdentity';
import { createNotifier, overdueOverlayBitmap, sendToRenderer, showOverdueCount } from './desktop';
import { type IpcHandlers, isAppSender, registerIpcHandlers } from './ipc';
import { leadsFileHandlers } from './leadsFiles';
import { log, logToFile } from './log';
import { openMailto } from './mailto';
import { buildMenuTemplate } from './menu';
import { createAppProtocolHandler } from './protocol';
import { APP_SCHEME } from './security';
import { createSyncHandlers } from './sync/syncMain';
import { createMainWindow } from './window';
import { readWindowState, restoreWindowState, trackWindowState, WINDOW_STATE_FILE, writeWindowState } from './windowState';

/**
 * The main process, kept to wiring: the policy lives in security.ts, protocol.ts, ipc.ts,
 * window.ts, windowState.ts, menu.ts and desktop.ts, which are tested without the Electron binary.
 *
 * Crash reporting: `crashReporter.start()` is never called, so Electron writes no minidumps
 * (which hold raw memory, and so member data) and uploads nothing. Errors in this process go to
 * the redacting log (log.ts) instead.
 */

// Must happen before 'ready'. `standard` gives app:// real origins and relative URLs, `secure`
// makes it a secure context (IndexedDB, crypto.subtle), `supportFetchAPI` lets the page fetch its files.
// codeCache: V8 keeps the compiled app between starts (by default only http(s) pages get that),
// which takes most of the script parsing out of every start after the first.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
// Every renderer is sandboxed, whatever a webPreferences object might say.
app.enableSandbox();
// Windows ties notifications and the taskbar button to this id; it matches the installer's appId.
if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

const logFile = startLogFile();

process.on('uncaughtException', (error) => {
  log.error('Uncaught exception in the main process', { error });
  dialog.showErrorBox(
    'Liaison Log hit an unexpected problem',
    `Your work is saved as you go. If something looks wrong, close and reopen Liaison Log. ` +
      `Details for IT support (without member data) are in ${logFile ?? 'the terminal'}.`,
  );
});
process.on('unhandledRejection', (reason) => {
  log.error('Unhandled promise rejection in the main process', { error: reason });
});

let mainWindow: BrowserWindow | null = null;

const notifier = createNotifier({
  isSupported: () => Notification.isSupported(),
  create: (options) => new Notification(options),
  openInquiry: (inquiryId) => {
    if (mainWindow === null) {
      openWindow(`#/inquiry/${inquiryId}`);
      return;
    }
    bringForward(mainWindow);
    sendToRenderer(mainWindow.webContents, 'openInquiry', { inquiryId });
  },
});

let overdueCount = 0;

function showBadge(): void {
  const window = mainWindow;
  showOverdueCount(
    {
      platform: process.platform,
      setBadgeCount: (count) => app.setBadgeCount(count),
      setOverlayIcon: window === null ? null : (image, description) => window.setOverlayIcon(image, description),
      overlayImage: () => nativeImage.createFromBitmap(overdueOverlayBitmap(32), { width: 32, height: 32, scaleFactor: 2 }),
    },
    overdueCount,
  );
}

const handlers: IpcHandlers = {
  getAppInfo: async () => ({ name: app.getName(), version: app.getVersion(), platform: 'desktop', os: process.platform }),
  copyText: async ({ text }) => {
    clipboard.writeText(text);
    return { ok: true };
  },
  // Only mailto:, written in main from the validated fields (mailto.ts).
  openMailto: (request) => openMailto(shell, request),
  setOverdueCount: async ({ count }) => {
    overdueCount = count;
    showBadge();
    return { ok: true };
  },
  showNotification: async (request) => ({ shown: notifier.show(request) }),
  // Exports through the native Save dialog; the report printed to PDF (leadsFiles.ts).
  ...leadsFileHandlers({
    showSaveDialog: (win, options) => (win ? dialog.showSaveDialog(win, options) : dialog.showSaveDialog(options)),
    window: () => mainWindow,
    documentsDir: () => app.getPath('documents'),
  }),
  // Sync through a network folder: the folder is chosen in main's own picker, the key kept with safeStorage (sync/syncMain.ts).
  ...createSyncHandlers({
    userDataDir: () => app.getPath('userData'),
    pickFolder: async () => {
      const options = { title: 'Choose the sync folder', properties: ['openDirectory' as const, 'createDirectory' as const] };
      const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    safeStorage,
  }),
};

/** The redacting log goes to <logs>/main.log (also echoed to the terminal in development). */
function startLogFile(): string | null {
  try {
    app.setAppLogsPath();
    const file = path.join(app.getPath('logs'), 'main.log');
    logToFile(file, { echo: !app.isPackaged });
    return file;
  } catch (error) {
    log.warn('Could not open the log file; logging to the console only', { error });
    return null;
  }
}

function bringForward(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}

function openWindow(hash?: string): void {
  const stateFile = path.join(app.getPath('userData'), WINDOW_STATE_FILE);
  const state = restoreWindowState(readWindowState(stateFile), screen.getAllDisplays(), screen.getPrimaryDisplay());
  // app.getAppPath() is the folder holding package.json: the repo when run with `electron .`.
  const window = createMainWindow({ BrowserWindow }, path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'), {
    bounds: state.bounds,
    maximized: state.maximized,
    devTools: !app.isPackaged,
    ...(hash === undefined ? {} : { hash }),
  });
  mainWindow = window;
  trackWindowState(window, (next) => {
    try {
      writeWindowState(stateFile, next);
    } catch (error) {
      log.warn('Could not save the window size and position', { error });
    }
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    log.error('The window’s page stopped', { reason: details.reason, exitCode: details.exitCode });
  });
  window.once('ready-to-show', showBadge);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
}

// One instance only: two would write the same local database from two windows.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) {
      if (app.isReady()) openWindow();
      return;
    }
    bringForward(mainWindow);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (mainWindow === null && app.isReady()) openWindow();
  });

  app
    .whenReady()
    .then(() => {
      protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(app.getAppPath(), 'dist', 'renderer')));
      registerIpcHandlers(ipcMain, handlers, isAppSender);
      Menu.setApplicationMenu(
        Menu.buildFromTemplate(
          buildMenuTemplate({
            platform: process.platform,
            isPackaged: app.isPackaged,
            appName: app.getName(),
            send: (command) => {
              // macOS keeps the menu with no window open: open one, on the new-inquiry form if asked.
              if (mainWindow === null) openWindow(command === 'new-inquiry' ? '#/new' : undefined);
              else sendToRenderer(mainWindow.webContents, 'menuCommand', { command });
            },
          }),
        ),
      );
      openWindow();
      log.info(`Liaison Log ${app.getVersion()} started`, { platform: process.platform, packaged: app.isPackaged });
    })
    .catch((error: unknown) => {
      log.error('Liaison Log could not start', { error });
      dialog.showErrorBox(
        'Liaison Log could not start',
        `Reinstall the app, or send the log file to IT support${logFile === null ? '' : ` (${logFile})`}.`,
      );
      app.exit(1);
    });
}
