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
