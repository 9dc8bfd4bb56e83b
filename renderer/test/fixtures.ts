import { afterEach, beforeEach } from 'vitest';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import type { CaseNumber } from '../../shared/inquiry/caseNumber';
import type { CommandContext } from '../../shared/inquiry/commands/context';
import { logInquiry } from '../../shared/inquiry/commands/logInquiry';
import { TEST_POLICY } from '../../shared/inquiry/commands/testing';
import type { InquiryEvent } from '../../shared/inquiry/events';
import type { InquiryFields } from '../../shared/inquiry/fields';
import { type InquiryRecord, projectInquiry } from '../../shared/inquiry/projection';
import { PAT_LEE } from '../../shared/inquiry/testInquiry';
import type { Actor, Profile } from '../../shared/people';
import { encodeHlc } from '../../shared/sync/hlc';
import { asInstant, type Clock, type Instant } from '../../shared/time/types';
import { ChangeFeed } from '../data/changes';
import { LiaisonDb } from '../data/db';
import type { DataServices } from '../data/hooks';
import { LogStore } from '../data/logStore';
import { Repo } from '../data/repo';

/** A clock that stands still until the test moves it. */
export interface TestClock extends Clock {
  set(iso: string): void;
}

export function testClock(iso: string): TestClock {
  let at = asInstant(Date.parse(iso));
  return {
    now: () => at,
    set: (next) => {
      at = asInstant(Date.parse(next));
    },
  };
}

export const instant = (iso: string): Instant => asInstant(Date.parse(iso));

/** 2:00 pm in Chicago on Monday 23 Nov 2026 (CST, UTC-6). */
export const MONDAY_2PM = '2026-11-23T20:00:00.000Z';

export { PAT_LEE } from '../../shared/inquiry/testInquiry';

export interface TestDesk extends DataServices {
  db: LiaisonDb;
  changes: ChangeFeed;
  clock: TestClock;
  /** Closes the feed and deletes the database. */
  close(): Promise<void>;
}

/** The profiles the tests work as. */
export const ANA_ORTIZ = { displayName: 'Ana Ortiz', role: 'liaison' } as const;
export const LEE_GRANT = { displayName: 'Lee Grant', role: 'lead' } as const;

/**
 * Each test of the file on a fresh desk (its own database, at `at`) with `profile` on it, closed after the
 * test: `onOpen` gets the desk and the profile, to keep them and to add what the tests start from.
 */
export function freshDeskPerTest(
  onOpen: (desk: TestDesk, profile: Profile) => void | Promise<void>,
  profile: { displayName: string; role: Profile['role'] } = ANA_ORTIZ,
  at: string = MONDAY_2PM,
): void {
  let desk: TestDesk | null = null;
  beforeEach(async () => {
    desk = openDesk(at);
    await onOpen(desk, await desk.repo.createProfile(profile));
  });
  afterEach(async () => {
    await desk?.close();
  });
}

/** A desk on its own fresh IndexedDB (fake-indexeddb), wired the way renderer/main.tsx wires it. */
export function openDesk(at: string = MONDAY_2PM): TestDesk {
  const db = new LiaisonDb(`t-${crypto.randomUUID()}`);
  const changes = new ChangeFeed(db.name);
  const clock = testClock(at);
  const repo = new Repo(db, clock, changes);
  const logStore = new LogStore(db, changes, () => repo.config());
  return {
    db,
    changes,
    clock,
    repo,
    logStore,
    close: async () => {
      changes.close();
      db.close();
      await db.delete();
    },
  };
}

/** The agency configuration as stored (what a settings screen saved), if any. */
export async function storedConfig(desk: TestDesk): Promise<AgencyConfig | undefined> {
  return (await desk.db.meta.get('config'))?.value as AgencyConfig | undefined;
}

/** How many rows each table holds, and the stored HLC and case sequence. */
export async function storedCounts(db: LiaisonDb) {
  return {
    events: await db.events.count(),
    inquiries: await db.inquiries.count(),
    outbox: await db.outbox.count(),
    hlc: (await db.meta.get('hlc'))?.value,
    caseSeq: (await db.meta.get('caseSeq'))?.value,
  };
}

/**
 * Writes `n` logged inquiries straight into the tables in one transaction (the same events and
 * projections Repo would write, without its per-write transaction), for log-size tests.
 * Inquiry i is received i minutes after `firstReceived`, so the newest are the highest i.
 */
export async function seedInquiries(
  db: LiaisonDb,
  n: number,
  actor: Actor,
  firstReceived: Instant = instant('2026-10-01T14:00:00.000Z'),
): Promise<InquiryRecord[]> {
  const deviceId = 'SEEDDESK01';
  let counter = 0;
  let ids = 0;
  const now = asInstant(firstReceived + n * 60_000);
  const ctx: CommandContext = {
    actor,
    deviceId,
    now,
    stamp: () => encodeHlc({ wall: now, counter: counter++, deviceId }),
    newId: () => `01JSEED${String(++ids).padStart(19, '0')}`,
    ...TEST_POLICY,
  };
  const events: InquiryEvent[] = [];
  const records: InquiryRecord[] = [];
  for (let i = 0; i < n; i++) {
    const fields: InquiryFields = {
      ...PAT_LEE,
      receivedAt: asInstant(firstReceived + i * 60_000),
      memberName: `Member ${String(i).padStart(3, '0')}`,
    };
    const logged = logInquiry({ fields, caseNumber: `261001-SEED0-${String(i + 1).padStart(3, '0')}` as CaseNumber }, ctx);
    events.push(...logged);
    records.push(projectInquiry(logged) as InquiryRecord);
  }
  await db.transaction('rw', db.events, db.inquiries, async () => {
    await db.events.bulkAdd(events);
    await db.inquiries.bulkAdd(records);
  });
  return records;
}
