import type { Table } from 'dexie';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import type { ChainBreak, EventRef } from '../../shared/inquiry/chain';
import type { SignOff } from '../../shared/inquiry/chainReport';
import type { Actor, PersonRef } from '../../shared/people';
import type { Roster } from '../../shared/roster/roster';
import type { Hlc } from '../../shared/sync/hlc';
import type { SyncLocalState } from '../../shared/sync/store';
import type { StatePresetId } from '../../shared/time/statePresets';
import type { Instant } from '../../shared/time/types';

/*
 * The `meta` table: one record per key, each key's value type declared here once. Everything stored
 * in it is read and written through `getMeta`/`putMeta`, so a key cannot be misspelt and a value
 * cannot be read back as the wrong type. Values that may come from an older build or a hand-edited
 * backup (the configuration, the saved views, learned import mappings) are declared `unknown` and
 * parsed by their readers.
 */

/** This desk's identity, made on first use. */
export interface DeviceIdentity {
  deviceId: string;
  /** 5 characters of the device id, printed in this desk's case numbers. */
  deskCode: string;
}

/** A colleague known to this desk from the events they wrote. */
export interface KnownPerson {
  id: string;
  name: string;
  role: Actor['role'];
}

/** The last case number's sequence of this desk, per agency day. */
export interface CaseSeq {
  day: string;
  seq: number;
}

/** This desk's sync preferences (how often to sync). */
export interface SyncPrefs {
  intervalSec: number;
}

/** A configuration as it was before a change (Settings keeps a history: agencySettings.ts). */
export interface ConfigHistoryEntry {
  /** When the change was saved, and by whom (null on a desk with no profile yet). */
  at: Instant;
  by: PersonRef | null;
  /** What changed, in sentences (describeConfigChanges). */
  changes: string[];
  /** The configuration as it was before this change. */
  previous: AgencyConfig;
}

/** A break of a hash chain found and not put right since (chainStore.ts). */
export interface StoredFinding extends ChainBreak {
  foundAt: Instant;
  /** Found on arrival by sync, by the background check, by "Verify the log", or in a file before it was imported. */
  via: 'sync' | 'background' | 'verify' | 'import';
}

/** Where the background check of one desk's chain got to with nothing missing. */
export interface VerifiedPrefix {
  seq: number;
  hash: string;
  event: EventRef;
}

/** Where the background check's daily pass over every chain is (chainSweep.ts). */
export interface SweepState {
  /** When this pass began; the next begins a day after. */
  startedAt: Instant;
  /** When the last pass was complete (null: none yet). */
  lastCompletedAt: Instant | null;
  /** null: the pass is complete (waiting for the next). */
  cursor: { deviceId: string; last: VerifiedPrefix | null } | null;
}

/** An import or restore of a full copy, as the desk records it (verifyImport.ts). */
export interface ImportRecord {
  at: Instant;
  by: { name: string; profileId: string; role: Actor['role'] };
  kind: 'backup' | 'file';
  /** The file's name (a backup: null). */
  fileName: string | null;
  deskCode: string | null;
  events: number;
  chained: number;
  breaks: number;
  gaps: number;
  /** clean: no breaks; accepted: breaks seen and imported on the lead's decision. */
  decision: 'clean' | 'accepted';
}

/** The closed-days preset chosen at first-run set-up, or a lead's answer to the one-time notice (calendarPreset.ts). */
export interface CalendarPresetDecision {
  /** set-up: chosen at first run; accepted / kept: a lead's answer to the notice. */
  decision: 'set-up' | 'accepted' | 'kept';
  preset: StatePresetId;
  at: Instant;
  by: PersonRef | null;
}

export interface MetaValues {
  device: DeviceIdentity;
  /** The profile working at this desk. */
  activeProfile: string;
  /** The agency configuration as stored: read through normaliseAgencyConfig. */
  config: unknown;
  configHistory: ConfigHistoryEntry[];
  /** This desk's hybrid logical clock: every stamp it gives is above it. */
  hlc: Hlc;
  caseSeq: CaseSeq;
  /** Everyone seen acting in this log (any desk), by id: whom work can be assigned to and callbacks given. */
  people: Record<string, KnownPerson>;
  /** The unit's roster: the fold of the roster stream's events (shared/roster/roster.ts), kept by the event store. */
  roster: Roster;
  /** Per person of this desk: the inquiries they have opened, with the assignment stamp they saw ("new to you" until then). */
  [opened: `opened:${string}`]: Record<string, string>;
  sync: SyncLocalState;
  syncPrefs: Partial<SyncPrefs>;
  /** Normalised header → import field (or null: not imported), as people chose them before. Parsed on read. */
  importMappings: unknown;
  /** Per desk: the link up to which its chain has been checked in the background with nothing missing. */
  chainVerified: Record<string, VerifiedPrefix>;
  /** Breaks found (by sync, the background check, a full verify or an import's check) and not put right since. */
  chainFindings: StoredFinding[];
  /** The sign-offs of "Verify the log", oldest first. */
  chainSignOffs: SignOff[];
  /** The background check's daily pass over every chain. */
  chainSweep: SweepState;
  /** Imports and restores of full copies, with what their check found. */
  chainImports: ImportRecord[];
  /** The closed-days preset chosen at set-up, or a lead's answer to the one-time notice (calendarPreset.ts). */
  calendarPresetDecision: CalendarPresetDecision;
  /** A person's saved log views. Parsed on read (a column may have been renamed since). */
  [savedViews: `savedViews:${string}`]: unknown;
  /** A person's log grid columns (shared/log/logLayout.ts), this desk only. */
  [logLayout: `logLayout:${string}`]: unknown;
  /** Per person of this desk: the roster entry they said is not them (rosterLink.ts), so it is not offered again. */
  [rosterLinkDeclined: `rosterLinkDeclined:${string}`]: string;
}

export type MetaKey = keyof MetaValues & string;

export interface MetaEntry {
  key: string;
  value: unknown;
}

/** The `meta` table, of the database or of a transaction (an upgrade's). */
type MetaTable = Table<MetaEntry, string>;

// Dexie's own promises (`.then`, not `async`): a read stays inside the caller's transaction and live query.

export function getMeta<K extends MetaKey>(meta: MetaTable, key: K): Promise<MetaValues[K] | undefined> {
  return meta.get(key).then((row) => row?.value as MetaValues[K] | undefined);
}

/** Several keys in one read. */
export function getMetas<const K extends readonly MetaKey[]>(
  meta: MetaTable,
  keys: K,
): Promise<{ [I in keyof K]: MetaValues[K[I]] | undefined }> {
  return meta.bulkGet([...keys]).then((rows) => rows.map((r) => r?.value) as { [I in keyof K]: MetaValues[K[I]] | undefined });
}

export function putMeta<K extends MetaKey>(meta: MetaTable, key: K, value: MetaValues[K]): Promise<string> {
  return meta.put({ key, value });
}

export function deleteMeta(meta: MetaTable, key: MetaKey): Promise<void> {
  return meta.delete(key);
}
