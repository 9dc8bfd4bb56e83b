// biome-ignore lint/style/noRestrictedImports: the test runs the stand-alone verifier (python3) on an export written to a temp file; the renderer itself never does.
import { execFileSync, spawnSync } from 'node:child_process';
// biome-ignore lint/style/noRestrictedImports: as above.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
// biome-ignore lint/style/noRestrictedImports: as above.
import { tmpdir } from 'node:os';
// biome-ignore lint/style/noRestrictedImports: as above.
import { join, resolve } from 'node:path';
// biome-ignore lint/style/noRestrictedImports: as above, to test the verifier's gzip reading.
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ChainLink, canonicalJson, linkHash } from '../../shared/inquiry/chain';
import type { InquiryEvent } from '../../shared/inquiry/events';
import { actorOf, type Profile } from '../../shared/people';
import { encodeHlc } from '../../shared/sync/hlc';
import { initialSyncState } from '../../shared/sync/store';
import { instant, openDesk, PAT_LEE, type TestDesk } from '../test/fixtures';
import { exportLines, textSource } from './backup';
import { verifyLog } from './chainStore';
import { DexieSyncStore } from './syncStore';
import { checkCopy } from './verifyImport';

/*
 * Each tamper an auditor tried (issue 20), done twice: to a full export the app wrote (the file), and to
 * the desk's IndexedDB behind the app's back. Each ends with the app (the import's check of the file,
 * or Verify the log on the database) and the stand-alone verifier (scripts/verify-export.py, python3,
 * run on the export) naming exactly the same events.
 */

const NOW = '2026-11-23T20:00:00.000Z';
const OTHER = 'PQRST7X4RT9ABCDE';
const SCRIPT = resolve(import.meta.dirname, '../../scripts/verify-export.py');

