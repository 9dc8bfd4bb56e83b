import { readFile } from 'node:fs/promises';
import { log } from './log';
import { CONTENT_SECURITY_POLICY, mimeTypeOf, resolveAppAsset } from './security';

/**
 * The app:// protocol handler: serves the built renderer from `rootDir` with the CSP on every
 * response. Plain fetch-API Request/Response, so it is tested against a real temp folder without
 * Electron; main.ts hands it to `protocol.handle('app', ...)`.
 */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, `Method ${request.method} is not allowed: the app serves its files read-only.`);
    }
    const file = resolveAppAsset(rootDir, request.url);
    if (file === null) return textResponse(404, 'Not found: that address is not a file of this app.');

    let body: Buffer;
    try {
      body = await readFile(file);
    } catch (error) {
      if (isMissingFile(error)) return textResponse(404, 'Not found: that file is not part of this build.');
      // Anything else (permissions, disk) is a broken install a person must know about.
      log.error(`Liaison Log could not read its own file ${file}`, { error });
      return textResponse(500, 'The app could not read one of its own files; reinstall Liaison Log.');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: securityHeaders(mimeTypeOf(file)),
    });
  };
}

function securityHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // The files are the installed build; a new version replaces them, so never serve stale ones.
    'Cache-Control': 'no-cache',
  });
}

function textResponse(status: number, message: string): Response {
  return new Response(message, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

function isMissingFile(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}
