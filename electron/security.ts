import path from 'node:path';
// Type-only: erased at build time, so this module stays plain Node (vite.config.ts imports it too).
import type { WebPreferences } from 'electron';

/**
 * The desktop app's security policy as plain functions and constants, testable without the
 * Electron binary. main.ts and window.ts are the thin adapters that apply them.
 */

/** The renderer is served from its own privileged scheme, never from file:// or http://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'liaison';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Sent as a header on every app:// response. Everything comes from the app itself; no inline
 * script or style, no plugins, no framing, no form posts, no remote connections.
 *
 * Electronegativity grades this with one LOW note ("script-src 'self' can be problematic if you
 * host JSONP, Angular or user uploaded files"): accepted, because 'self' here is app://liaison,
 * which serves only the built renderer read-only from the installed package (protocol.ts), with
 * no JSONP, no Angular and no uploaded files. See ACCEPTED_LOW_FINDINGS in electronegativity.test.ts.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The renderer is untrusted: it shows member data but gets no Node, no Electron internals and
 * only the named functions the sandboxed preload exposes (STYLE.md item 6).
 */
export function secureWebPreferences(preloadPath: string, options: { devTools: boolean } = { devTools: false }): WebPreferences {
  return {
    preload: preloadPath,
    // Installed builds cannot open developer tools (main passes devTools only when unpackaged).
    devTools: options.devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Spellcheck would send typed member details to the OS dictionary service.
    spellcheck: false,
  };
}

/** Every URL a remote host could answer: the session cancels these before they leave the machine. */
export const REMOTE_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'] as const;

/** True only for a well-formed URL on the app's own origin (app://liaison, no port or credentials). */
export function isAppUrl(url: string | undefined): boolean {
  if (url === undefined) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** The window may navigate only within the app; everything else (https, file, javascript:) is refused. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

// A `..` path segment, literal or percent-encoded (`%2e%2e`, `.%2e`), after a slash or backslash.
const DOT_DOT_SEGMENT = /(^|[/\\])(\.|%2e)(\.|%2e)([/\\?#]|$)/i;

/**
 * Maps `app://liaison/<path>` to a file under `rootDir` (the built renderer), `/` to index.html.
 * Returns null for anything that is not a plain relative path inside rootDir: other schemes or
 * hosts, `..` segments (also percent-encoded), backslashes, drive letters, NUL bytes, empty
 * segments, or text that is not valid percent-encoding. Existence is the caller's concern.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  // Checked on the raw text too: the URL parser silently collapses `..` and drops tabs and
  // newlines, and a request that tries either is refused rather than quietly reinterpreted.
  if (requestUrl !== APP_ORIGIN && !requestUrl.startsWith(`${APP_ORIGIN}/`)) return null;
  if (DOT_DOT_SEGMENT.test(requestUrl) || /[\s\\]/.test(requestUrl)) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.slice(1);
  const segments = relative.split('/');
  const unsafeSegment = segments.some(
    (s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes(':') || s.includes('\0'),
  );
  if (unsafeSegment) return null;

  const root = path.resolve(rootDir);
  const file = path.resolve(root, ...segments);
  // Belt and braces: whatever the checks above missed, never answer outside rootDir.
  const fromRoot = path.relative(root, file);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return file;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** The Content-Type for a built asset; unknown extensions are opaque bytes (sent with nosniff). */
export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
