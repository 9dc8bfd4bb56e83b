/*
 * Over 500 lines because Repo is the desk's one face to the screens: the reads they watch, the profile, the device and
 * the configuration, and every step as a named one-line method over `execute`, so a screen's call says what it
 * records. The write path itself is the event store's (eventStore/), the command rules shared/'s.
 */
import { type AgencyConfig, calendarConfigOf, normaliseAgencyConfig } from '../../shared/config/agencyConfig';
import { DomainError } from '../../shared/errors';
import { codeFromBytes, newId } from '../../shared/ids';
import { type CaseNumber, formatCaseNumber } from '../../shared/inquiry/caseNumber';
import type { ComplaintInput } from '../../shared/inquiry/commands/classifyAsComplaint';
import type { CommandContext, TimeRules } from '../../shared/inquiry/commands/context';
import { logInquiry } from '../../shared/inquiry/commands/logInquiry';
import type { OutreachInput } from '../../shared/inquiry/commands/recordOutreach';
import type { ReferralInput } from '../../shared/inquiry/commands/referToMco';
import { type CommandInput, type CommandName, runCommand } from '../../shared/inquiry/commands/registry';
import type { CallbackInput } from '../../shared/inquiry/commands/scheduleCallback';
import type { WhenInput } from '../../shared/inquiry/commands/when';
import { type InquiryEvent, type PAUSE_WAITS, type PausableTimer, ROSTER_STREAM } from '../../shared/inquiry/events';
import type { InquiryFields } from '../../shared/inquiry/fields';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import { actorOf, type PinHash, type Profile, type ProfileInput, profileInputSchema } from '../../shared/people';
import { legacyPeople } from '../../shared/roster/commands';
import { EMPTY_ROSTER, legacyAssignees, type Roster, type RosterPerson, withPeopleAtWork } from '../../shared/roster/roster';
import { encodeHlc, type Hlc, tickHlc } from '../../shared/sync/hlc';
import { createCalendar } from '../../shared/time/calendar';
import type { StatePresetId } from '../../shared/time/statePresets';
import { timeRulesOf } from '../../shared/time/timeRules';
import type { Clock, Instant } from '../../shared/time/types';
import { isoDayOf } from '../../shared/time/zone';
import { type ConfigHistoryEntry, type SaveConfigResult, saveAgencyConfig } from './agencySettings';
import { BulkWriteStopped } from './bulkWrite';
import {
  type CalendarPresetDecision,
  type CalendarPresetNotice,
  calendarPresetNotice,
  configStored,
  decideCalendarPreset,
} from './calendarPreset';
import { chainHead } from './chainStore';
import type { ChangeFeed } from './changes';
import type { LiaisonDb } from './db';
import { type DeskServices, deskServices } from './deskServices';
import { EventStore } from './eventStore/eventStore';
import { eventsOf } from './eventStore/timeline';
import { type CaseSeq, type DeviceIdentity, getMeta, getMetas, type KnownPerson, putMeta } from './meta';
import { declineRosterLink, linkProfileToRoster, rosterLinkOffer } from './rosterLink';

export type { DeviceIdentity, KnownPerson } from './meta';

function randomDeviceId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return codeFromBytes(bytes, 16);
}

/**
 * Every write to the log starts here: a command from shared/ turns input into events, and the event
 * store (eventStore/eventStore.ts) stores them with their rows, outbox entries and the desk's clock
 * in the same transaction that read the inquiry: all or nothing.
 */
export class Repo {
  private readonly events: EventStore;
  /** The lead tools, import, chain, backup and PIN operations, bound to this database (deskServices.ts). */
  readonly reports: DeskServices['reports'];
  readonly imports: DeskServices['imports'];
  readonly chain: DeskServices['chain'];
  readonly backups: DeskServices['backups'];
  readonly pins: DeskServices['pins'];
  readonly drafts: DeskServices['drafts'];
  /** The database as sync sees it (syncStore.ts), announcing on `changes`. */
  readonly syncStore: DeskServices['syncStore'];