function findPython(): string | null {
  try {
    return execFileSync('which', ['python3'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}
const PYTHON = findPython();
if (!PYTHON) console.warn('python3 is not on this machine: the stand-alone verifier’s tests are skipped (the app’s own checks still run).');

const dir = mkdtempSync(join(tmpdir(), 'liaison-tamper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface PyBreak {
  kind: string;
  event: { eventId: string; seq: number | null; caseNumber: string | null };
  missing?: { from: number; to: number };
}
interface PyResult {
  ownDeviceId: string | null;
  breaks: PyBreak[];
  gaps: { deviceId: string; from: number; to: number }[];
  desks: Record<string, { chained: number; head: { seq: number; hash: string } | null }>;
}

let files = 0;
/** Runs the stand-alone verifier on an export's text (plain, or gzip as the app downloads it). */
function runVerifier(text: string, gzip = false): { status: number; result: PyResult; human: string } {
  const path = join(dir, `export-${++files}.json${gzip ? '.gz' : ''}`);
  writeFileSync(path, gzip ? gzipSync(text) : text);
  const json = spawnSync(PYTHON as string, [SCRIPT, path, '--json'], { encoding: 'utf8' });
  if (json.status === 2 || json.error) throw new Error(`verify-export.py failed: ${json.stderr}`);
  const human = spawnSync(PYTHON as string, [SCRIPT, path], { encoding: 'utf8' });
  return { status: json.status ?? -1, result: JSON.parse(json.stdout) as PyResult, human: human.stdout };
}

/** A break as both sides name it: kind, event id, place, and the seqs of a removal. */
const named = (b: { kind: string; event: { eventId: string; seq: number | null }; missing?: { from: number; to: number } }) =>
  `${b.kind} ${b.event.eventId} #${b.event.seq ?? '-'}${b.missing ? ` missing #${b.missing.from}-#${b.missing.to}` : ''}`;
const sortedNames = (list: Parameters<typeof named>[0][]) => list.map(named).sort();

async function exportText(desk: TestDesk): Promise<string> {
  let text = '';
  for await (const line of exportLines(desk.db, { reason: 'export', now: instant(NOW) })) text += `${line}\n`;
  return text;
}

/** The events of an export's text. */
const eventsOf = (text: string): InquiryEvent[] =>
  text
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => JSON.parse(l) as { table?: string; rows?: InquiryEvent[] })
    .flatMap((r) => (r.table === 'events' ? (r.rows ?? []) : []));

/** An export's events taken out, changed by `edit`, and put back (end counts kept right). */
function editExport(text: string, edit: (events: InquiryEvent[]) => InquiryEvent[]): string {
  const lines = text.trim().split('\n');
  const header = lines[0] as string;
  const records = lines
    .slice(1)
    .map((l) => JSON.parse(l) as { table?: string; rows?: unknown[]; end?: true; counts?: Record<string, number> });
  const events = edit(records.filter((r) => r.table === 'events').flatMap((r) => r.rows as InquiryEvent[]));
  const others = records.filter((r) => r.table !== 'events' && !r.end);
  const end = records.find((r) => r.end) as { end: true; counts: Record<string, number> };
  const out = [header, JSON.stringify({ table: 'events', rows: events }), ...others.map((r) => JSON.stringify(r))];
  out.push(JSON.stringify({ end: true, counts: { ...end.counts, events: events.length } }));
  return `${out.join('\n')}\n`;
}

let desk: TestDesk;
let lee: Profile;
let deviceId: string;
/** This desk's chained events, by seq. */
let chain: InquiryEvent[];

beforeEach(async () => {
  desk = openDesk(NOW);
  lee = await desk.repo.createProfile({ displayName: 'Lee Grant', role: 'lead' });
  ({ deviceId } = await desk.repo.device());
  // Four inquiries, each with a note (odd characters included: what is hashed is the UTF-8 of the canonical JSON).
  for (const [i, text] of ['Called Pat: “no ride”.', 'Zoë said "later" \t\u0001 😀', 'Left a voicemail.', 'Ride rebooked.'].entries()) {
    const { id } = await desk.repo.logInquiry({ ...PAT_LEE, memberName: `Member ${i}` });
    await desk.repo.addNote(id, text);
  }
  // Another desk's chain, seq 3 not received yet: a gap there is not a break.
  const remote = Array.from({ length: 4 }, (_, i) => ({
    id: `01JREMOTE${String(i + 1).padStart(17, '0')}`,
    inquiryId: '01JREMOTEINQUIRY0000000001',
    type: 'NoteAdded' as const,
    payload: { text: `Remote note ${i + 1}` },
    actor: { id: '01JPROFILE0000000000000009', name: 'Sam Patel', role: 'esr' as const },
    deviceId: OTHER,
    hlc: encodeHlc({ wall: instant(NOW) - 100_000 + i, counter: 0, deviceId: OTHER }),
    at: instant(NOW),
    v: 1 as const,
  }));
  let prev = '0'.repeat(64);
  const linked: InquiryEvent[] = [];
  for (const [i, e] of remote.entries()) {
    const hash = await linkHash(e, i + 1, prev);
    linked.push({ ...e, chain: { seq: i + 1, prev, hash } });
    prev = hash;
  }
  // This desk's note from before chains existed (stamped before its first link): not chained, never a break.
  const first = await desk.db.events.where('[deviceId+chain.seq]').equals([deviceId, 1]).first();
  const { chain: _old, ...older } = first as InquiryEvent;
  await desk.db.events.add({
    ...older,
    id: '01JBEF0RECHA1NS00000000001',
    type: 'NoteAdded',
    payload: { text: 'Written by release 0.1.' },
    hlc: encodeHlc({ wall: instant(NOW) - 500_000, counter: 0, deviceId }),
  } as InquiryEvent);
  const store = new DexieSyncStore(desk.db, desk.changes, () => desk.repo.device());
  await store.ingest([linked[0], linked[1], linked[3]] as InquiryEvent[], initialSyncState(), null, instant(NOW));
  chain = (await desk.db.events.where('[deviceId+chain.seq]').between([deviceId, 0], [deviceId, Number.POSITIVE_INFINITY]).toArray()).sort(
    (a, b) => (a.chain?.seq ?? 0) - (b.chain?.seq ?? 0),
  );
});
afterEach(async () => {
  await desk.close();
});

const at = (seq: number) => chain[seq - 1] as InquiryEvent;
const link = (seq: number) => at(seq).chain as ChainLink;

/** A note this desk did not write through the app: no link, stamped after its chain began. */
const putIn = (): InquiryEvent => {
  const { chain: _none, ...rest } = at(3);
  return {
    ...rest,
    id: '01JPUTIN000000000000000001',
    payload: { text: 'Member was never called.' },
    hlc: encodeHlc({ wall: instant(NOW) + 5, counter: 0, deviceId }),
  } as InquiryEvent;
};

/** A note claiming #8 with a link that checks on its own (its hash is its content's, its prev #7's hash). */
async function claimingEight(): Promise<InquiryEvent> {
  const { chain: _none, ...rest } = at(9);
  const forged = { ...rest, id: '01JCLAIM000000000000000001', payload: { text: 'Forged note.' } } as InquiryEvent;
  return { ...forged, chain: { seq: 8, prev: link(7).hash, hash: await linkHash(forged, 8, link(7).hash) } };
}

interface Tamper {
  name: string;
  /** To the export's events. */
  file: (events: InquiryEvent[]) => Promise<InquiryEvent[]>;
  /** To the desk's IndexedDB. */
  db: () => Promise<void>;
  /** What both must name (kind and seq). */
  expected: string[];
}

const byId = (events: InquiryEvent[], id: string) => events.findIndex((e) => e.id === id);

const TAMPERS: Tamper[] = [
  {
    name: 'a note’s text changed',
    file: async (events) =>
      events.map((e) => (e.id === at(3).id ? ({ ...e, payload: { text: 'Member was never called.' } } as InquiryEvent) : e)),
    db: async () => {
      await desk.db.events.put({ ...at(3), payload: { text: 'Member was never called.' } } as InquiryEvent);
    },
    expected: ['altered #3', 'link #4'],
  },
  {
    name: 'two events’ links swapped (their order changed)',
    file: async (events) =>
      events.map((e) => (e.id === at(5).id ? { ...e, chain: link(6) } : e.id === at(6).id ? { ...e, chain: link(5) } : e)),
    db: async () => {
      await desk.db.events.bulkPut([
        { ...at(5), chain: link(6) },
        { ...at(6), chain: link(5) },
      ]);
    },
    expected: ['altered #5', 'altered #6', 'link #6', 'link #7'],
  },
  {
    name: 'an event added without a link',
    file: async (events) => [...events, putIn()],
    db: async () => {
      await desk.db.events.add(putIn());
    },
    expected: ['unchained #-'],
  },
  {
    name: 'an event added claiming a taken place in the chain',
    file: async (events) => [...events, await claimingEight()],
    db: async () => {
      await desk.db.events.add(await claimingEight());
    },
    expected: ['duplicate #8', 'link #9'],
  },
  {
    name: 'an event removed from the middle of this desk’s chain',
    file: async (events) => events.filter((_, i) => i !== byId(events, at(7).id)),
    db: async () => {
      await desk.db.events.delete(at(7).id);
    },
    expected: ['removed #8 missing #7-#7'],
  },
];

const kindAndSeq = (list: Parameters<typeof named>[0][]) =>
  list.map((b) => `${b.kind} #${b.event.seq ?? '-'}${b.missing ? ` missing #${b.missing.from}-#${b.missing.to}` : ''}`).sort();

describe('tampered exports and databases: the app and the stand-alone verifier name the same events', { timeout: 30_000 }, () => {
  it('an untouched export: no breaks on either side; the other desk’s missing #3 is a gap, not a break', async () => {
    const text = await exportText(desk);
    const app = await checkCopy(textSource(text));
    expect(app.chains.ownDeviceId).toBe(deviceId);
    expect(app.ownFrom).toBe('device');
    expect(app.chains.totals).toMatchObject({ chained: 15, notChained: 1, breaks: 0, gaps: 1 });
    expect(app.chains.gaps.map((g) => [g.deviceId, g.from, g.to])).toEqual([[OTHER, 3, 3]]);
    const report = await verifyLog(desk.db, { deviceId, ranBy: actorOf(lee), now: () => desk.clock.now() });
    expect(report.totals).toMatchObject({ chained: 15, notChained: 1, breaks: 0, gaps: 1 });
    if (!PYTHON) return;
    for (const gzip of [false, true]) {
      const py = runVerifier(text, gzip);
      expect(py.status).toBe(0);
      expect(py.result.ownDeviceId).toBe(deviceId);
      expect(py.result.breaks).toEqual([]);
      expect(py.result.gaps.map((g) => [g.deviceId, g.from, g.to])).toEqual([[OTHER, 3, 3]]);
      // The heads: the same hashes the app computed.
      expect(py.result.desks[deviceId]?.head).toEqual(app.chains.desks.find((d) => d.deviceId === deviceId)?.head);
      expect(py.human).toContain('no breaks');
    }
  });

  for (const t of TAMPERS) {
    it(`${t.name}: in the export`, async () => {
      const text = await exportText(desk);
      const edited = await t.file(eventsOf(text));
      const file = editExport(text, () => edited);
      const app = await checkCopy(textSource(file));
      expect(kindAndSeq(app.chains.breaks)).toEqual([...t.expected].sort());
      // The other desk's gap stays a gap.
      expect(app.chains.gaps.map((g) => [g.deviceId, g.from])).toEqual([[OTHER, 3]]);
      if (!PYTHON) return;
      const py = runVerifier(file);
      expect(py.status).toBe(1);
      expect(sortedNames(py.result.breaks)).toEqual(sortedNames(app.chains.breaks));
      expect(py.result.gaps.map((g) => [g.deviceId, g.from])).toEqual([[OTHER, 3]]);
    });

    it(`${t.name}: in IndexedDB`, async () => {
      await t.db();
      const report = await verifyLog(desk.db, { deviceId, ranBy: actorOf(lee), now: () => desk.clock.now() });
      expect(kindAndSeq(report.breaks)).toEqual([...t.expected].sort());
      expect(report.gaps.map((g) => [g.deviceId, g.from])).toEqual([[OTHER, 3]]);
      if (!PYTHON) return;
      // The desk's database exported as it is now, checked from outside.
      const py = runVerifier(await exportText(desk));
      expect(sortedNames(py.result.breaks)).toEqual(sortedNames(report.breaks));
    });
  }

  it.skipIf(!PYTHON)('the verifier’s canonical JSON is the app’s, character for character', () => {
    const values: unknown[] = [
      { b: 1, a: [true, false, null], c: { z: 'x', y: '' } },
      { text: 'quote " backslash \\ tab \t newline \n bell \u0007 del \u007f nbsp \u00a0 é 😀 \u2028' },
      { lone: '\ud800', pair: '\ud83d\ude00', keys: { '\uff01': 1, '\ud83d\ude00': 2, a: 3, B: 4 } },
      [0, -0, 1.5, 0.1, 1e21, 1e-7, 123456789012, 2 ** 53, -2.5e-10, 1 / 3, 100, 1e20],
    ];
    const program = [
      'import importlib.util, json, sys',
      'spec = importlib.util.spec_from_file_location("v", sys.argv[1]); v = importlib.util.module_from_spec(spec); spec.loader.exec_module(v)',
      'for line in sys.stdin.read().split("\\n"): print(v.canonical_json(json.loads(line)))',
    ].join('\n');
    const out = spawnSync(PYTHON as string, ['-c', program, SCRIPT], {
      input: values.map((v) => JSON.stringify(v)).join('\n'),
      encoding: 'utf8',
    });
    expect(out.stderr).toBe('');
    expect(out.stdout.trimEnd().split('\n')).toEqual(values.map((v) => canonicalJson(v)));
  });
});
