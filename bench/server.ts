import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/**
 * Serves the renderer build at `/` and the bench page and data chunks at `/__bench/`, on one
 * loopback origin, so the bench page opens the same IndexedDB as the app.
 */
export async function serveBench(rendererRoot: string, benchRoot: string, port: number): Promise<{ url: string; close(): Promise<void> }> {
  const roots: [string, string][] = [
    ['/__bench/', resolve(benchRoot)],
    ['/', resolve(rendererRoot)],
  ];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const [prefix, base] = roots.find(([p]) => path.startsWith(p)) as [string, string];
    const rest = path.slice(prefix.length);
    const file = normalize(join(base, rest === '' ? 'index.html' : rest));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', (e) =>
      fail(
        new Error(
          `The bench needs port ${port} on 127.0.0.1 (IndexedDB is kept per origin, so the port must not change between runs): ${e.message}. Free it, or pass --port.`,
        ),
      ),
    );
    server.listen(port, '127.0.0.1', ok);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
