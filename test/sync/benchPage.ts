/**
 * The sync benchmark in Chromium (bundled by scripts/bench-sync.mjs, loaded into a page on a
 * loopback origin): the same work as in Node, on Chromium's real IndexedDB, over an in-memory
 * folder (the page cannot reach files; the folder's cost is measured in Node).
 */
import { applyRemote, type BenchOptions, type Figure, joinFromSnapshot, throughputAndIdle } from './benchFlow';
import { MemoryFolder } from './memoryFolder';

const figures: Figure[] = [];
const log = (f: Figure) => figures.push(f);

(globalThis as unknown as { syncBench: unknown }).syncBench = {
  throughputAndIdle: async (o: BenchOptions) => {
    figures.length = 0;
    await throughputAndIdle(new MemoryFolder(), o, log);
    return figures;
  },
  joinFromSnapshot: async (o: BenchOptions) => {
    figures.length = 0;
    await joinFromSnapshot(new MemoryFolder(), o, log);
    return figures;
  },
  applyRemote: async (o: BenchOptions) => {
    figures.length = 0;
    await applyRemote(new MemoryFolder(), o, log);
    return figures;
  },
};
