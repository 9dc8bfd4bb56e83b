import { type AgencyConfig, calendarConfigOf, normaliseAgencyConfig } from '../../shared/config/agencyConfig';
import { DomainError } from '../../shared/errors';
import { codeFromBytes, newId } from '../../shared/ids';
import { type CaseNumber, formatCaseNumber } from '../../shared/inquiry/caseNumber';
import { addNote } from '../../shared/inquiry/commands/addNote';
import { type ComplaintInput, classifyAsComplaint } from '../../shared/inquiry/commands/classifyAsComplaint';
import { classifyAsInquiry } from '../../shared/inquiry/commands/classifyAsInquiry';
import { type CallbackOutcome, closeCallback } from '../../shared/inquiry/commands/closeCallback';
import type { CommandContext, TimeRules } from '../../shared/inquiry/commands/context';
import { editFields } from '../../shared/inquiry/commands/editFields';
import { logInquiry } from '../../shared/inquiry/commands/logInquiry';
import { pauseTimer, resumeTimer } from '../../shared/inquiry/commands/pauseTimer';
import { recordGrievanceOutcome } from '../../shared/inquiry/commands/recordGrievanceOutcome';
import { recordGrievanceReview } from '../../shared/inquiry/commands/recordGrievanceReview';
import { recordMcoFollowUp } from '../../shared/inquiry/commands/recordMcoFollowUp';
import { recordMcoReportBack } from '../../shared/inquiry/commands/recordMcoReportBack';
import { type OutreachInput, recordOutreach } from '../../shared/inquiry/commands/recordOutreach';
import { type ReferralInput, referToMco } from '../../shared/inquiry/commands/referToMco';
import { reopenInquiry } from '../../shared/inquiry/commands/reopenInquiry';
import { resolveInquiry } from '../../shared/inquiry/commands/resolveInquiry';
import { type CallbackInput, scheduleCallback } from '../../shared/inquiry/commands/scheduleCallback';
import { endSnooze, snoozeWarnings } from '../../shared/inquiry/commands/snoozeWarnings';
import type { GrievanceOutcome, InquiryEvent, PAUSE_WAITS, PausableTimer, Resolution } from '../../shared/inquiry/events';
import type { InquiryFields } from '../../shared/inquiry/fields';
import { applyEvent, byHlc, type InquiryRecord, needsRefold, projectInquiry } from '../../shared/inquiry/projection';
import { type Actor, actorOf, type PinHash, type Profile, type ProfileInput, profileInputSchema } from '../../shared/people';
import { encodeHlc, type Hlc, tickHlc } from '../../shared/sync/hlc';
import { createCalendar } from '../../shared/time/calendar';
import { timeRulesOf } from '../../shared/time/timeRules';
import type { Clock, Instant, TimeZone } from '../../shared/time/types';
import { isoDayOf } from '../../shared/time/zone';
import { type SaveConfigResult, saveAgencyConfig } from './agencySettings';
import { chainHead, chainOntoHead, ownChainer } from './chainStore';
import type { ChangeFeed } from './changes';
import type { LiaisonDb } from './db';

export interface DeviceIdentity {
  deviceId: string;
  /** 5 characters of the device id, printed in this desk's case numbers. */
  deskCode: string;
}

interface CaseSeq {
  day: string;
  seq: number;
}

const META = {
  device: 'device',
  hlc: 'hlc',
  caseSeq: 'caseSeq',
  config: 'config',
  activeProfile: 'activeProfile',
  /** Everyone seen acting in this log (any desk), by id: whom work can be assigned to and callbacks given. */
  people: 'people',
} as const;

/** A colleague known to this desk from the events they wrote. */
export interface KnownPerson {
  id: string;
  name: string;
  role: Actor['role'];
}

function randomDeviceId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return codeFromBytes(bytes, 16);
}

/**
 * Every write to the log goes through here: a command from shared/ turns input into events, and
 * the events, the re-projected inquiry rows, the outbox entries for sync and the desk's clock
 * are written in one transaction: all or nothing.
 */
export class Repo {
  constructor(
    readonly db: LiaisonDb,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
  ) {}

  /** The inquiries the last command on this desk stored, and when (performance.now()); see justStored. */
  private lastStored: { at: number; records: ReadonlyMap<string, InquiryRecord> } = { at: 0, records: new Map() };

