import type { AgencyConfig, PolicyDuration, PriorityLevel } from '../../../shared/config/agencyConfig';
import { uniqueSlug } from '../../../shared/config/slug';
import { type ConfigPath, TIME_ZONE_MESSAGE } from '../../../shared/config/validateConfig';
import type { OfficeHours } from '../../../shared/time/calendarConfig';
import { HOLIDAY_TYPES, type HolidayType } from '../../../shared/time/holidays';
import type { StatePresetId } from '../../../shared/time/statePresets';
import { formatTypedDay, parseTypedDay, parseTypedTime } from '../../../shared/time/typedInput';
import type { IsoDay } from '../../../shared/time/types';
import { isValidTimeZone, pad2 } from '../../../shared/time/zone';
import type { BuildResult, ConfigCandidate, DraftIssue } from '../configEditor';

/*
 * The policy screen's draft: the configuration's policy and calendar as the form holds them (numbers and
 * times as typed), and `build`, which turns it back into a configuration with the problems of what was typed.
 */

export type Unit = PolicyDuration['unit'];
/** Shown Monday first, as a week is read at the desk; stored Sunday first (index 0). */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0];
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export const POLICY_NOTE =
  'The new targets and calendar apply to inquiries logged from now on; earlier inquiries keep what they were given.';

export interface LevelDraft {
  key: string;
  /** null for a level added here: its id is made from its name on save. */
  id: string | null;
  label: string;
  path: PriorityLevel['path'];
  targetAmount: string;
  targetUnit: Unit;
  deadlineAmount: string;
  deadlineUnit: Unit;
}
export interface DayDraft {
  open: boolean;
  from: string;
  to: string;
}
export interface ClosureDraft {
  key: string;
  day: string;
  name: string;
}
export interface PolicyDraft {
  timeZone: string;
  levels: LevelDraft[];
  outreachMaxAttempts: string;
  unitLeadCallbackDays: string;
  memberEscalationsInbox: string;
  /** "50, 75, 90" as typed. */
  warningThresholds: string;
  week: DayDraft[];
  holidayRegion: string;
  holidayTypes: HolidayType[];
  holidayNamesIncluded: string[];
  holidayNamesExcluded: string[];
  holidaysRemoved: IsoDay[];
  closures: ClosureDraft[];
  /** The state whose statute closes the office ('' : the library's holidays by type). */
  statePreset: StatePresetId | '';
}

const amountText = (n: number) => String(n);
let keySeq = 0;
export const newKey = (prefix: string) => `${prefix}${++keySeq}`;

export function toDraft(c: AgencyConfig): PolicyDraft {
  return {
    timeZone: c.timeZone,
    levels: c.priorityLevels.map((p) => ({
      key: `level-${p.id}`,
      id: p.id,
      label: p.label,
      path: p.path,
      targetAmount: amountText(p.firstContactTarget.amount),
      targetUnit: p.firstContactTarget.unit,
      deadlineAmount: amountText(p.firstContactDeadline.amount),
      deadlineUnit: p.firstContactDeadline.unit,
    })),
    outreachMaxAttempts: String(c.outreachMaxAttempts),
    unitLeadCallbackDays: String(c.unitLeadCallbackDays),
    memberEscalationsInbox: c.memberEscalationsInbox,
    warningThresholds: c.warningThresholds.join(', '),
    week: c.calendar.officeHours.map((h) => (h ? { open: true, from: h.open, to: h.close } : { open: false, from: '08:00', to: '16:30' })),
    holidayRegion: c.calendar.holidayRegion,
    holidayTypes: [...c.calendar.holidayTypes],
    holidayNamesIncluded: [...c.calendar.holidayNamesIncluded],
    holidayNamesExcluded: [...c.calendar.holidayNamesExcluded],
    holidaysRemoved: [...c.calendar.holidaysRemoved],
    statePreset: c.calendar.statePreset ?? '',
    closures: c.calendar.closures.map((x, i) => ({ key: `closure-${i}`, day: formatTypedDay(x.day), name: x.name })),
  };
}

/** "8:00", "8 am", "4:30 pm", "16:30" → "08:00"; "24:00" is allowed as a closing time. */
function clockTime(text: string): string | null {
  if (text.trim() === '24:00') return '24:00';
  const t = parseTypedTime(text);
  return t ? `${pad2(t.hour)}:${pad2(t.minute)}` : null;
}

