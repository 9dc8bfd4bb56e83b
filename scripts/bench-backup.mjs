// `node scripts/bench-backup.mjs [--inquiries N]`: bundles bench/backup/run.ts with esbuild and
// runs it (see that file). Prints the figures of backup, restore, export and import at scale.
import { runBundled } from './runBundled.mjs';

await runBundled('bench/backup/run.ts', 'bench-backup-run');