  /**
   * The inquiry as this desk's last command stored it, if that was within the last second: what the
   * screen opened next (the inquiry just logged) shows while it reads the inquiry back, instead of
   * "Opening…" for a read's length. Any later change reaches that screen through its live read.
   */
  justStored(id: string): InquiryRecord | undefined {
    return performance.now() - this.lastStored.at < JUST_STORED_MS ? this.lastStored.records.get(id) : undefined;
  }

  /** This desk's identity, created on first use. */
  async device(): Promise<DeviceIdentity> {
    return this.db.transaction('rw', this.db.meta, async () => {
      const found = await this.db.meta.get(META.device);
      if (found) return found.value as DeviceIdentity;
      const deviceId = randomDeviceId();
      const identity = { deviceId, deskCode: deviceId.slice(0, 5) };
      await this.db.meta.put({ key: META.device, value: identity });
      return identity;
    });
  }

  private rules: { key: string; rules: TimeRules } | null = null;

  /** The business calendar of the configuration, rebuilt only when the calendar settings change. */
  private timeRules(config: AgencyConfig): TimeRules {
    const calendarConfig = calendarConfigOf(config);
    const key = JSON.stringify(calendarConfig);
    if (this.rules?.key !== key) this.rules = { key, rules: timeRulesOf(createCalendar(calendarConfig)) };
    return this.rules.rules;
  }

  async config(): Promise<AgencyConfig> {
    return normaliseAgencyConfig((await this.db.meta.get(META.config))?.value);
  }

  /**
   * Stores a new agency configuration (Settings) after validating all of it, with a history entry of the one it
   * replaces: all or nothing (renderer/data/agencySettings.ts). Applies to inquiries logged from now on.
   */
  async saveConfig(next: AgencyConfig): Promise<SaveConfigResult> {
    const result = await saveAgencyConfig(this.db, next, this.clock.now());
    // The log's rows carry labels and warning marks worked out from the configuration.
    if (result.changes.length > 0) this.changes.publishConfigChange();
    return result;
  }

  async activeProfile(): Promise<Profile | undefined> {
    const id = (await this.db.meta.get(META.activeProfile))?.value;
    return typeof id === 'string' ? this.db.profiles.get(id) : undefined;
  }

  /** `pin`: the hash of the PIN chosen at setup (renderer/lock/pin.ts), stored with the profile. */
  async createProfile(input: ProfileInput, pin?: PinHash): Promise<Profile> {
    const parsed = profileInputSchema.parse(input);
    const profile: Profile = {
      id: newId(this.clock.now()),
      displayName: parsed.displayName,
      role: parsed.role,
      createdAt: this.clock.now(),
      ...(pin ? { pin } : {}),
    };
    await this.db.transaction('rw', this.db.profiles, this.db.meta, async () => {
      await this.db.profiles.add(profile);
      await this.db.meta.put({ key: META.activeProfile, value: profile.id });
    });
    return profile;
  }

  async switchProfile(id: string): Promise<void> {
    if (!(await this.db.profiles.get(id))) throw new DomainError('not_found', 'That profile no longer exists on this desk.');
    await this.db.meta.put({ key: META.activeProfile, value: id });
  }

  async logInquiry(fields: InquiryFields): Promise<{ id: string; caseNumber: CaseNumber }> {
    const [event] = await this.run(null, async (_state, ctx, device) => {
      const day = isoDayOf(ctx.now, ctx.config.timeZone as TimeZone);
      const caseNumber = formatCaseNumber(day, device.deskCode, await this.nextCaseSeq(day));
      return logInquiry({ fields, caseNumber }, ctx);
    });
    if (event?.type !== 'InquiryLogged') throw new DomainError('storage', 'The inquiry was not logged.');
    return { id: event.inquiryId, caseNumber: event.payload.caseNumber };
  }