function parseAmount(text: string): number | null {
  const t = text.trim();
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** "50, 75, 90" or "50 % 75 % 90 %" → [50, 75, 90] as typed (order and range are the configuration's checks); null when a part is not a whole number. */
function parseThresholds(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.replace(/%$/, ''))
    .filter((p) => p !== '' && p !== '%');
  return parts.every((p) => /^\d{1,3}$/.test(p)) ? parts.map(Number) : null;
}

/** Problems with one threshold are shown beside the one field that holds them all. */
export const anchorOf = (path: ConfigPath): ConfigPath => (path[0] === 'warningThresholds' ? ['warningThresholds'] : path);

export function build(d: PolicyDraft, config: AgencyConfig): BuildResult {
  const issues: DraftIssue[] = [];
  const taken = new Set(d.levels.map((l) => l.id).filter((id): id is string => id !== null));
  const priorityLevels: PriorityLevel[] = d.levels.map((l, i) => {
    const target = parseAmount(l.targetAmount);
    const deadline = parseAmount(l.deadlineAmount);
    if (target === null)
      issues.push({
        path: ['priorityLevels', i, 'firstContactTarget', 'amount'],
        message: 'Enter the target as a number, for example 2 or 1.5.',
      });
    if (deadline === null)
      issues.push({
        path: ['priorityLevels', i, 'firstContactDeadline', 'amount'],
        message: 'Enter the deadline as a number, for example 4 or 0.5.',
      });
    let id = l.id;
    if (id === null) {
      id = uniqueSlug(l.label, taken, { max: 32, fallback: 'level' });
      taken.add(id);
    }
    return {
      id,
      label: l.label.trim(),
      path: l.path,
      firstContactTarget: { amount: target ?? 0, unit: l.targetUnit },
      firstContactDeadline: { amount: deadline ?? 0, unit: l.deadlineUnit },
    };
  });
  const attempts = /^\s*\d+\s*$/.test(d.outreachMaxAttempts) ? Number(d.outreachMaxAttempts) : Number.NaN;
  if (Number.isNaN(attempts)) issues.push({ path: ['outreachMaxAttempts'], message: 'Enter a whole number of attempts from 1 to 10.' });
  const callbackDays = /^\s*\d+\s*$/.test(d.unitLeadCallbackDays) ? Number(d.unitLeadCallbackDays) : Number.NaN;
  if (Number.isNaN(callbackDays))
    issues.push({
      path: ['unitLeadCallbackDays'],
      message: 'Enter a whole number of business days from 1 to 10 (1: the end of the next business day).',
    });
  const thresholds = parseThresholds(d.warningThresholds);
  if (thresholds === null)
    issues.push({
      path: ['warningThresholds'],
      message: 'Enter whole percentages separated by commas, for example 50, 75, 90 (or leave it empty for no warnings).',
    });
  const officeHours = d.week.map((day, w): OfficeHours | null => {
    if (!day.open) return null;
    const open = clockTime(day.from);
    const close = clockTime(day.to);
    if (open === null)
      issues.push({ path: ['calendar', 'officeHours', w, 'open'], message: 'Enter the opening time, for example 08:00 or 8:00 am.' });
    if (close === null)
      issues.push({ path: ['calendar', 'officeHours', w, 'close'], message: 'Enter the closing time, for example 16:30 or 4:30 pm.' });
    return { open: open ?? day.from, close: close ?? day.to };
  });
  const closures = d.closures.map((c, i) => {
    const day = parseTypedDay(c.day);
    if (day === null)
      issues.push({ path: ['calendar', 'closures', i, 'day'], message: 'Enter a real day as mm/dd/yyyy, for example 12/24/2026.' });
    return { day: day ?? c.day, name: c.name.trim() };
  });
  const region = d.holidayRegion.trim();
  // A name that is no zone is said beside its field; the candidate keeps the zone in force meanwhile.
  if (!isValidTimeZone(d.timeZone)) issues.push({ path: ['timeZone'], message: TIME_ZONE_MESSAGE });
  const next: ConfigCandidate = {
    ...config,
    timeZone: isValidTimeZone(d.timeZone) ? d.timeZone : config.timeZone,
    priorityLevels,
    outreachMaxAttempts: attempts,
    unitLeadCallbackDays: callbackDays,
    memberEscalationsInbox: d.memberEscalationsInbox.trim(),
    warningThresholds: thresholds ?? [],
    calendar: {
      ...config.calendar,
      officeHours: officeHours as AgencyConfig['calendar']['officeHours'],
      holidayRegion: /^[a-z]{2}(-[a-z0-9]{1,4})?$/i.test(region) ? region.toUpperCase() : region,
      holidayTypes: HOLIDAY_TYPES.filter((t) => d.holidayTypes.includes(t)),
      holidayNamesIncluded: d.holidayNamesIncluded,
      holidayNamesExcluded: d.holidayNamesExcluded,
      holidaysRemoved: d.holidaysRemoved,
      closures,
      statePreset: d.statePreset === '' ? null : d.statePreset,
    },
  };
  return { next, issues };
}

export const toggle = <T>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? (list.includes(item) ? [...list] : [...list, item]) : list.filter((x) => x !== item);
