import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { log } from './log';
import { APP_ENTRY_URL, isAllowedNavigation, REMOTE_URL_PATTERNS, secureWebPreferences } from './security';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE, type Rect } from './windowState';

/** The Electron constructor the window needs, passed in so tests can hand in a fake. */
export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
}

/** Painted before the first frame so the window does not flash a different colour while loading. */
export const WINDOW_BACKGROUND = '#ffffff';

/** Where and how the window opens; main.ts fills these from the saved window state. */
export interface WindowOptions {
  /** Saved or default bounds (electron/windowState.ts); 1280x800 at the system's choice of place if absent. */
  bounds?: Rect;
  maximized?: boolean;
  /** Developer tools: on only in development (`!app.isPackaged`); off by default. */
  devTools?: boolean;
  /** A route to open on, e.g. `#/inquiry/<id>` after a notification click with no window open. */
  hash?: string;
}

/**
 * Creates the one app window: secure web preferences, every way out of the app closed, shown
 * once its first frame is ready, loading app://liaison/index.html.
 */
export function createMainWindow(deps: WindowDeps, preloadPath: string, options: WindowOptions = {}): BrowserWindow {
  const window = new deps.BrowserWindow({
    ...(options.bounds ?? DEFAULT_WINDOW_SIZE),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Liaison Log',
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: secureWebPreferences(preloadPath, { devTools: options.devTools ?? false }),
  });
  lockDownWebContents(window.webContents);
  lockDownSession(window.webContents.session);
  window.once('ready-to-show', () => {
    // Maximised here, not before: maximize() on a hidden window would show it before its first frame.
    if (options.maximized) window.maximize();
    window.show();
  });

  const url = options.hash && /^#\/[\w/-]*$/.test(options.hash) ? `${APP_ENTRY_URL}${options.hash}` : APP_ENTRY_URL;
  window.loadURL(url).catch((error: unknown) => {
    // The window stays blank, so say what failed and where.
    log.error(`Liaison Log could not load its interface from ${APP_ENTRY_URL}; was \`npm run build\` run?`, { error });
  });
  return window;
}

/** The page can neither leave the app, nor open windows, nor embed a <webview>. */
export function lockDownWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * No camera, microphone, location, notifications (main shows those), USB/HID/serial devices or
 * anything else: the page needs no permission. And no request to any remote host ever leaves the
 * window's session, whatever the page tries (the CSP says the same; this holds even if it were bypassed).
 */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest({ urls: [...REMOTE_URL_PATTERNS] }, (_details, callback) => callback({ cancel: true }));
}
