// `node scripts/bench-chain.mjs [--inquiries N]`: bundles bench/chain/run.ts with esbuild and runs it
// (see that file). Prints the figures of chaining, verifying and the import's chain check at scale.
import { runBundled } from './runBundled.mjs';

await runBundled('bench/chain/run.ts', 'bench-chain-run');
