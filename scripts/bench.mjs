// `npm run bench`: bundles bench/run.ts (TypeScript, importing shared/ and renderer/data/) with
// esbuild and runs it in Node with room for a million events. Arguments pass through
// (`npm run bench -- --inquiries 20000 --runs 3`); see bench/README.md.
import { runBundled } from './runBundled.mjs';

await runBundled('bench/run.ts', 'bench');
