import { presetLabel, type StatePresetId } from '../time/statePresets';
import { formatTypedDay } from '../time/typedInput';
import type { AgencyConfig, Mco, PolicyDuration, PriorityLevel } from './agencyConfig';

/*
 * What changed between two configurations, in sentences a unit lead reads in the settings history
 * ("Priority level "Dire need" added: first contact within 12 clock hours, deadline 24 clock hours").
 */

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const UNIT_WORDS: Record<PolicyDuration['unit'], [string, string]> = {
  businessHours: ['business hour', 'business hours'],
  businessDays: ['business day', 'business days'],
  clockHours: ['clock hour', 'clock hours'],
};
const PATH_WORDS: Record<PriorityLevel['path'], string> = { high: 'the High process', escalated: 'the Escalated process' };

/** "2 business hours", "1 business day". */
export function durationText(d: PolicyDuration): string {
  const [one, many] = UNIT_WORDS[d.unit];
  return `${d.amount.toLocaleString('en-US')} ${d.amount === 1 ? one : many}`;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const listText = (items: readonly string[]) => (items.length === 0 ? 'none' : items.join(', '));
const hoursText = (h: { open: string; close: string } | null) => (h ? `${h.open}–${h.close}` : 'closed');
const thresholdsText = (list: readonly number[] | undefined) =>
  list === undefined || list.length === 0 ? 'none' : list.map((p) => `${p} %`).join(', ');

function levelChanges(before: readonly PriorityLevel[], after: readonly PriorityLevel[]): string[] {
  const out: string[] = [];
  const old = new Map(before.map((p) => [p.id, p]));
  for (const level of after) {
    const was = old.get(level.id);
    if (!was) {
      out.push(
        `Priority level "${level.label}" added: first contact within ${durationText(level.firstContactTarget)}, deadline ${durationText(level.firstContactDeadline)}, following ${PATH_WORDS[level.path]}.`,
      );
      continue;
    }
    const parts: string[] = [];
    if (was.label !== level.label) parts.push(`renamed "${level.label}"`);
    if (!same(was.firstContactTarget, level.firstContactTarget))
      parts.push(`target ${durationText(was.firstContactTarget)} → ${durationText(level.firstContactTarget)}`);
    if (!same(was.firstContactDeadline, level.firstContactDeadline))
      parts.push(`deadline ${durationText(was.firstContactDeadline)} → ${durationText(level.firstContactDeadline)}`);
    if (was.path !== level.path) parts.push(`now follows ${PATH_WORDS[level.path]}`);
    if (parts.length > 0) out.push(`Priority level "${was.label}": ${parts.join('; ')}.`);
  }
  const ids = new Set(after.map((p) => p.id));
  for (const level of before) if (!ids.has(level.id)) out.push(`Priority level "${level.label}" removed.`);
  if (
    out.length === 0 &&
    !same(
      before.map((p) => p.id),
      after.map((p) => p.id),
    )
  )
    out.push('Priority levels reordered.');
  return out;
}

function calendarChanges(before: AgencyConfig['calendar'], after: AgencyConfig['calendar']): string[] {
  const out: string[] = [];
  before.officeHours.forEach((h, d) => {
    const next = after.officeHours[d] ?? null;
    if (!same(h, next)) out.push(`Office hours on ${WEEKDAYS[d]}: ${hoursText(h)} → ${hoursText(next)}.`);
  });
  if ((before.statePreset ?? null) !== (after.statePreset ?? null))
    out.push(`Closed days: ${presetText(before.statePreset ?? null)} → ${presetText(after.statePreset ?? null)}.`);
  if (before.holidayRegion !== after.holidayRegion) out.push(`Holiday region: ${before.holidayRegion} → ${after.holidayRegion}.`);
  if (!same([...before.holidayTypes].sort(), [...after.holidayTypes].sort()))
    out.push(`Holiday types that close the office: ${listText(before.holidayTypes)} → ${listText(after.holidayTypes)}.`);
  const added = <T extends string>(a: readonly T[], b: readonly T[]): T[] => b.filter((x) => !a.includes(x));
  for (const name of added(before.holidayNamesIncluded, after.holidayNamesIncluded)) out.push(`Now closed for ${name}.`);
  for (const name of added(after.holidayNamesIncluded, before.holidayNamesIncluded))
    out.push(`No longer closed for ${name} unless its type counts.`);
  for (const name of added(before.holidayNamesExcluded, after.holidayNamesExcluded)) out.push(`Open on ${name} from now on.`);
  for (const name of added(after.holidayNamesExcluded, before.holidayNamesExcluded))
    out.push(`${name} counted again when its type counts.`);
  for (const day of added(before.holidaysRemoved, after.holidaysRemoved)) out.push(`Open on ${formatTypedDay(day)} despite the holiday.`);
  for (const day of added(after.holidaysRemoved, before.holidaysRemoved))
    out.push(`Closed again for the holiday on ${formatTypedDay(day)}.`);
  const closures = (c: AgencyConfig['calendar']['closures']) => c.map((x) => `${x.day} ${x.name}`);
  const beforeClosures = closures(before.closures);
  const afterClosures = closures(after.closures);
  for (const c of after.closures)
    if (!beforeClosures.includes(`${c.day} ${c.name}`)) out.push(`Closure added: ${formatTypedDay(c.day)}, ${c.name}.`);
  for (const c of before.closures)
    if (!afterClosures.includes(`${c.day} ${c.name}`)) out.push(`Closure removed: ${formatTypedDay(c.day)}, ${c.name}.`);
  return out;
}

function mcoChanges(before: readonly Mco[], after: readonly Mco[]): string[] {
  const out: string[] = [];
  const old = new Map(before.map((m) => [m.id, m]));
  for (const mco of after) {
    const was = old.get(mco.id);
    if (!was) {
      out.push(`MCO added: ${mco.name}.`);
      continue;
    }
    if (was.active && !mco.active) out.push(`MCO ${mco.name} deactivated.`);
    if (!was.active && mco.active) out.push(`MCO ${mco.name} reactivated.`);
    if (was.name !== mco.name) out.push(`MCO ${was.name} renamed ${mco.name}.`);
    if (!same(was.aliases, mco.aliases)) out.push(`MCO ${mco.name}: other names ${listText(mco.aliases)}.`);
    if (!same(was.departments, mco.departments)) {
      const contacts = (m: Mco) => m.departments.reduce((n, d) => n + d.contacts.length, 0);
      out.push(`MCO ${mco.name}: departments and contacts edited (${mco.departments.length} departments, ${contacts(mco)} contacts).`);
    }
  }
  const ids = new Set(after.map((m) => m.id));
  for (const mco of before) if (!ids.has(mco.id)) out.push(`MCO ${mco.name} removed.`);
  return out;
}

/** Sentences describing what changed from `before` to `after`, in the order of the settings screens; [] when nothing did. */
export function describeConfigChanges(before: AgencyConfig, after: AgencyConfig): string[] {
  const out: string[] = [];
  if (before.timeZone !== after.timeZone) out.push(`Time zone: ${before.timeZone} → ${after.timeZone}.`);
  out.push(...levelChanges(before.priorityLevels, after.priorityLevels));
  if (before.unitLeadCallbackDays !== after.unitLeadCallbackDays)
    out.push(
      `Unit lead callback due after: ${before.unitLeadCallbackDays} → ${after.unitLeadCallbackDays} business days (end of that day).`,
    );
  if (before.memberEscalationsInbox !== after.memberEscalationsInbox)
    out.push(`Member Escalations inbox: ${before.memberEscalationsInbox || 'not set'} → ${after.memberEscalationsInbox || 'not set'}.`);
  if (before.outreachMaxAttempts !== after.outreachMaxAttempts)
    out.push(`Outreach attempts before "unable to reach" is offered: ${before.outreachMaxAttempts} → ${after.outreachMaxAttempts}.`);
  if (!same(before.warningThresholds, after.warningThresholds))
    out.push(`Warning thresholds: ${thresholdsText(before.warningThresholds)} → ${thresholdsText(after.warningThresholds)}.`);
  out.push(...calendarChanges(before.calendar, after.calendar));
  out.push(...mcoChanges(before.mcos, after.mcos));
  if (!same(before.routing, after.routing)) out.push(`Routing directory edited (${after.routing.length} entries).`);
  if (!same(before.categories, after.categories)) {
    const names = new Set(before.categories.map((c) => c.name));
    const kept = new Set(after.categories.map((c) => c.name));
    const added = after.categories.filter((c) => !names.has(c.name)).map((c) => c.name);
    const removed = before.categories.filter((c) => !kept.has(c.name)).map((c) => c.name);
    const detail = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean);
    out.push(`Categories edited${detail.length ? `: ${detail.join('; ')}` : ''}.`);
  }
  if (!same(before.suggestionRules, after.suggestionRules))
    out.push(`Priority suggestion rules edited (${after.suggestionRules.length} rules).`);
  if (!same(before.grievanceReasons, after.grievanceReasons)) {
    const added = after.grievanceReasons.filter((r) => !before.grievanceReasons.includes(r));
    const removed = before.grievanceReasons.filter((r) => !after.grievanceReasons.includes(r));
    const detail = [added.length ? `added ${added.join(', ')}` : '', removed.length ? `removed ${removed.join(', ')}` : ''].filter(Boolean);
    out.push(`Grievance reasons edited${detail.length ? `: ${detail.join('; ')}` : ' (order)'}.`);
  }
  if (!same(before.medicaidId, after.medicaidId)) out.push(`Medicaid ID format: ${after.medicaidId.description}.`);
  return out;
}

const presetText = (id: StatePresetId | null): string => (id ? presetLabel(id) : "the holiday library's list by type");
