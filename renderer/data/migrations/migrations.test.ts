import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../../../shared/config/agencyConfig';
import { parseEvent } from '../../../shared/inquiry/events';
import type { FieldName } from '../../../shared/inquiry/fields';
import { happenedAt } from '../../../shared/inquiry/happened';
import { fieldStamp, type InquiryRecord, projectInquiry } from '../../../shared/inquiry/projection';
import { toLogRow } from '../../../shared/log/logRow';
import { backupBeforeUpgrade, backupDbOf, backupSource, listBackups, restoreDatabase, versionOnDisk } from '../backup';
import { LiaisonDb } from '../db';
import { buildV1Database, type V1Fixture } from './fixtures/v1';
import { buildV2Database } from './fixtures/v2';
import { buildV3Database } from './fixtures/v3';
import { MIGRATIONS, SCHEMA_VERSION } from './index';

/**
 * Every earlier schema version has a fixture: a database as that version wrote it. Each is upgraded
 * to the current version here and checked for loss. Adding version N+1 means adding `fixtures/vN+1.ts`
 * (once the release that writes vN+1 is out) and a line to FIXTURES.
 */
interface Fixture {
  version: number;
  /** `drafts`: from v2 on. */
  build(name: string): Promise<V1Fixture & { drafts?: Record<string, unknown>[] }>;
}
const FIXTURES: Fixture[] = [
  { version: 1, build: (name) => buildV1Database(name) },
  { version: 2, build: (name) => buildV2Database(name) },
  { version: 3, build: (name) => buildV3Database(name) },
];

