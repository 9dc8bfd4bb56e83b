/*
 * What the in-page benches (bench/backup, bench/chain) measure of one operation: how long it took, the longest
 * task that held the main thread, the longest gap between 10 ms ticks (the window's worst stall), the progress
 * reports it made and the page's peak JS heap (Chromium's performance.memory; null elsewhere).
 */

export interface OpFigure {
  name: string;
  ms: number;
  longestTaskMs: number;
  longestGapMs: number;
  progressEvents: number;
  peakHeapMb: number | null;
  note: string;
}

/** Runs `work` while measuring the main thread's responsiveness; `work` says what it did (the figure's note). */
export async function measure(name: string, work: (onProgress: (p: unknown) => void) => Promise<string>): Promise<OpFigure> {
  let longestTask = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longestTask = Math.max(longestTask, e.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  let last = performance.now();
  let longestGap = 0;
  let peakHeap = 0;
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
    if (memory) peakHeap = Math.max(peakHeap, memory.usedJSHeapSize);
  }, 10);
  let progressEvents = 0;
  const t0 = performance.now();
  const note = await work(() => {
    progressEvents++;
  });
  const ms = performance.now() - t0;
  clearInterval(ticker);
  await new Promise((r) => setTimeout(r, 50));
  observer.disconnect();
  return {
    name,
    ms,
    longestTaskMs: longestTask,
    longestGapMs: longestGap,
    progressEvents,
    peakHeapMb: memory ? peakHeap / 1048576 : null,
    note,
  };
}

/** A JSON file the bench site serves (the data set's chunks). */
export async function fetchJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return (await res.json()) as T;
}
