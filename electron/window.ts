import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { APP_ENTRY_URL, isAllowedNavigation, secureWebPreferences } from './security';

/** The Electron constructor the window needs, passed in so tests can hand in a fake. */
export interface WindowDeps {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => BrowserWindow;
}

/** Painted before the first frame so the window does not flash a different colour while loading. */
export const WINDOW_BACKGROUND = '#ffffff';

/**
 * Creates the one app window: secure web preferences, every way out of the app closed, shown
 * once its first frame is ready, loading app://liaison/index.html.
 */
export function createMainWindow(deps: WindowDeps, preloadPath: string): BrowserWindow {
  const window = new deps.BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Liaison Log',
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: secureWebPreferences(preloadPath),
  });
  lockDownWebContents(window.webContents);
  lockDownSession(window.webContents.session);
  window.once('ready-to-show', () => window.show());

  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    // Shown in the terminal or log; the window stays blank, so say what failed and where.
    console.error(`Liaison Log could not load its interface from ${APP_ENTRY_URL}; was \`npm run build\` run?`, error);
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

/** No camera, microphone, location, notifications or anything else: the app needs no permission. */
export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
