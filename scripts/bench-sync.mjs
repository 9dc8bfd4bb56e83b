// Sync benchmark: prints figures, asserts nothing (docs/sync.md "Figures").
// `node scripts/bench-sync.mjs [--inquiries 100000] [--remote 10000] [--batch 20000] [--history 100000]
//   [--no-browser] [--node-apply] [--apply-only] [--profile] [--smb <mounted share folder>] [--smb-server]`
// --profile: samples the page while it applies the remote events (own time and with callees, by function).
// --join: a new desk joining from a snapshot of --inquiries inquiries of the bench's data set (bench/data/generate.ts,
//   about ten events an inquiry): newest inquiry listed, whole log listed, every event in (Chromium).
// --apply-only: only the figure of 10,000 remote events applied to a large desk, and its bulkAdd floor (Chromium).
// Bundles test/sync/bench.ts (the Node driver: fs folder) and test/sync/benchPage.ts (the same work in
// Chromium on real IndexedDB) with esbuild into .tmp/, and runs the driver in Node.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
// Inside the repo (git-ignored .tmp/), so the bundle finds the packages in node_modules.
mkdirSync(path.join(repoRoot, '.tmp'), { recursive: true });
const dir = mkdtempSync(path.join(repoRoot, '.tmp', 'bench-sync-'));
const outfile = path.join(dir, 'bench.mjs');
try {
  await build({
    entryPoints: [path.join(repoRoot, 'test/sync/bench.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    packages: 'external',
    logLevel: 'error',
  });
  // The same work for a page in Chromium (real IndexedDB).
  const pageScript = path.join(dir, 'page.js');
  await build({
    entryPoints: [path.join(repoRoot, 'test/sync/benchPage.ts')],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    outfile: pageScript,
    logLevel: 'error',
  });
  const run = spawnSync(process.execPath, ['--max-old-space-size=6144', outfile, '--page-script', pageScript, ...process.argv.slice(2)], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