  async addNote(inquiryId: string, text: string): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => addNote(state, { text }, ctx));
  }

  async editFields(inquiryId: string, changes: Partial<InquiryFields>): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => editFields(state, changes, ctx));
  }

  // The process steps (shared/inquiry/commands): each refuses a step that does not fit where the inquiry stands.

  async recordOutreach(inquiryId: string, input: OutreachInput): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => recordOutreach(state, input, ctx));
  }

  async referToMco(inquiryId: string, input: ReferralInput): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => referToMco(state, input, ctx));
  }

  async recordMcoReportBack(inquiryId: string, input: { memberContacted: boolean; note: string }): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => recordMcoReportBack(state, input, ctx));
  }

  async recordMcoFollowUp(inquiryId: string, input: { note: string }): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => recordMcoFollowUp(state, input, ctx));
  }

  async scheduleCallback(inquiryId: string, input: CallbackInput): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => scheduleCallback(state, input, ctx));
  }

  async closeCallback(inquiryId: string, input: { callbackId: string; outcome: CallbackOutcome; note?: string }): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => closeCallback(state, input, ctx));
  }

  async resolve(inquiryId: string, input: { resolution: Resolution; text: string }): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => resolveInquiry(state, input, ctx));
  }

  async pauseTimer(
    inquiryId: string,
    input: { timer: PausableTimer; reason: string; waitingFor: (typeof PAUSE_WAITS)[number] },
  ): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => pauseTimer(state, input, ctx));
  }

  async resumeTimer(inquiryId: string, timer: PausableTimer): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => resumeTimer(state, { timer }, ctx));
  }

  /** Quiets the inquiry's warning notifications until `until` (shared/inquiry/commands/snoozeWarnings.ts). */
  async snoozeWarnings(inquiryId: string, input: { until: Instant; reason?: string }): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => snoozeWarnings(state, input, ctx));
  }

  async endSnooze(inquiryId: string, input: { note?: string } = {}): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => endSnooze(state, input, ctx));
  }

  async reopen(inquiryId: string, input: { reason: string }): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => reopenInquiry(state, input, ctx));
  }

  // The grievance record (shared/inquiry/commands/classifyAs*, recordGrievance*).

  async classifyAsComplaint(inquiryId: string, input: ComplaintInput): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => classifyAsComplaint(state, input, ctx));
  }

  async classifyAsInquiry(inquiryId: string, input: { note: string }): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => classifyAsInquiry(state, input, ctx));
  }

  async recordGrievanceReview(inquiryId: string, input: { reviewedOn: string; note: string }): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => recordGrievanceReview(state, input, ctx));
  }

  async recordGrievanceOutcome(inquiryId: string, input: { outcome: GrievanceOutcome; note: string }): Promise<void> {
    await this.run(inquiryId, async (state, ctx) => recordGrievanceOutcome(state, input, ctx));
  }

  /** Everyone seen acting in the log, newest name per id. Call inside a transaction that includes meta. */
  private async rememberPeople(events: readonly InquiryEvent[]): Promise<void> {
    const seen = peopleSeen(((await this.db.meta.get(META.people))?.value ?? {}) as Record<string, KnownPerson>, events);
    if (seen) await this.db.meta.put({ key: META.people, value: seen });
  }

  /**
   * Re-projects every inquiry from its events (after an upgrade of the fold, or to verify), and
   * removes rows that no longer fold from any event. Reads the events in `[inquiryId+hlc]` order,
   * `chunkEvents` at a time (one read and one write per chunk, not one per inquiry), each chunk in
   * its own short transaction, yielding to the window between chunks and reporting progress in
   * inquiries after each: a million events rebuild without freezing the window. A chunk's reading,
   * folding and writing run as one task (a transaction cannot wait for the window), so chunks are
   * small: 1,000 events, about 100 inquiries.
   */
  async rebuildProjections(onProgress?: (done: number, total: number) => void, chunkEvents = 1000): Promise<number> {
    const db = this.db;
    const total = await db.inquiries.count();
    // Rows not met while reading the events: they have none left to fold, so they go at the end.
    const unmet = new Set((await db.inquiries.toCollection().primaryKeys()) as string[]);
    let after: string | null = null;
    let done = 0;
    for (;;) {
      const from = after;
      const ids = await db.transaction('rw', db.events, db.inquiries, async () => {
        const range = from === null ? db.events.orderBy('[inquiryId+hlc]') : db.events.where('[inquiryId+hlc]').above([from, '\uffff']);
        const events = await range.limit(chunkEvents).toArray();
        if (events.length === 0) return null;
        const byInquiry = new Map<string, InquiryEvent[]>();
        for (const e of events) {
          const list = byInquiry.get(e.inquiryId);
          if (list) list.push(e);
          else byInquiry.set(e.inquiryId, [e]);
        }
        // A full chunk may end part-way through an inquiry: it is read again, whole, with the next
        // chunk; an inquiry with more events than a chunk holds is read whole on its own.
        const last = (events[events.length - 1] as InquiryEvent).inquiryId;
        if (events.length === chunkEvents) {
          if (byInquiry.size === 1) byInquiry.set(last, await this.eventsOf(last));
          else byInquiry.delete(last);
        }
        const records: InquiryRecord[] = [];
        const gone: string[] = [];
        for (const [id, list] of byInquiry) {
          const record = projectInquiry(list);
          if (record) records.push(record);
          else gone.push(id);
        }
        await db.inquiries.bulkPut(records);
        if (gone.length > 0) await db.inquiries.bulkDelete(gone);
        return [...byInquiry.keys()];
      });
      if (ids === null) break;
      after = ids[ids.length - 1] as string;
      for (const id of ids) unmet.delete(id);
      done += ids.length;
      onProgress?.(done, Math.max(total, done));
      this.changes.publish(ids);
      await new Promise((r) => setTimeout(r, 0));
    }
    if (unmet.size > 0) {
      const removed = await db.transaction('rw', db.events, db.inquiries, async () => {
        const orphans: string[] = [];
        for (const id of unmet) if ((await this.eventsOf(id)).length === 0) orphans.push(id);
        await db.inquiries.bulkDelete(orphans);
        return orphans;
      });
      done += removed.length;
      onProgress?.(done, Math.max(total, done));
      this.changes.publish(removed);
    }
    return done;
  }

  /**
   * Writes a large set of new events (the legacy import) in ONE transaction: all of them or none.
   * `nextBatch` is called inside the transaction until it returns null: it may do synchronous work and
   * await this database, nothing else (awaiting anything else would let IndexedDB commit early). Each
   * batch is stored with its outbox entries and re-folded rows before the next is asked for, so memory
   * holds one batch and the window repaints between batches; `onProgress` hears after each one.
   * Events already stored (same id) are skipped, which makes a repeated import add nothing.
   */
  async appendInBulk(
    nextBatch: (ctx: CommandContext, db: LiaisonDb) => Promise<InquiryEvent[] | null>,
    onProgress?: (eventsWritten: number) => void,
  ): Promise<{ events: number; inquiryIds: string[] }> {
    const db = this.db;
    const touched = new Set<string>();
    let written = 0;
    await db.transaction('rw', [db.events, db.inquiries, db.outbox, db.meta, db.profiles], async () => {
      const profile = await this.activeProfile();
      if (!profile) throw new DomainError('no_profile', 'Create your profile before importing.');
      const { deviceId } = await this.device();
      const now = this.clock.now();
      const config = await this.config();
      let hlc = ((await db.meta.get(META.hlc))?.value as Hlc | undefined) ?? { wall: 0, counter: 0, deviceId };
      const ctx: CommandContext = {
        actor: actorOf(profile),
        deviceId,
        now,
        stamp: () => {
          hlc = tickHlc(hlc, now);
          return encodeHlc(hlc);
        },
        newId: () => newId(now),
        config,
        time: this.timeRules(config),
      };
      let first: InquiryEvent | undefined;
      // New events join this desk's hash chain in the order stored (renderer/data/chainStore.ts).
      const chain = await ownChainer(db, deviceId);
      // The next batch is prepared while the last one's writes are stored (at most two in flight).
      const inFlight: Promise<unknown>[] = [];
      for (let batch = await nextBatch(ctx, db); batch !== null; batch = await nextBatch(ctx, db)) {
        first ??= batch[0];
        const { ids, written: stored } = await this.appendBatch(batch, chain);
        // Awaited below; a failure also aborts the transaction, whose rejection is what the caller sees.
        stored.catch(() => undefined);
        inFlight.push(stored);
        if (inFlight.length > 1) await inFlight.shift();
        for (const id of ids) touched.add(id);
        written += batch.length;
        onProgress?.(written);
      }
      await Promise.all(inFlight);
      // Every event of an import has the same actor: one is enough to remember them.
      if (first) await this.rememberPeople([first]);
      await db.meta.put({ key: META.hlc, value: hlc });
    });
    // Announce in chunks, yielding between them, so the log re-reads without one long pause.
    const all = [...touched];
    for (let i = 0; i < all.length; i += 2000) {
      this.changes.publish(all.slice(i, i + 2000));
      await new Promise((r) => setTimeout(r, 0));
    }
    return { events: written, inquiryIds: all };
  }

  /**
   * `append` for thousands of events, in two round trips: the reads (which events are already stored,
   * the inquiries' rows, which inquiries already have events) together, then the writes together.
   * Resolves when the reads are done and the rows folded; `written` settles when the writes are stored,
   * so the caller can prepare the next batch meanwhile (IndexedDB runs a transaction's requests in the
   * order they were made, so later reads see these writes). Call inside a transaction.
   */
  private async appendBatch(
    events: readonly InquiryEvent[],
    chain: (fresh: readonly InquiryEvent[]) => Promise<InquiryEvent[]>,
  ): Promise<{ ids: string[]; written: Promise<unknown> }> {
    const db = this.db;
    const inquiryIds = [...new Set(events.map((e) => e.inquiryId))];
    const [knownList, storedList, heldKeys] = await Promise.all([
      db.events.bulkGet(events.map((e) => e.id)),
      db.inquiries.bulkGet(inquiryIds),
      db.events
        .where('[inquiryId+hlc]')
        .inAnyRange(
          inquiryIds.map((id) => [
            [id, ''],
            [id, '\uffff'],
          ]),
        )
        .keys(),
    ]);
    const known = new Set(knownList.filter(Boolean).map((e) => (e as InquiryEvent).id));
    const fresh = await chain(events.filter((e) => !known.has(e.id)));
    if (fresh.length === 0) return { ids: [], written: Promise.resolve() };
    const stored = new Map(inquiryIds.map((id, i) => [id, storedList[i]]));
    // Inquiries with events stored before this batch (synced or imported before): a fold of the batch alone would miss them.
    const held = new Set(heldKeys.map((k) => (k as unknown as [string, string])[0]));
    const byInquiry = new Map<string, InquiryEvent[]>();
    for (const e of fresh) {
      const list = byInquiry.get(e.inquiryId);
      if (list) list.push(e);
      else byInquiry.set(e.inquiryId, [e]);
    }
    const states: InquiryRecord[] = [];
    for (const [id, batch] of byInquiry) {
      const before = stored.get(id);
      let next: InquiryRecord | undefined;
      if (before === undefined) next = held.has(id) ? projectInquiry([...(await this.eventsOf(id)), ...batch]) : projectInquiry(batch);
      else if (batch.some((e) => needsRefold(before, e))) next = projectInquiry([...(await this.eventsOf(id)), ...batch]);
      else next = [...batch].sort(byHlc).reduce<InquiryRecord | undefined>(applyEvent, before);
      if (next) states.push(next);
    }
    const written = Promise.all([
      db.events.bulkAdd(fresh),
      db.outbox.bulkAdd(fresh.map((e) => ({ eventId: e.id, hlc: e.hlc }))),
      db.inquiries.bulkPut(states),
    ]);
    return { ids: [...byInquiry.keys()], written };
  }

  private eventsOf(inquiryId: string): Promise<InquiryEvent[]> {
    return this.db.events.where('[inquiryId+hlc]').between([inquiryId, ''], [inquiryId, '\uffff']).toArray();
  }

  private async nextCaseSeq(day: string): Promise<number> {
    const current = (await this.db.meta.get(META.caseSeq))?.value as CaseSeq | undefined;
    const seq = current?.day === day ? current.seq + 1 : 1;
    await this.db.meta.put({ key: META.caseSeq, value: { day, seq } satisfies CaseSeq });
    return seq;
  }

  /**
   * Runs a command against the current state and commits its events in one transaction. A save is
   * mostly waits on the database, one per step that needs the step before: everything read is asked
   * for together at the start, and everything written is handed over together at the end.
   */
  private async run(
    inquiryId: string | null,
    command: (state: InquiryRecord, ctx: CommandContext, device: DeviceIdentity) => Promise<InquiryEvent[]>,
  ): Promise<InquiryEvent[]> {
    const db = this.db;
    const result = await db.transaction('rw', [db.events, db.inquiries, db.outbox, db.meta, db.profiles], async () => {
      const device = this.device();
      const [profile, { deviceId, deskCode }, state, config, storedHlc, head, people] = await Promise.all([
        this.activeProfile(),
        device,
        inquiryId === null ? undefined : db.inquiries.get(inquiryId),
        this.config(),
        db.meta.get(META.hlc),
        // Read inside this transaction, so a write by another window waits for this one and chains onto it.
        device.then((d) => chainHead(db, d.deviceId)),
        db.meta.get(META.people),
      ]);
      if (!profile) throw new DomainError('no_profile', 'Create your profile before logging work.');
      if (inquiryId !== null && !state) throw new DomainError('not_found', 'That inquiry is not in this log.');
      const now = this.clock.now();
      let hlc = (storedHlc?.value as Hlc | undefined) ?? { wall: 0, counter: 0, deviceId };
      const ctx: CommandContext = {
        actor: actorOf(profile),
        deviceId,
        now,
        stamp: () => {
          hlc = tickHlc(hlc, now);
          return encodeHlc(hlc);
        },
        newId: () => newId(now),
        config,
        time: this.timeRules(config),
      };
      // Chained onto this desk's hash chain inside this transaction (renderer/data/chainStore.ts).
      const produced = await chainOntoHead(await command(state as InquiryRecord, ctx, { deviceId, deskCode }), head);
      const stored = await this.store(produced, state, people?.value as Record<string, KnownPerson> | undefined, {
        key: META.hlc,
        value: hlc,
      });
      return { produced, stored };
    });
    this.lastStored = { at: performance.now(), records: new Map(result.stored.map((r) => [r.id, r])) };
    this.changes.publish([...new Set(result.produced.map((e) => e.inquiryId))]);
    return result.produced;
  }

  /**
   * Stores a command's new events, their outbox entries, the new projections (which it returns), the
   * people seen and the desk's clock. `state`: the inquiry the command ran on, as read in this
   * transaction. Call inside the command's transaction.
   */
  private async store(
    events: readonly InquiryEvent[],
    state: InquiryRecord | undefined,
    people: Record<string, KnownPerson> | undefined,
    clock: { key: string; value: Hlc },
  ): Promise<InquiryRecord[]> {
    const db = this.db;
    const writes: Promise<unknown>[] = [db.meta.put(clock)];
    if (events.length === 0) {
      await Promise.all(writes);
      return [];
    }
    // The events are new (their ids were made by this command), so they are added without looking first.
    const added = db.events.bulkAdd(events);
    writes.push(added, db.outbox.bulkAdd(events.map((e) => ({ eventId: e.id, hlc: e.hlc }))));
    const seen = peopleSeen(people ?? {}, events);
    if (seen) writes.push(db.meta.put({ key: META.people, value: seen }));
    // Should a re-projection below fail, the transaction aborts and its rejection is what the caller
    // sees; the writes handed over meanwhile then fail too, and are not left unhandled.
    for (const w of writes) w.catch(() => undefined);
    // Per inquiry: fold the new events onto its row in HLC order. The row is the one the command ran
    // on, or none for an inquiry this command logged. Otherwise (an event sorting before what the row
    // has seen, or another inquiry), re-project from all stored events, which include these once added:
    // folding them again on top would count them twice.
    const byInquiry = new Map<string, InquiryEvent[]>();
    for (const e of events) byInquiry.set(e.inquiryId, [...(byInquiry.get(e.inquiryId) ?? []), e]);
    const states: InquiryRecord[] = [];
    for (const [id, batch] of byInquiry) {
      const sorted = [...batch].sort(byHlc);
      const logged = sorted[0]?.type === 'InquiryLogged';
      const onto = id === state?.id ? state : undefined;
      let next: InquiryRecord | undefined;
      if (logged || (onto && !sorted.some((e) => needsRefold(onto, e)))) next = sorted.reduce<InquiryRecord | undefined>(applyEvent, onto);
      else {
        await added;
        next = projectInquiry(await this.eventsOf(id));
      }
      if (next) states.push(next);
    }
    writes.push(db.inquiries.bulkPut(states));
    await Promise.all(writes);
    return states;
  }
}

/** `known` with the actors of `events` added or updated; null when nothing changed. */
function peopleSeen(known: Record<string, KnownPerson>, events: readonly InquiryEvent[]): Record<string, KnownPerson> | null {
  let next: Record<string, KnownPerson> | null = null;
  for (const { actor } of events) {
    const was = (next ?? known)[actor.id];
    if (was && was.name === actor.name && was.role === actor.role) continue;
    next ??= { ...known };
    next[actor.id] = { id: actor.id, name: actor.name, role: actor.role };
  }
  return next;
}

/** How long a stored inquiry is offered to the next screen (justStored): one save and one navigation. */
const JUST_STORED_MS = 1000;
