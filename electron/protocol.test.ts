import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from './protocol';
import { CONTENT_SECURITY_POLICY } from './security';

// A real built-renderer folder on disk, with a secret file beside it that must never be served.
let installDir: string;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  installDir = await mkdtemp(path.join(tmpdir(), 'liaison-protocol-'));
  const root = path.join(installDir, 'renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Liaison Log</title>');
  await writeFile(path.join(root, 'assets', 'index-B1x2.js'), 'console.log("log");');
  await writeFile(path.join(root, 'assets', 'index-B1x2.css'), 'body{}');
  await writeFile(path.join(installDir, 'secret.txt'), 'member SSN 000-00-0000');
  serve = createAppProtocolHandler(root);
});

afterAll(async () => {
  await rm(installDir, { recursive: true, force: true });
});

describe('the app:// protocol handler', () => {
  it('serves index.html for the root with the CSP header and an HTML content type', async () => {
    const response = await serve(new Request('app://liaison/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toBe('<!doctype html><title>Liaison Log</title>');
  });

  it.each([
    ['app://liaison/assets/index-B1x2.js', 'text/javascript; charset=utf-8'],
    ['app://liaison/assets/index-B1x2.css', 'text/css; charset=utf-8'],
  ])('serves %s as %s with the CSP header', async (url, type) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    'app://liaison/missing.js',
    'app://liaison/assets',
    'app://liaison/..%2fsecret.txt',
    'app://liaison/%2e%2e/secret.txt',
    'app://evil/index.html',
  ])('answers 404, still with the CSP header, for %s', async (url) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).not.toContain('SSN');
  });

  it('answers HEAD with headers and no body', async () => {
    const response = await serve(new Request('app://liaison/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it('refuses to accept writes', async () => {
    const response = await serve(new Request('app://liaison/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
    expect(await response.text()).toBe('Method POST is not allowed: the app serves its files read-only.');
  });
});
