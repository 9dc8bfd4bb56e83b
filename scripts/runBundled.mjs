// Bundles a TypeScript entry (importing shared/ and renderer/data/) with esbuild into .tmp/<name>/ and
// runs it in Node with room for a million events, passing this process's arguments on. The bench
// scripts are each one call of it.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

/** Builds `entry` (relative to the repo) and runs it; exits with its status. */
export async function runBundled(entry, name) {
  const root = resolve(import.meta.dirname, '..');
  const dir = resolve(root, '.tmp', name);
  const out = resolve(dir, 'run.mjs');
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [resolve(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    packages: 'external',
    logLevel: 'warning',
  });
  const run = spawnSync(process.execPath, ['--max-old-space-size=8192', out, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

/**
 * Bundles the named exports of the repo's TypeScript modules (`[file, 'a, b' | '*']`) into one module in a
 * temp folder and imports it: for the benches that time shared/ code in this process.
 */
export async function importBundled(name, exports) {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { pathToFileURL } = await import('node:url');
  const root = resolve(import.meta.dirname, '..');
  const dir = mkdtempSync(resolve(tmpdir(), `${name}-`));
  const outfile = resolve(dir, 'bundle.mjs');
  try {
    await build({
      stdin: {
        contents: exports
          .map(([file, names]) => `export ${names === '*' ? '*' : `{ ${names} }`} from ${JSON.stringify(resolve(root, file))};`)
          .join('\n'),
        resolveDir: root,
        sourcefile: 'entry.ts',
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile,
      logLevel: 'error',
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A small seeded PRNG (mulberry32), so runs are comparable. */
export function seededRandom(seed) {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
