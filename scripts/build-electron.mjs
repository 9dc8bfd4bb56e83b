// Bundles the Electron main process and preload into dist/electron as CommonJS.
// The preload must be a single file: a sandboxed preload can require only 'electron'.
// Usage: node scripts/build-electron.mjs [--outdir <dir>]   (default dist/electron)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outdirFlag = process.argv.indexOf('--outdir');
const outDir = outdirFlag === -1 ? path.join(repoRoot, 'dist', 'electron') : path.resolve(process.argv[outdirFlag + 1] ?? '');

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: repoRoot,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45 runs Node 22.
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'info',
};

try {
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: path.join(outDir, 'main.cjs') }),
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: path.join(outDir, 'preload.cjs') }),
  ]);
} catch {
  // esbuild has already printed each error with its file and line.
  console.error('build:electron failed: fix the errors above in electron/ or shared/ and run it again.');
  process.exit(1);
}
