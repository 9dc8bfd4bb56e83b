/**
 * The sync benchmark driver (scripts/bench-sync.mjs bundles and runs it): prints figures, asserts
 * nothing. Three settings of the same work (test/sync/benchFlow.ts):
 *
 * - Chromium: the app's store on real IndexedDB, the folder in memory: what the store and the
 *   crypto cost on a desk (publish, ingest), and 10,000 remote events applied to 100,000 inquiries;
 * - Node: the main process's fs folder on a temp folder (real files, flushes and renames), the
 *   store on fake-indexeddb: publish and ingest again, and the idle cycle as history grows;
 * - with --smb <mounted share folder>: the same over SMB; with --smb-server, over Samba on
 *   loopback mounted through smbnetfs, started and stopped here (root, as the SMB test).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { FsShareFolder } from '../../electron/sync/shareFolder';
import { findChromium } from '../e2e/browser';
import { applyRemote, type BenchOptions, type Figure, throughputAndIdle } from './benchFlow';
import { SmbShare, smbUnavailable } from './smbShare';

const args = process.argv.slice(2);
const option = (name: string): string | null => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? null) : null;
};
const number = (name: string, fallback: number) => Number(option(name) ?? fallback);
const OPTIONS: BenchOptions = {
  inquiries: number('inquiries', 100_000),
  remote: number('remote', 10_000),
  batch: number('batch', 20_000),
  histories: [1_000, 10_000, 100_000].filter((h) => h <= number('history', 100_000)),
};
const PAGE_SCRIPT = option('page-script');

const print = (where: string) => (f: Figure) =>
  console.log(
    `${`[${where}] ${f.name}`.padEnd(72)} ${`${f.value >= 100 ? Math.round(f.value).toLocaleString('en-US') : f.value.toFixed(2)} ${f.unit}`.padStart(16)}   ${f.note}`,
  );

async function inChromium(): Promise<void> {
  if (!PAGE_SCRIPT) throw new Error('--page-script missing (run through scripts/bench-sync.mjs)');
  const context = await chromium.launch({ executablePath: findChromium(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
    page.on('console', (m) => console.log(`  page: ${m.text()}`));
    // A loopback origin is a secure context (WebCrypto) with its own IndexedDB; no server needed.
    await page.route('http://127.0.0.1:9/**', (route) =>
      route.fulfill(
        route.request().url().endsWith('/bench.js')
          ? { contentType: 'text/javascript', body: readFileSync(PAGE_SCRIPT) }
          : { contentType: 'text/html', body: '<!doctype html><title>sync bench</title><script src="/bench.js"></script>' },
      ),
    );
    if (args.includes('--profile')) {
      // The apply's own samples (console.profile in benchFlow.ts), by function: own time and time with callees.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      cdp.on('Profiler.consoleProfileFinished', (e) => printProfile(e.profile as unknown as CpuProfile));
    }
    await page.goto('http://127.0.0.1:9/');
    await page.waitForFunction(() => 'syncBench' in globalThis);
    // The idle cycle hardly touches the store: it is measured in Node, over real files.
    const inPage: BenchOptions = { ...OPTIONS, histories: [] };
    const run = async (what: 'throughputAndIdle' | 'applyRemote') =>
      page.evaluate(
        async ([w, o]) =>
          (globalThis as unknown as { syncBench: Record<string, (o: unknown) => Promise<Figure[]>> }).syncBench[w]?.(o) ?? [],
        [what, inPage] as const,
      );
    if (args.includes('--join')) {
      const join = inPage;
      const figures = await page.evaluate(
        async (o) =>
          (globalThis as unknown as { syncBench: Record<string, (o: unknown) => Promise<Figure[]>> }).syncBench.joinFromSnapshot?.(o) ?? [],
        join,
      );
      for (const f of figures) print('Chromium')(f);
      return;
    }
    if (!args.includes('--apply-only')) for (const f of await run('throughputAndIdle')) print('Chromium')(f);
    for (const f of await run('applyRemote')) print('Chromium')(f);
  } finally {
    await context.close();
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions the samples were in (own time) and under (with callees), the top 30 of each, in ms. */
function printProfile(profile: CpuProfile): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id: number) => {
    const f = (byId.get(id) as CpuProfile['nodes'][number]).callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
  };
  const own = new Map<string, number>();
  const under = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    own.set(name(id), (own.get(name(id)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = name(at);
      if (!seen.has(k)) under.set(k, (under.get(k) ?? 0) + ms);
      seen.add(k);
    }
  });
  const top = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(6)} ms  ${k}`)
      .join('\n');
  console.log(`\nProfile of the apply — own time:\n${top(own)}\nwith callees:\n${top(under)}\n`);
}

async function main(): Promise<void> {
  console.log(
    `Sync benchmark — Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()[0]?.toFixed(1)}`,
  );
  console.log(`options: ${JSON.stringify(OPTIONS)}\n`);
  if (!args.includes('--no-browser')) await inChromium();
  if (args.includes('--apply-only') || args.includes('--join')) return;
  const root = await mkdtemp(path.join(tmpdir(), 'bench-sync-'));
  try {
    await throughputAndIdle(new FsShareFolder(root, { timeoutMs: 60_000 }), OPTIONS, print('Node, temp folder'));
    if (args.includes('--node-apply'))
      await applyRemote(new FsShareFolder(root, { timeoutMs: 60_000 }), OPTIONS, print('Node, temp folder'));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
  const smb = option('smb');
  if (smb) await throughputAndIdle(new FsShareFolder(smb, { timeoutMs: 60_000 }), OPTIONS, print('Node, SMB'));
  if (args.includes('--smb-server')) {
    // Samba on loopback mounted through smbnetfs, as the SMB test sets it up (needs root; see test/sync/smbShare.ts).
    const why = smbUnavailable();
    if (why) throw new Error(`--smb-server: ${why}`);
    const share = await SmbShare.start();
    try {
      await throughputAndIdle(new FsShareFolder(share.mounted, { timeoutMs: 60_000 }), OPTIONS, print('Node, SMB loopback'));
    } finally {
      await share.stop();
    }
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