const names: string[] = [];
function freshName(): string {
  const name = `mig-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

afterEach(async () => {
  for (const name of names.splice(0)) {
    backupDbOf(name).close();
    await Dexie.delete(`${name}-backups`);
    await Dexie.delete(name);
  }
});

const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));

/** Asserts the upgraded database holds everything the old one did (the inquiry rows may gain derived fields). */
async function expectNothingLost(db: LiaisonDb, old: V1Fixture) {
  expect(await db.events.orderBy('id').toArray()).toEqual([...old.events].sort((a, b) => String(a.id).localeCompare(String(b.id))));
  expect(await db.outbox.orderBy('eventId').toArray()).toEqual(
    [...old.outbox].sort((a, b) => String(a.eventId).localeCompare(String(b.eventId))),
  );
  expect(await db.profiles.orderBy('id').toArray()).toEqual(old.profiles);
  const meta = await db.meta.toArray();
  for (const m of old.meta) expect(meta).toContainEqual(m);

  const rows = byId(await db.inquiries.toArray());
  expect(rows.size).toBe(old.inquiries.length);
  for (const before of old.inquiries) {
    const after = rows.get(before.id as string) as unknown as Record<string, unknown>;
    expect(after, `inquiry ${before.caseNumber}`).toBeDefined();
    // Every value the old row held is still there, unchanged. A field's stamp may now be the row's loggedHlc
    // rather than its own entry in fieldHlc (a row folded again takes the compact form): the same stamp.
    for (const [k, v] of Object.entries(before)) {
      if (k !== 'fieldHlc') expect(after[k], `${before.caseNumber}.${k}`).toEqual(v);
      else
        for (const [field, hlc] of Object.entries(v as Record<string, string>))
          expect(fieldStamp(after as unknown as InquiryRecord, field as FieldName), `${before.caseNumber}.fieldHlc.${field}`).toBe(hlc);
    }
  }
}

describe.each(FIXTURES)('upgrading a schema v$version database to the current version', ({ version, build }) => {
  it('is detected on disk before opening, backed up, and upgraded with nothing lost', async () => {
    const name = freshName();
    const old = await build(name);
    expect(await versionOnDisk(name)).toBe(version);

    const check = await backupBeforeUpgrade(name, { now: Date.parse('2026-11-23T20:00:00Z') });
    expect(check.fromVersion).toBe(version);
    expect(check.backup).toMatchObject({
      reason: 'before-upgrade',
      schemaVersion: version,
      inquiries: old.inquiries.length,
      events: old.events.length,
      complete: true,
    });
    // The check itself changed nothing: the database is still at the old version.
    expect(await versionOnDisk(name)).toBe(version);

    const db = new LiaisonDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    await expectNothingLost(db, old);
    expect(await db.drafts.toArray()).toEqual(old.drafts ?? []);
    // No stored event is chained (chains began with v3): the chain index is empty, nothing was rewritten.
    expect(await db.events.where('[deviceId+chain.seq]').between(['', 0], ['\uffff', Number.POSITIVE_INFINITY]).count()).toBe(0);

    // The current code reads every upgraded row: events parse (format 1, before "when it happened": each happened
    // when it was recorded, so no stored event or row needs rewriting for format 2), rows fold and list.
    for (const e of await db.events.toArray()) {
      const parsed = parseEvent(e);
      expect(parsed.ok, String(e.id)).toBe(true);
      if (parsed.ok) expect([parsed.event.v, parsed.event.happenedAt, happenedAt(parsed.event)]).toEqual([1, undefined, e.at]);
    }
    for (const row of await db.inquiries.toArray()) {
      const events = await db.events.where('[inquiryId+hlc]').between([row.id, ''], [row.id, '\uffff']).toArray();
      // v4: every row says who made its assignment, as the fold does (the rows of the old version had no such field).
      expect(row.assignedBy).toEqual(expect.any(String));
      expect(row).toEqual(projectInquiry(events));
      expect(() => toLogRow(row, DEFAULT_AGENCY_CONFIG)).not.toThrow();
    }
    db.close();

    // A second start finds nothing to back up.
    expect(await backupBeforeUpgrade(name)).toEqual({ fromVersion: SCHEMA_VERSION, backup: null });
    expect(await listBackups(name)).toHaveLength(1);
  });

  it('restores its pre-upgrade backup into the current version (staged and upgraded by the same migrations)', async () => {
    const name = freshName();
    const old = await build(name);
    const { backup } = await backupBeforeUpgrade(name, { now: Date.parse('2026-11-23T20:00:00Z') });
    const db = new LiaisonDb(name);
    // Work after the upgrade, then go back to the backup.
    await db.events.clear();
    await db.inquiries.clear();
    await db.profiles.clear();
    await db.drafts.put({ id: 'intake:x', profileId: 'x', savedAt: 1, values: { memberName: 'Someone' } });
    const result = await restoreDatabase(db, backupSource(name, backup?.id as string), { reason: 'before-restore' });
    expect(result.events).toBe(old.events.length);
    expect(result.inquiries).toBe(old.inquiries.length);
    await expectNothingLost(db, old);
    expect(await db.drafts.toArray()).toEqual(old.drafts ?? []);
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('the migration list', () => {
  it('numbers versions 1..n in order and never drops a store, changes a primary key or drops an index an earlier version had', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const parts = (spec: string) => spec.split(',').map((p) => p.trim());
    for (let i = 1; i < MIGRATIONS.length; i++) {
      const before = MIGRATIONS[i - 1]?.stores ?? {};
      const after = MIGRATIONS[i]?.stores ?? {};
      for (const [store, spec] of Object.entries(before)) {
        const [key, ...indexes] = parts(spec);
        const next = after[store];
        expect(next, `v${i + 1} keeps ${store}`).toBeDefined();
        const [nextKey, ...nextIndexes] = parts(next as string);
        expect(nextKey, `v${i + 1} keeps the key of ${store}`).toBe(key);
        for (const index of indexes) expect(nextIndexes, `v${i + 1} keeps ${store}.${index}`).toContain(index);
      }
    }
  });

  it('has a fixture for every earlier version', () => {
    expect(FIXTURES.map((f) => f.version)).toEqual(MIGRATIONS.filter((m) => m.version < SCHEMA_VERSION).map((m) => m.version));
  });
});
