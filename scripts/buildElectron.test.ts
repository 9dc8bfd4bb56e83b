import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
let outDir: string;

/** Every module a CommonJS bundle still loads at run time. */
function requiredModules(source: string): string[] {
  return [...new Set([...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? ''))].sort();
}

// Runs the real build script into a temp folder, then reads what it wrote.
beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'liaison-build-electron-'));
  await run(process.execPath, [path.join(repoRoot, 'scripts', 'build-electron.mjs'), '--outdir', outDir], { cwd: repoRoot });
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

describe('scripts/build-electron.mjs', () => {
  it('writes main.cjs and preload.cjs with source maps', async () => {
    expect((await readdir(outDir)).sort()).toEqual(['main.cjs', 'main.cjs.map', 'preload.cjs', 'preload.cjs.map']);
  });

  it('bundles the preload into one file that requires only electron, as a sandboxed preload must', async () => {
    const preload = await readFile(path.join(outDir, 'preload.cjs'), 'utf8');
    expect(requiredModules(preload)).toEqual(['electron']);
    expect(preload).toContain('exposeInMainWorld("liaison"');
  });

  it('bundles main with electron left external and only Node built-ins besides', async () => {
    const main = await readFile(path.join(outDir, 'main.cjs'), 'utf8');
    const required = requiredModules(main);
    expect(required).toContain('electron');
    expect(required.filter((m) => m !== 'electron' && !m.startsWith('node:'))).toEqual([]);
  });
});
