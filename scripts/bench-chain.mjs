// `node scripts/bench-backup.mjs [--inquiries N]`: bundles bench/chain/run.ts with esbuild and
// runs it (see that file). Prints the figures of backup, restore, export and import at scale.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, '.tmp/bench-chain-run/run.mjs');
mkdirSync(resolve(root, '.tmp/bench-chain-run'), { recursive: true });
await build({
  entryPoints: [resolve(root, 'bench/chain/run.ts')],
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
