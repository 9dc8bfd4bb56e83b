import { type AgencyConfig, mcoName, priorityLabel } from '../config/agencyConfig';
import { RESOLUTION_LABELS } from '../inquiry/commands/resolveInquiry';
import { DUE_STATE_LABELS, dueItems } from '../inquiry/due';
import { ENROLLMENT_LABELS } from '../inquiry/fields';
import { maskDob, maskMedicaidId, maskName, maskPhone } from '../inquiry/mask';
import { governingDue, nextDueWords } from '../inquiry/nextDue';
import { type InquiryRecord, STATUS_LABELS } from '../inquiry/projection';
import { warningPolicy } from '../inquiry/warningTimes';
import {
  businessMinutesToFirstContact,
  businessMinutesToResolution,
  daysOpen,
  FIRST_CONTACT_OUTCOME_LABELS,
  firstContactOutcome,
} from '../report/timeliness';
import type { BusinessCalendar } from '../time/calendar';
import type { Instant, TimeZone } from '../time/types';
import { pad2, zonedParts } from '../time/zone';

/*
 * The columns a lead can export, each with how to read it from an inquiry. Member identifiers are
 * masked unless the lead deliberately includes them (ExportOptions.includeIdentifiers).
 */

/** text: a string; number: a number; datetime: an instant (epoch ms), written in the agency's zone; date: yyyy-MM-dd. */
export type ExportKind = 'text' | 'number' | 'datetime' | 'date';
export type ExportValue = string | number | null;

export interface ExportContext {
  config: AgencyConfig;
  zone: TimeZone;
  now: Instant;
  calendar: BusinessCalendar;
  includeIdentifiers: boolean;
}

export interface ExportColumn {
  id: string;
  header: string;
  kind: ExportKind;
  /** A member identifier: masked unless identifiers are included. */
  identifier?: true;
  /** Computed from the timeline (not a field anyone typed). */
  computed?: true;
  /** Suggested width in characters (XLSX). */
  width: number;
  value(r: InquiryRecord, ctx: ExportContext): ExportValue;
}

