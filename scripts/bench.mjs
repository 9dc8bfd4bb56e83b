// `npm run bench`: bundles bench/run.ts (TypeScript, importing shared/ and renderer/data/) with
// esbuild and runs it in Node with room for a million events. Arguments pass through
// (`npm run bench -- --inquiries 20000 --runs 3`); see bench/README.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, '.tmp/bench/run.mjs');
mkdirSync(resolve(root, '.tmp/bench'), { recursive: true });
await build({
  entryPoints: [resolve(root, 'bench/run.ts')],
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