  constructor(
    private readonly db: LiaisonDb,
    private readonly clock: Clock,
    private readonly changes: ChangeFeed,
  ) {
    this.events = new EventStore(db, changes);
    const services = deskServices(db);
    this.reports = services.reports;
    this.imports = services.imports;
    this.chain = services.chain;
    this.backups = services.backups;
    this.pins = services.pins;
    this.drafts = services.drafts;
    this.syncStore = services.syncStore;
  }

  // Reads the screens watch (renderer/data/hooks.ts runs them as live queries).

  profiles(): Promise<Profile[]> {
    return this.db.profiles.toArray();
  }

  /** Everyone this desk knows (its profiles and everyone seen in the log), by name: for assigning and callbacks. */
  async knownPeople(): Promise<KnownPerson[]> {
    const [seen, profiles] = await Promise.all([getMeta(this.db.meta, 'people'), this.db.profiles.toArray()]);
    const byId = new Map<string, KnownPerson>(Object.values(seen ?? {}).map((p) => [p.id, p]));
    for (const p of profiles) byId.set(p.id, { id: p.id, name: p.displayName, role: p.role });
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * The unit's roster: the fold of its events (kept by the event store), and the people working at this desk or
   * seen acting in the log whom no lead has added yet (shared/roster/roster.ts withPeopleAtWork).
   */
  async roster(): Promise<Roster> {
    const [[stored, seen], profiles] = await Promise.all([
      getMetas(this.db.meta, ['roster', 'people'] as const),
      this.db.profiles.toArray(),
    ]);
    return withPeopleAtWork(stored ?? EMPTY_ROSTER, [
      ...profiles.map((p) => ({ id: p.id, name: p.displayName, role: p.role })),
      ...Object.values(seen ?? {}),
    ]);
  }

  /** The roster's events (everyone's history), oldest first. */
  rosterHistory(): Promise<InquiryEvent[]> {
    return eventsOf(this.db.events, ROSTER_STREAM);
  }

  /**
   * Runs a roster command (shared/roster/commands.ts) against the roster as stored and stores its events,
   * in one transaction, as an inquiry's step is (`run`).
   */
  async changeRoster(command: (roster: Roster, ctx: CommandContext) => InquiryEvent[]): Promise<InquiryEvent[]> {
    const db = this.db;
    const { deviceId } = await this.device();
    return this.events.write({ deviceId }, async (w) => {
      const [desk, roster, head] = await Promise.all([this.readDesk(), this.roster(), chainHead(db, deviceId)]);
      if (!desk.profile) throw new DomainError('no_profile', 'Create your profile before changing the roster.');
      let hlc = desk.hlc ?? { wall: 0, counter: 0, deviceId };
      const ctx = this.contextOf(desk.profile, deviceId, desk.config, (next) => {
        hlc = next(hlc);
        return hlc;
      });
      const produced = command(roster, ctx);
      if (produced.length === 0) return [];
      w.know({ head, people: desk.people ?? {} });
      return (await w.append(produced, 'command', { clock: { to: hlc } })).events;
    });
  }

  /** The inquiries a person of this desk has opened, with the assignment stamp they saw then. */
  async openedBy(profileId: string): Promise<Record<string, string>> {
    return (await getMeta(this.db.meta, `opened:${profileId}`)) ?? {};
  }

  /** Remembers that a person opened an inquiry assigned to them as of `assignedHlc` (it is no longer "new to you"). */
  async markOpened(profileId: string, inquiryId: string, assignedHlc: string): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.meta, async () => {
      const opened = (await getMeta(db.meta, `opened:${profileId}`)) ?? {};
      if (opened[inquiryId] === assignedHlc) return;
      await putMeta(db.meta, `opened:${profileId}`, { ...opened, [inquiryId]: assignedHlc });
    });
  }

  /** The device identity as stored, without making one (undefined on a desk that has none yet). */
  storedDevice(): Promise<DeviceIdentity | undefined> {
    return getMeta(this.db.meta, 'device');
  }

  inquiry(id: string): Promise<InquiryRecord | undefined> {
    return this.db.inquiries.get(id);
  }

  /** The inquiry's timeline, oldest first (HLC order). */
  timeline(id: string): Promise<InquiryEvent[]> {
    return eventsOf(this.db.events, id);
  }

  /** Saved configuration changes, newest first. */
  async configHistory(): Promise<ConfigHistoryEntry[]> {
    return (await getMeta(this.db.meta, 'configHistory')) ?? [];
  }

  /** A person's saved log views as stored (renderer/data/savedViews.ts parses them). */
  savedViews(profileId: string): Promise<unknown> {
    return getMeta(this.db.meta, `savedViews:${profileId}`);
  }

  /** A person's log columns as stored (shared/log/logLayout.ts normalises them): meta `logLayout:<profile id>`, this desk only. */
  logLayout(profileId: string): Promise<unknown> {
    return getMeta(this.db.meta, `logLayout:${profileId}`);
  }

  async setLogLayout(profileId: string, layout: unknown): Promise<void> {
    await putMeta(this.db.meta, `logLayout:${profileId}`, layout);
  }

  /** Changes a person's saved views in one transaction: `change` gets them as read and returns them as to be stored. */
  async updateSavedViews<T>(profileId: string, change: (stored: unknown) => { value: unknown; result: T }): Promise<T> {
    const db = this.db;
    return db.transaction('rw', db.meta, async () => {
      const { value, result } = change(await getMeta(db.meta, `savedViews:${profileId}`));
      await putMeta(db.meta, `savedViews:${profileId}`, value);
      return result;
    });
  }

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

  /** Made once and never changed, so kept after the first read. */
  private identity: DeviceIdentity | null = null;

  /** This desk's identity, created on first use. */
  async device(): Promise<DeviceIdentity> {
    if (this.identity) return this.identity;
    const db = this.db;
    this.identity = await db.transaction('rw', db.meta, async () => {
      const found = await getMeta(db.meta, 'device');
      if (found) return found;
      const deviceId = randomDeviceId();
      const identity = { deviceId, deskCode: deviceId.slice(0, 5) };
      await putMeta(db.meta, 'device', identity);
      return identity;
    });
    return this.identity;
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
    return normaliseAgencyConfig(await getMeta(this.db.meta, 'config'));
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

  /** The one-time notice offering the state's closed days to a desk set up before presets (calendarPreset.ts), or null. */
  calendarPresetNotice(): Promise<CalendarPresetNotice | null> {
    return calendarPresetNotice(this.db, this.clock.now());
  }

  /** Whether a configuration was ever stored here: first-run set-up asks the agency's state when not. */
  configStored(): Promise<boolean> {
    return configStored(this.db);
  }

  /** Records the closed-days decision (set-up, or a lead's answer to the notice), saving the preset unless kept. */
  async decideCalendarPreset(decision: CalendarPresetDecision['decision'], preset: StatePresetId): Promise<void> {
    const profile = await this.activeProfile();
    const by = profile ? { id: profile.id, name: profile.displayName } : null;
    await decideCalendarPreset(this.db, (next) => this.saveConfig(next), decision, preset, this.clock.now(), by);
  }

  async activeProfile(): Promise<Profile | undefined> {
    const id = await getMeta(this.db.meta, 'activeProfile');
    return typeof id === 'string' ? this.db.profiles.get(id) : undefined;
  }

  /**
   * A person starts on this desk: their profile, made the active one, and their roster entry. `pin`: the hash
   * of the PIN chosen (renderer/lock/pin.ts). `rosterId`: the roster entry they are (a colleague a lead added
   * before they first used the app); otherwise a new entry is added with the profile's id.
   */
  async createProfile(input: ProfileInput, pin?: PinHash, rosterId?: string): Promise<Profile> {
    const parsed = profileInputSchema.parse(input);
    const profile: Profile = {
      id: rosterId ?? newId(this.clock.now()),
      displayName: parsed.displayName,
      role: parsed.role,
      createdAt: this.clock.now(),
      ...(pin ? { pin } : {}),
    };
    const db = this.db;
    if (await db.profiles.get(profile.id))
      throw new DomainError('validation', `${profile.displayName} already works at this desk: unlock as them.`);
    await db.transaction('rw', db.profiles, db.meta, async () => {
      await db.profiles.add(profile);
      await putMeta(db.meta, 'activeProfile', profile.id);
    });
    return profile;
  }

  /** The roster entry the person at the desk may be, to ask them (renderer/data/rosterLink.ts); null: nothing to ask. */
  rosterLinkOffer(profileId: string): Promise<RosterPerson | null> {
    return rosterLinkOffer(this.db, profileId);
  }

  declineRosterLink(profileId: string, personId: string): Promise<void> {
    return declineRosterLink(this.db, profileId, personId);
  }

  /**
   * The person confirmed the roster entry is them: their profile becomes it, and their open inquiries assigned to
   * the profile's old id are reassigned to it (by them), so they stay in their "My inquiries" on every desk.
   */
  async linkProfileToRoster(profileId: string, personId: string): Promise<Profile> {
    const linked = await linkProfileToRoster(this.db, profileId, personId);
    const theirs = await this.db.inquiries.filter((r) => r.status === 'open' && r.assignee?.id === profileId).primaryKeys();
    for (const id of theirs) await this.editFields(id, { assignee: { id: linked.id, name: linked.displayName } });
    return linked;
  }

  async switchProfile(id: string): Promise<void> {
    if (!(await this.db.profiles.get(id))) throw new DomainError('not_found', 'That profile no longer exists on this desk.');
    await putMeta(this.db.meta, 'activeProfile', id);
  }

  async logInquiry(fields: InquiryFields): Promise<{ id: string; caseNumber: CaseNumber }> {
    const [event] = await this.run(null, (_state, ctx, { deskCode, caseSeq }) => {
      const day = isoDayOf(ctx.now, ctx.config.timeZone);
      const caseNumber = formatCaseNumber(day, deskCode, caseSeq(day));
      return logInquiry({ fields, caseNumber }, ctx);
    });
    if (event?.type !== 'InquiryLogged') throw new DomainError('storage', 'The inquiry was not logged.');
    return { id: event.inquiryId, caseNumber: event.payload.caseNumber };
  }

  /**
   * Runs a command of shared/inquiry/commands/registry.ts on the inquiry and stores its events. Each
   * refuses (DomainError) a step that does not fit where the inquiry stands.
   */
  async execute<N extends CommandName>(name: N, inquiryId: string, input: CommandInput<N>): Promise<void> {
    await this.run(inquiryId, (state, ctx) => runCommand(name, state as InquiryRecord, input, ctx));
  }

  // The screens' names for the commands, kept so each screen reads as the step it takes.

  /** `when`: when what the note tells happened (absent: now). */
  addNote(inquiryId: string, text: string, when: WhenInput = {}): Promise<void> {
    return this.execute('addNote', inquiryId, { text, ...when });
  }

  editFields(inquiryId: string, changes: Partial<InquiryFields>): Promise<void> {
    return this.execute('editFields', inquiryId, changes);
  }

  recordOutreach(inquiryId: string, input: OutreachInput): Promise<void> {
    return this.execute('recordOutreach', inquiryId, input);
  }

  referToMco(inquiryId: string, input: ReferralInput): Promise<void> {
    return this.execute('referToMco', inquiryId, input);
  }

  recordMcoReportBack(inquiryId: string, input: CommandInput<'recordMcoReportBack'>): Promise<void> {
    return this.execute('recordMcoReportBack', inquiryId, input);
  }

  recordMcoFollowUp(inquiryId: string, input: CommandInput<'recordMcoFollowUp'>): Promise<void> {
    return this.execute('recordMcoFollowUp', inquiryId, input);
  }

  scheduleCallback(inquiryId: string, input: CallbackInput): Promise<void> {
    return this.execute('scheduleCallback', inquiryId, input);
  }

  closeCallback(inquiryId: string, input: CommandInput<'closeCallback'>): Promise<void> {
    return this.execute('closeCallback', inquiryId, input);
  }

  resolve(inquiryId: string, input: CommandInput<'resolveInquiry'>): Promise<void> {
    return this.execute('resolveInquiry', inquiryId, input);
  }

  pauseTimer(inquiryId: string, input: { timer: PausableTimer; reason: string; waitingFor: (typeof PAUSE_WAITS)[number] }): Promise<void> {
    return this.execute('pauseTimer', inquiryId, input);
  }

  resumeTimer(inquiryId: string, timer: PausableTimer): Promise<void> {
    return this.execute('resumeTimer', inquiryId, { timer });
  }

  /** Quiets the inquiry's warning notifications until `until` (shared/inquiry/commands/snoozeWarnings.ts). */
  snoozeWarnings(inquiryId: string, input: { until: Instant; reason?: string }): Promise<void> {
    return this.execute('snoozeWarnings', inquiryId, input);
  }

  endSnooze(inquiryId: string, input: { note?: string } = {}): Promise<void> {
    return this.execute('endSnooze', inquiryId, input);
  }

  reopen(inquiryId: string, input: { reason: string }): Promise<void> {
    return this.execute('reopenInquiry', inquiryId, input);
  }

  classifyAsComplaint(inquiryId: string, input: ComplaintInput): Promise<void> {
    return this.execute('classifyAsComplaint', inquiryId, input);
  }

  classifyAsInquiry(inquiryId: string, input: { note: string }): Promise<void> {
    return this.execute('classifyAsInquiry', inquiryId, input);
  }

  recordGrievanceReview(inquiryId: string, input: CommandInput<'recordGrievanceReview'>): Promise<void> {
    return this.execute('recordGrievanceReview', inquiryId, input);
  }

  recordGrievanceOutcome(inquiryId: string, input: CommandInput<'recordGrievanceOutcome'>): Promise<void> {
    return this.execute('recordGrievanceOutcome', inquiryId, input);
  }

  /** Folds every row again from its events (Settings → Rebuild the list): renderer/data/eventStore/rebuild.ts. */
  rebuildProjections(onProgress?: (done: number, total: number) => void, chunkEvents?: number): Promise<number> {
    return this.events.rebuild(onProgress, chunkEvents);
  }

  /**
   * Writes a large set of new events (the legacy import) a batch per transaction: `nextBatch` is called inside
   * each transaction until it returns null, and may do synchronous work and await this database, nothing else
   * (awaiting anything else would let IndexedDB commit early). Each batch is stored with its outbox entries,
   * chain links and folded rows, and committed, before the next is asked for: memory holds one batch, the window
   * repaints between batches, and another window's write waits for one batch, never for the whole import. The
   * log hears of the inquiries once, at the end (or when a batch fails): re-counting a growing log after every
   * batch would keep the window busy. A batch holds whole inquiries, so none is ever half-written;
   * should one fail, the batches before it stay (the error says how many events were written: `BulkWriteStopped`),
   * and running the same import again skips them, as events already stored (same id) are skipped.
   * `onProgress` hears after each batch is committed.
   */
  async appendInBulk(
    nextBatch: (ctx: CommandContext, db: LiaisonDb) => Promise<InquiryEvent[] | null>,
    onProgress?: (eventsWritten: number) => void,
  ): Promise<{ events: number; inquiryIds: string[] }> {
    const db = this.db;
    const { deviceId } = await this.device();
    let written = 0;
    const inquiryIds = new Set<string>();
    for (;;) {
      let stored: number;
      try {
        stored = await this.events.write(
          { deviceId },
          async (w) => {
            const { profile, config, hlc: storedHlc } = await this.readDesk();
            if (!profile) throw new DomainError('no_profile', 'Create your profile before importing.');
            let hlc = storedHlc ?? { wall: 0, counter: 0, deviceId };
            const ctx = this.contextOf(profile, deviceId, config, (next) => {
              hlc = next(hlc);
              return hlc;
            });
            let batch = await nextBatch(ctx, db);
            if (batch === null) return -1;
            // Assignees the old log names who are on the roster nowhere: inactive roster entries, matched by name.
            const named = legacyPeople(await this.roster(), legacyAssignees(batch), ctx);
            if (named.length > 0) batch = [...batch, ...named];
            await (await w.append(batch, 'import')).written;
            w.moveClock({ to: hlc });
            for (const id of w.touched) inquiryIds.add(id);
            return batch.length;
          },
          { announce: false },
        );
      } catch (e) {
        await this.events.announceChanged([...inquiryIds]);
        if (written === 0) throw e;
        throw new BulkWriteStopped(written, e);
      }
      if (stored < 0) break;
      written += stored;
      onProgress?.(written);
    }
    // Once, at the end: the log re-reads and re-counts the whole import once, not after every batch.
    await this.events.announceChanged([...inquiryIds]);
    return { events: written, inquiryIds: [...inquiryIds] };
  }

  /** What every write needs from meta and profiles, in one round of reads. */
  private async readDesk() {
    const db = this.db;
    const [[activeProfile, config, hlc, people, caseSeq], profiles] = await Promise.all([
      getMetas(db.meta, ['activeProfile', 'config', 'hlc', 'people', 'caseSeq'] as const),
      // A desk has a handful of profiles: all of them in this round, rather than the active one in a second.
      db.profiles.toArray(),
    ]);
    return { profile: profiles.find((p) => p.id === activeProfile), config: normaliseAgencyConfig(config), hlc, people, caseSeq };
  }

  private contextOf(profile: Profile, deviceId: string, config: AgencyConfig, tick: (next: (hlc: Hlc) => Hlc) => Hlc): CommandContext {
    const now = this.clock.now();
    return {
      actor: actorOf(profile),
      deviceId,
      now,
      stamp: () => encodeHlc(tick((hlc) => tickHlc(hlc, now))),
      newId: () => newId(now),
      config,
      time: this.timeRules(config),
    };
  }

  /**
   * Runs a command against the current state and commits its events in one transaction: one round of
   * reads (everything the command and the write need, asked for together), the command, one round of
   * writes. A save is mostly waits on the database, so their number is what it costs.
   */
  private async run(
    inquiryId: string | null,
    command: (state: InquiryRecord | undefined, ctx: CommandContext, desk: DeskFacts) => InquiryEvent[],
  ): Promise<InquiryEvent[]> {
    const db = this.db;
    const started = performance.now();
    const { deviceId, deskCode } = await this.device();
    const result = await this.events.write({ deviceId }, async (w) => {
      const [desk, state, head] = await Promise.all([
        this.readDesk(),
        inquiryId === null ? undefined : db.inquiries.get(inquiryId),
        // Read inside this transaction, so a write by another window waits for this one and chains onto it.
        chainHead(db, deviceId),
      ]);
      if (!desk.profile) throw new DomainError('no_profile', 'Create your profile before logging work.');
      if (inquiryId !== null && !state) throw new DomainError('not_found', 'That inquiry is not in this log.');
      let hlc = desk.hlc ?? { wall: 0, counter: 0, deviceId };
      const ctx = this.contextOf(desk.profile, deviceId, desk.config, (next) => {
        hlc = next(hlc);
        return hlc;
      });
      const caseSeq = (day: string): number => {
        const seq = desk.caseSeq?.day === day ? desk.caseSeq.seq + 1 : 1;
        w.track(putMeta(db.meta, 'caseSeq', { day, seq } satisfies CaseSeq));
        return seq;
      };
      const produced = command(state, ctx, { deskCode, caseSeq });
      w.know({ head, people: desk.people ?? {} });
      const rows = inquiryId === null ? undefined : new Map([[inquiryId, state]]);
      const appended = await w.append(produced, 'command', { rows, clock: { to: hlc } });
      return appended;
    });
    this.lastStored = { at: performance.now(), records: new Map(result.rows.map((r) => [r.id, r])) };
    measureCommand(started);
    return result.events;
  }
}

/**
 * A command's write, from its start to the change feed told, as a user-timing measure `ll:command` (the benchmark
 * sets it beside the bare write floor: bench/README.md). Observers receive it; the timeline does not keep it.
 */
function measureCommand(started: number): void {
  if (typeof performance.measure !== 'function') return;
  try {
    performance.measure(COMMAND_MEASURE, { start: started });
    performance.clearMeasures(COMMAND_MEASURE);
  } catch {
    // A runtime without user timing's options (some test environments) goes unmeasured.
  }
}
export const COMMAND_MEASURE = 'll:command';

/** What a command learns about the desk beyond its context: its code, and the next case sequence of a day. */
interface DeskFacts {
  deskCode: string;
  caseSeq: (day: string) => number;
}

/** How long a stored inquiry is offered to the next screen (justStored): one save and one navigation. */
const JUST_STORED_MS = 1000;