const hours = (minutes: number | null): number | null => (minutes === null ? null : Math.round((minutes / 60) * 100) / 100);
const masked = (value: string, mask: (v: string) => string, ctx: ExportContext): string => (ctx.includeIdentifiers ? value : mask(value));

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { id: 'caseNumber', header: 'Case number', kind: 'text', width: 20, value: (r) => r.caseNumber },
  { id: 'receivedAt', header: 'Received', kind: 'datetime', width: 17, value: (r) => r.receivedAt },
  { id: 'source', header: 'Source', kind: 'text', width: 24, value: (r) => r.source },
  { id: 'originatorName', header: 'Originator', kind: 'text', width: 22, value: (r) => r.originatorName },
  { id: 'originatorContact', header: 'Originator phone and/or e-mail', kind: 'text', width: 22, value: (r) => r.originatorContact },
  {
    id: 'memberName',
    header: 'Member name',
    kind: 'text',
    identifier: true,
    width: 22,
    value: (r, c) => masked(r.memberName, maskName, c),
  },
  {
    id: 'medicaidId',
    header: 'Medicaid ID',
    kind: 'text',
    identifier: true,
    width: 13,
    value: (r, c) => masked(r.medicaidId, maskMedicaidId, c),
  },
  {
    id: 'memberDob',
    header: 'Date of birth',
    kind: 'date',
    identifier: true,
    width: 12,
    // A masked birth date is text, not a date.
    value: (r, c) => (c.includeIdentifiers ? r.memberDob || null : maskDob(r.memberDob) || null),
  },
  {
    id: 'memberPhone',
    header: 'Member phone',
    kind: 'text',
    identifier: true,
    width: 16,
    value: (r, c) => masked(r.memberPhone, maskPhone, c),
  },
  {
    id: 'callbackPhone',
    header: 'Best callback number',
    kind: 'text',
    identifier: true,
    width: 16,
    value: (r, c) => masked(r.callbackPhone, maskPhone, c),
  },
  { id: 'callbackAvailability', header: 'Callback availability', kind: 'text', width: 22, value: (r) => r.callbackAvailability },
  { id: 'mcoEnrollment', header: 'MCO enrollment', kind: 'text', width: 22, value: (r) => ENROLLMENT_LABELS[r.mcoEnrollment] },
  { id: 'mco', header: 'MCO', kind: 'text', width: 24, value: (r, c) => mcoName(c.config, r.mcoId) },
  { id: 'priority', header: 'Priority', kind: 'text', width: 11, value: (r, c) => priorityLabel(c.config, r.priority) },
  { id: 'category', header: 'Category', kind: 'text', width: 22, value: (r) => r.category },
  { id: 'subcategory', header: 'Sub-category', kind: 'text', width: 22, value: (r) => r.subcategory },
  { id: 'description', header: 'Description', kind: 'text', width: 50, value: (r) => r.description },
  { id: 'expectedOutcome', header: 'Expected outcome', kind: 'text', width: 36, value: (r) => r.expectedOutcome },
  { id: 'rootCause', header: 'Root cause', kind: 'text', width: 30, value: (r) => r.rootCause },
  { id: 'assignee', header: 'Assignee', kind: 'text', width: 20, value: (r) => r.assignee?.name ?? '' },
  { id: 'status', header: 'Status', kind: 'text', width: 10, value: (r) => STATUS_LABELS[r.status] },
  {
    id: 'firstContactTarget',
    header: 'First contact target',
    kind: 'datetime',
    computed: true,
    width: 17,
    value: (r) => r.workflow.targets?.firstContactTarget ?? null,
  },
  {
    id: 'firstContactDeadline',
    header: 'First contact deadline',
    kind: 'datetime',
    computed: true,
    width: 17,
    value: (r) => r.workflow.targets?.firstContactDeadline ?? null,
  },
  { id: 'firstContactAt', header: 'First contact', kind: 'datetime', computed: true, width: 17, value: (r) => r.workflow.firstContactAt },
  {
    id: 'firstContactOutcome',
    header: 'First contact met or missed',
    kind: 'text',
    computed: true,
    width: 26,
    value: (r, c) => FIRST_CONTACT_OUTCOME_LABELS[firstContactOutcome(r, c.now)],
  },
  {
    id: 'hoursToFirstContact',
    header: 'Business hours to first contact',
    kind: 'number',
    computed: true,
    width: 14,
    value: (r, c) => hours(businessMinutesToFirstContact(r, c.calendar)),
  },
  {
    id: 'hoursToResolution',
    header: 'Business hours to resolution',
    kind: 'number',
    computed: true,
    width: 14,
    value: (r, c) => hours(businessMinutesToResolution(r, c.calendar)),
  },
  { id: 'daysOpen', header: 'Days open', kind: 'number', computed: true, width: 9, value: (r, c) => daysOpen(r, c.now, c.zone) },
  {
    id: 'currentDue',
    header: 'Current due item',
    kind: 'text',
    computed: true,
    width: 40,
    value: (r, c) => {
      // The one next-due rule, as in the log (shared/inquiry/nextDue.ts): the instant that governs at the export's
      // moment, which it is, and the countdown to that same instant. Due soon from the first warning threshold.
      const items = dueItems(r, warningPolicy(c.calendar, c.config.warningThresholds));
      const g = governingDue(
        items.filter((i) => i.paused === null),
        c.now,
      );
      if (g === null) {
        const paused = items[0];
        return paused ? `${paused.label} (${DUE_STATE_LABELS.paused.toLowerCase()})` : '';
      }
      const w = nextDueWords(g, c.now, c.calendar);
      const note = w.note ? `, ${w.note}` : '';
      return `${w.label}: ${w.which.toLowerCase()} ${formatDateTime(w.at, c.zone)}${note}, ${w.countdown} (${DUE_STATE_LABELS[w.state].toLowerCase()})`;
    },
  },
  {
    id: 'currentDueAt',
    header: 'Current item due at',
    kind: 'datetime',
    computed: true,
    width: 17,
    value: (r, c) =>
      governingDue(
        dueItems(r).filter((i) => i.paused === null),
        c.now,
      )?.at ?? null,
  },
  {
    id: 'resolution',
    header: 'Resolution',
    kind: 'text',
    width: 26,
    value: (r) => (r.status === 'resolved' && r.workflow.resolution ? RESOLUTION_LABELS[r.workflow.resolution.type] : ''),
  },
  {
    id: 'resolutionText',
    header: 'Resolution text',
    kind: 'text',
    width: 40,
    value: (r) => (r.status === 'resolved' ? (r.workflow.resolution?.text ?? '') : ''),
  },
  {
    id: 'resolvedAt',
    header: 'Resolved',
    kind: 'datetime',
    width: 17,
    value: (r) => (r.status === 'resolved' ? (r.workflow.resolution?.at ?? null) : null),
  },
  { id: 'updatedAt', header: 'Last updated', kind: 'datetime', width: 17, value: (r) => r.updatedAt },
  { id: 'noteCount', header: 'Notes', kind: 'number', width: 7, value: (r) => r.noteCount },
  {
    id: 'importedFrom',
    header: 'Imported from',
    kind: 'text',
    width: 30,
    value: (r) => (r.imported ? `${r.imported.fileName}, ${r.imported.sheet}, row ${r.imported.row}` : ''),
  },
];

export type ExportColumnId = string;

/** The columns checked when the export dialog opens: what a lead sends upward. */
export const DEFAULT_EXPORT_COLUMNS: readonly ExportColumnId[] = [
  'caseNumber',
  'receivedAt',
  'source',
  'memberName',
  'medicaidId',
  'mco',
  'priority',
  'category',
  'description',
  'assignee',
  'status',
  'firstContactDeadline',
  'firstContactAt',
  'firstContactOutcome',
  'hoursToFirstContact',
  'daysOpen',
  'currentDue',
  'resolution',
  'resolvedAt',
];

export const columnById = (id: string): ExportColumn | undefined => EXPORT_COLUMNS.find((c) => c.id === id);

/** "11/23/2026 14:30" in the agency's zone: what spreadsheet programs read as a date and time. */
export function formatDateTime(at: Instant, zone: TimeZone): string {
  const p = zonedParts(at, zone);
  return `${pad2(p.month)}/${pad2(p.day)}/${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "03/07/1984" for a yyyy-MM-dd day. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : day;
}
