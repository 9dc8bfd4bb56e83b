import type { AgencyConfig } from '../../shared/config/agencyConfig';
import { calendarConfigOf, normaliseAgencyConfig } from '../../shared/config/agencyConfig';
import { type CalendarDifference, calendarDifference } from '../../shared/config/closedDays';
import { ConfigInvalidError, validateAgencyConfig } from '../../shared/config/validateConfig';
import type { PersonRef } from '../../shared/people';
import { STATE_PRESET_IDS, STATE_PRESETS, type StatePresetId } from '../../shared/time/statePresets';
import type { Instant } from '../../shared/time/types';
import { isoDayOf } from '../../shared/time/zone';
import type { LiaisonDb } from './db';
import { type CalendarPresetDecision, getMeta, putMeta } from './meta';

export type { CalendarPresetDecision } from './meta';

/*
 * The agency's closed days by statute (docs/holidays.md): chosen at first-run set-up, and offered once to a
 * desk set up before presets existed, whose calendar is the holiday library's public list. The decision is
 * kept in `meta.calendarPresetDecision` so the notice is shown until a unit lead answers it, and never again.
 */

/** What the notice shows: the preset offered and the office days in the next 12 months that would change. */
export interface CalendarPresetNotice {
  preset: StatePresetId;
  difference: CalendarDifference;
}

const NOTICE_DAYS = 365;

/** The configuration with a state's preset as its calendar (agency's own closures and open days kept). */
export function withStatePreset(config: AgencyConfig, preset: StatePresetId): AgencyConfig {
  return { ...config, calendar: { ...config.calendar, statePreset: preset, holidayRegion: STATE_PRESETS[preset].region } };
}

/** The preset whose state's offices a calendar region belongs to (US-IA → IA), or null. */
export function presetOfRegion(region: string): StatePresetId | null {
  return STATE_PRESET_IDS.find((id) => STATE_PRESETS[id].region === region) ?? null;
}

/** The notice to show, or null: a decision was recorded, the calendar has a preset, or its region is no preset's state. */
export async function calendarPresetNotice(db: LiaisonDb, now: Instant): Promise<CalendarPresetNotice | null> {
  if (await getMeta(db.meta, 'calendarPresetDecision')) return null;
  const config = normaliseAgencyConfig(await getMeta(db.meta, 'config'));
  if (config.calendar.statePreset !== null) return null;
  const preset = presetOfRegion(config.calendar.holidayRegion);
  if (!preset) return null;
  const from = isoDayOf(now, config.timeZone);
  const difference = calendarDifference(calendarConfigOf(config), calendarConfigOf(withStatePreset(config, preset)), from, NOTICE_DAYS);
  return { preset, difference };
}

/** Whether this desk has ever stored a configuration (false on a brand-new desk: first-run set-up asks the state). */
export async function configStored(db: LiaisonDb): Promise<boolean> {
  return (await getMeta(db.meta, 'config')) !== undefined;
}

/**
 * Records a decision. `accepted` saves the configuration with the preset first (through `save`, which validates
 * it and writes the history entry), so a failed save records nothing; `set-up` stores the desk's first
 * configuration (validated, no history entry: nothing was changed).
 */
export async function decideCalendarPreset(
  db: LiaisonDb,
  save: (next: AgencyConfig) => Promise<unknown>,
  decision: CalendarPresetDecision['decision'],
  preset: StatePresetId,
  now: Instant,
  by: PersonRef | null,
): Promise<void> {
  const next = withStatePreset(normaliseAgencyConfig(await getMeta(db.meta, 'config')), preset);
  if (decision === 'set-up') {
    // The desk's first configuration: not a change of one a lead set, so no history entry.
    const checked = validateAgencyConfig(next);
    if (!checked.ok) throw new ConfigInvalidError(next, checked.issues);
    await putMeta(db.meta, 'config', checked.config);
  } else if (decision === 'accepted') await save(next);
  await putMeta(db.meta, 'calendarPresetDecision', { decision, preset, at: now, by });
}
