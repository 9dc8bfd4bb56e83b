import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  isAllowedNavigation,
  mimeTypeOf,
  REMOTE_URL_PATTERNS,
  resolveAppAsset,
  secureWebPreferences,
} from './security';

const root = path.resolve('/srv/liaison/dist/renderer');

describe('secureWebPreferences', () => {
  it('isolates and sandboxes the renderer and turns off every Node and webview door', () => {
    expect(secureWebPreferences('/opt/liaison/dist/electron/preload.cjs')).toEqual({
      preload: '/opt/liaison/dist/electron/preload.cjs',
      devTools: false,
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
      spellcheck: false,
    });
  });
});

describe('secureWebPreferences in development', () => {
  it('turns developer tools on only when asked, changing nothing else', () => {
    const installed = secureWebPreferences('/p.cjs');
    const development = secureWebPreferences('/p.cjs', { devTools: true });
    expect(development).toEqual({ ...installed, devTools: true });
  });
});

describe('REMOTE_URL_PATTERNS', () => {
  it('covers every scheme a remote host answers on', () => {
    expect([...REMOTE_URL_PATTERNS]).toEqual(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*']);
  });
});

describe('CONTENT_SECURITY_POLICY, directive by directive', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name ?? '', sources] as const;
    }),
  );

  it('has no inline script or style, no eval, no wildcard and no remote origin anywhere', () => {
    for (const [name, sources] of directives) {
      for (const source of sources) {
        expect(["'self'", "'none'", 'data:'], `${name} allows ${source}`).toContain(source);
      }
    }
  });

  it('allows data: for images only', () => {
    for (const [name, sources] of directives) if (name !== 'img-src') expect(sources).not.toContain('data:');
  });

  it('sets every directive that does not fall back to default-src', () => {
    for (const name of ['default-src', 'script-src', 'object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(directives.has(name), name).toBe(true);
    }
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows only the app itself, data: images, and no framing, forms or plugins', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
});

describe('isAllowedNavigation', () => {
  it.each(['app://liaison/index.html', 'app://liaison/', 'app://liaison/index.html#/log?desk=2'])('allows the app page %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://liaison/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://evil/index.html',
    'app://liaison.evil.example/',
    'app://liaison:8080/index.html',
    'app://user@liaison/index.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('resolveAppAsset', () => {
  it.each([
    ['app://liaison/', 'index.html'],
    ['app://liaison', 'index.html'],
    ['app://liaison/index.html', 'index.html'],
    ['app://liaison/assets/index-B1x2.js', 'assets/index-B1x2.js'],
    ['app://liaison/assets/index-B1x2.js?v=1#top', 'assets/index-B1x2.js'],
    ['app://liaison/assets/agency%20logo.png', 'assets/agency logo.png'],
    // A doubly encoded `..` decodes once to a literal folder name, which stays inside the root.
    ['app://liaison/%252e%252e/index.html', '%2e%2e/index.html'],
  ])('maps %s to <root>/%s', (url, relative) => {
    expect(resolveAppAsset(root, url)).toBe(path.join(root, ...relative.split('/')));
  });

  it.each([
    ['literal ..', 'app://liaison/../etc/passwd'],
    ['.. after a folder', 'app://liaison/assets/../../secret.txt'],
    ['encoded ..', 'app://liaison/%2e%2e/secret.txt'],
    ['mixed-case encoded ..', 'app://liaison/%2E%2e/secret.txt'],
    ['half-encoded ..', 'app://liaison/.%2e/secret.txt'],
    ['.. with an encoded slash', 'app://liaison/..%2f..%2fetc%2fpasswd'],
    ['a trailing ..', 'app://liaison/assets/..'],
    ['backslashes', 'app://liaison/..\\..\\secret.txt'],
    ['encoded backslashes', 'app://liaison/assets%5c..%5c..%5csecret.txt'],
    ['an absolute path', 'app://liaison//etc/passwd'],
    ['an encoded absolute path', 'app://liaison/%2Fetc%2Fpasswd'],
    ['a drive letter', 'app://liaison/C:/Windows/win.ini'],
    ['a NUL byte', 'app://liaison/index.html%00.png'],
    ['a tab inside ..', 'app://liaison/.\t./secret.txt'],
    ['broken percent-encoding', 'app://liaison/%E0%A4%A'],
    ['a folder (trailing slash)', 'app://liaison/assets/'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'https://liaison/index.html'],
    ['a file URL', 'file:///srv/liaison/dist/renderer/index.html'],
    ['a port', 'app://liaison:8080/index.html'],
    ['leading whitespace', ' app://liaison/index.html'],
  ])('refuses %s', (_case, url) => {
    expect(resolveAppAsset(root, url)).toBeNull();
  });
});

describe('mimeTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-B1x2.js', 'text/javascript; charset=utf-8'],
    ['assets/index-B1x2.css', 'text/css; charset=utf-8'],
    ['assets/index-B1x2.js.map', 'application/json; charset=utf-8'],
    ['favicon.svg', 'image/svg+xml'],
    ['LOGO.PNG', 'image/png'],
    ['assets/inter.woff2', 'font/woff2'],
    ['README', 'application/octet-stream'],
  ])('%s is served as %s', (file, type) => {
    expect(mimeTypeOf(file)).toBe(type);
  });
});
