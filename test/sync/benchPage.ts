/**
 * The sync benchmark in Chromium (bundled by scripts/bench-sync.mjs, loaded into a page on a
 * loopback origin): the same work as in Node, on Chromium's real IndexedDB, over an in-memory
 * folder (the page cannot reach files; the folder's cost is measured in Node).
 */
import { applyRemote, type BenchOptions, type Figure, joinFromSnapshot, throughputAndIdle } from './benchFlow';
import { MemoryFolder } from './memoryFolder';

const figures: Figure[] = [];
const log = (f: Figure) => figures.push(f);

/** An error as text that crosses to the driver whole (a DexieError's name alone says little). */
const described =
  <A>(run: (a: A) => Promise<Figure[]>) =>
  async (a: A): Promise<Figure[]> => {
    try {
      return await run(a);
    } catch (e) {
      const err = e as { name?: string; message?: string; stack?: string; inner?: { name?: string; message?: string } };
      throw new Error(`${err.name}: ${err.message}${err.inner ? ` (${err.inner.name}: ${err.inner.message})` : ''}\n${err.stack ?? ''}`);
    }
  };

(globalThis as unknown as { syncBench: unknown }).syncBench = {
  throughputAndIdle: described(async (o: BenchOptions) => {
    figures.length = 0;
    await throughputAndIdle(new MemoryFolder(), o, log);
    return figures;
  }),
  joinFromSnapshot: described(async (o: BenchOptions) => {
    figures.length = 0;
    await joinFromSnapshot(new MemoryFolder(), o, log);
    return figures;
  }),
  applyRemote: described(async (o: BenchOptions) => {
    figures.length = 0;
    await applyRemote(new MemoryFolder(), o, log);
    return figures;
  }),
};
