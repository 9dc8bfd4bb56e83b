import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEvent } from '../../shared/inquiry/events';
import { MONDAY_2PM, openDesk, PAT_LEE, seedInquiries, type TestDesk } from '../test/fixtures';
import { BackupError, dropBackups, exportLines, fileSource, inspectExport, listBackups, restoreDatabase, textSource } from './backup';
import type { LiaisonDb } from './db';

/**
 * The full-export decoder (import of a full export, restore of a backup) gets random and damaged
 * copies of a real export. Every one is either refused with a BackupError (never another exception)
 * with the database and the backups exactly as they were, or, when the damage left a valid copy,
 * restored to rows that all pass the same checks.
 */

let desk: TestDesk;
let lines: string[];

async function snapshot(db: LiaisonDb) {
  const out: Record<string, unknown[]> = {};
  for (const t of db.tables) out[t.name] = await t.toArray();
  return out;
}

beforeAll(async () => {
  desk = openDesk(MONDAY_2PM);
  const ana = await desk.repo.createProfile({ displayName: 'Ana Ortiz', role: 'liaison' });
  const { id } = await desk.repo.logInquiry(PAT_LEE);
  await desk.repo.addNote(id, 'Called the member.');
  await seedInquiries(desk.db, 3, { id: ana.id, name: ana.displayName, role: ana.role });
  await desk.db.drafts.put({ id: `intake:${ana.id}`, profileId: ana.id, savedAt: 1, values: { memberName: 'Half typed' } });
  lines = [];
  for await (const line of exportLines(desk.db, { reason: 'export', now: Date.parse(MONDAY_2PM) })) lines.push(line);
});
afterAll(async () => {
  await dropBackups(desk.db.name);
  await desk.close();
});

const junk = fc.oneof(fc.anything(), fc.jsonValue(), fc.constantFrom(undefined, null, Number.NaN, '', [], {}));

function mutateAt(value: unknown, path: readonly (string | number)[], replacement: unknown): unknown {
  if (path.length === 0 || typeof value !== 'object' || value === null) return replacement;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, unknown>;
  copy[head] = mutateAt(copy[head], rest, replacement);
  return copy;
}

function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, Array.isArray(value) ? Number(k) : k]))];
}

/** A damaged copy of the export, as text. */
const damaged = fc.oneof(
  // One record replaced by junk, or by text that is not JSON.
  fc
    .tuple(
      fc.nat(),
      fc.oneof(
        junk.map((j) => JSON.stringify(j) ?? 'undefined'),
        fc.string(),
      ),
    )
    .map(([i, text]) => {
      const copy = [...lines];
      copy[i % copy.length] = text;
      return copy.join('\n');
    }),
  // One value deep inside a record replaced by junk.
  fc.tuple(fc.nat(), fc.nat(), junk).map(([i, p, replacement]) => {
    const copy = [...lines];
    const at = i % copy.length;
    const value = JSON.parse(copy[at] as string) as unknown;
    const paths = pathsOf(value);
    copy[at] = JSON.stringify(mutateAt(value, paths[p % paths.length] ?? [], replacement)) ?? '';
    return copy.join('\n');
  }),
  // Cut short anywhere.
  fc.nat().map((n) => {
    const text = lines.join('\n');
    return text.slice(0, n % text.length);
  }),
  // A record repeated, or an extra one inserted.
  fc.tuple(fc.nat(), fc.nat()).map(([i, j]) => {
    const copy = [...lines];
    copy.splice(j % copy.length, 0, copy[i % copy.length] as string);
    return copy.join('\n');
  }),
  // Nothing like an export at all.
  fc.string(),
);

describe('the full-export decoder', { timeout: 300_000 }, () => {
  it('checks any damaged copy without throwing anything but a BackupError', async () => {
    await fc.assert(
      fc.asyncProperty(damaged, async (text) => {
        try {
          const summary = await inspectExport(textSource(text));
          expect(summary.header.format).toBe('liaison-log-export');
        } catch (err) {
          expect(err).toBeInstanceOf(BackupError);
          expect((err as Error).message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reads random bytes as a file without throwing anything but a BackupError', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }),
          fc.uint8Array({ maxLength: 512 }).map((b) => new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, ...b])),
        ),
        async (bytes) => {
          await expect(inspectExport(fileSource(new Blob([bytes])))).rejects.toBeInstanceOf(BackupError);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('restores a damaged copy only if every row still passes; otherwise nothing stored changes', async () => {
    await fc.assert(
      fc.asyncProperty(damaged, async (text) => {
        const before = await snapshot(desk.db);
        const backupsBefore = await listBackups(desk.db.name);
        try {
          await restoreDatabase(desk.db, textSource(text), { reason: 'before-import' });
        } catch (err) {
          expect(err).toBeInstanceOf(BackupError);
          expect(await snapshot(desk.db)).toEqual(before);
          // A copy refused in the check pass leaves no safety backup either.
          const after = await listBackups(desk.db.name);
          expect(after.length - backupsBefore.length).toBeLessThanOrEqual(1);
          return;
        }
        for (const e of await desk.db.events.toArray()) expect(parseEvent(e).ok).toBe(true);
        // Put the desk back for the next run.
        await restoreDatabase(desk.db, textSource(lines.join('\n')), { reason: 'before-restore' });
      }),
      { numRuns: 60 },
    );
    expect(await desk.db.events.count()).toBe(JSON.parse(lines.at(-1) as string).counts.events);
  });
});
