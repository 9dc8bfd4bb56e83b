import { type AgencyConfig, mcoName } from '../config/agencyConfig';
import type { ExportKind, ExportValue } from '../export/columns';
import { formatDay } from '../export/columns';
import { csvFile } from '../export/csv';
import { fileSlug, fileStamp } from '../export/fileName';
import { RESPONSIBLE_ENTITY_LABELS } from '../inquiry/commands/classifyAsComplaint';
import { GRIEVANCE_OUTCOME_LABELS } from '../inquiry/commands/recordGrievanceOutcome';
import { RESOLUTION_LABELS } from '../inquiry/commands/resolveInquiry';
import {
  GRIEVANCE_OUTCOMES,
  type GrievanceOutcome,
  RESPONSIBLE_ENTITIES,
  type Resolution,
  type ResponsibleEntity,
} from '../inquiry/events';
import { maskMedicaidId, maskName } from '../inquiry/mask';
import { redactIdentifiers } from '../inquiry/message';
import { grievanceOf, type InquiryRecord, type InquiryStatus, STATUS_LABELS } from '../inquiry/projection';
import type { Instant, IsoDay, TimeZone } from '../time/types';
import { isoDayOf } from '../time/zone';

/*
 * The grievance record of 42 CFR 438.416(b), one row per complaint: the general description of the
 * reason, the date received, the date of each review, the resolution and its date, and the member
 * (masked unless a lead deliberately includes identifiers); and the counts a state's annual
 * managed-care report asks for (by MCO, by reason, by outcome). Complaints are chosen by the day they
 * were received, in the agency's zone.
 */

export interface GrievanceFilter {
  /** Received at or after. */
  from: Instant;
  /** Received before (the instant after the period's last day). */
  to: Instant;
  /** One MCO (the member's), or every complaint; '' picks complaints with no MCO. */
  mcoId: string | null;
}

export interface GrievanceContext {
  config: AgencyConfig;
  zone: TimeZone;
  includeIdentifiers: boolean;
  /** Leave the reason and resolution text out (a screen that does not show them skips redacting every one). */
  withoutFreeText?: boolean;
}

export interface GrievanceRow {
  inquiryId: string;
  caseNumber: string;
  receivedAt: Instant;
  receivedOn: IsoDay;
  /** Masked unless identifiers are included. */
  memberName: string;
  medicaidId: string;
  /** The member's MCO ('' when not enrolled or not known). */
  mcoId: string;
  mcoName: string;
  responsibleEntity: ResponsibleEntity;
  reasonCategory: string;
  reason: string;
  /** The day of each review, in the order recorded. */
  reviewedOn: IsoDay[];
  outcome: GrievanceOutcome | null;
  status: InquiryStatus;
  resolution: Resolution | null;
  resolutionText: string;
  resolvedOn: IsoDay | null;
}

/** The complaints among `records` that the filter picks, as record rows, oldest received first. */
export function grievanceRows(records: Iterable<InquiryRecord>, filter: GrievanceFilter, ctx: GrievanceContext): GrievanceRow[] {
  const rows: GrievanceRow[] = [];
  for (const r of records) {
    const g = grievanceOf(r);
    if (!g || r.receivedAt < filter.from || r.receivedAt >= filter.to) continue;
    if (filter.mcoId !== null && mcoOf(r) !== filter.mcoId) continue;
    const resolution = r.workflow.resolution;
    // Free text may name the member: with identifiers masked, theirs are taken out of it too.
    const text = (t: string) => (ctx.withoutFreeText ? '' : ctx.includeIdentifiers ? t : redactIdentifiers(t, r));
    rows.push({
      inquiryId: r.id,
      caseNumber: r.caseNumber,
      receivedAt: r.receivedAt,
      receivedOn: isoDayOf(r.receivedAt, ctx.zone),
      memberName: ctx.includeIdentifiers ? r.memberName : maskName(r.memberName),
      medicaidId: ctx.includeIdentifiers ? r.medicaidId : maskMedicaidId(r.medicaidId),
      mcoId: mcoOf(r),
      mcoName: mcoOf(r) ? mcoName(ctx.config, mcoOf(r)) : NO_MCO,
      responsibleEntity: g.responsibleEntity,
      reasonCategory: g.reasonCategory,
      reason: text(g.reason),
      reviewedOn: g.reviews.map((v) => v.on),
      outcome: g.outcome?.outcome ?? null,
      status: r.status,
      resolution: resolution?.type ?? null,
      resolutionText: text(resolution?.text ?? ''),
      resolvedOn: resolution ? isoDayOf(resolution.at, ctx.zone) : null,
    });
  }
  return rows.sort((a, b) => a.receivedAt - b.receivedAt || (a.caseNumber < b.caseNumber ? -1 : a.caseNumber > b.caseNumber ? 1 : 0));
}

/** The member's MCO as the report counts it: none unless enrolled. */
const mcoOf = (r: InquiryRecord): string => (r.mcoEnrollment === 'enrolled' ? r.mcoId : '');
export const NO_MCO = 'No MCO (not enrolled or not known)';

// The export: the record's columns, as CSV (via shared/export/csv: BOM, formula-safe) or XLSX.

export interface GrievanceColumn {
  header: string;
  kind: ExportKind;
  width: number;
  /** A member identifier (masked unless included). */
  identifier?: true;
  value(row: GrievanceRow): ExportValue;
}

export const GRIEVANCE_COLUMNS: readonly GrievanceColumn[] = [
  { header: 'Case number', kind: 'text', width: 20, value: (r) => r.caseNumber },
  { header: 'Date received', kind: 'date', width: 13, value: (r) => r.receivedOn },
  { header: 'Member name', kind: 'text', width: 22, identifier: true, value: (r) => r.memberName },
  { header: 'Medicaid ID', kind: 'text', width: 13, identifier: true, value: (r) => r.medicaidId },
  { header: 'MCO', kind: 'text', width: 24, value: (r) => r.mcoName },
  { header: 'Responsible entity', kind: 'text', width: 12, value: (r) => RESPONSIBLE_ENTITY_LABELS[r.responsibleEntity] },
  { header: 'Reason category', kind: 'text', width: 26, value: (r) => r.reasonCategory },
  { header: 'General description of the reason', kind: 'text', width: 50, value: (r) => r.reason },
  { header: 'Dates of review', kind: 'text', width: 24, value: (r) => r.reviewedOn.map(formatDay).join('; ') },
  { header: 'Reviews', kind: 'number', width: 8, value: (r) => r.reviewedOn.length },
  { header: 'Outcome', kind: 'text', width: 20, value: (r) => (r.outcome ? GRIEVANCE_OUTCOME_LABELS[r.outcome] : 'Not yet determined') },
  { header: 'Resolution', kind: 'text', width: 26, value: (r) => (r.resolution ? RESOLUTION_LABELS[r.resolution] : '') },
  { header: 'Resolution detail', kind: 'text', width: 50, value: (r) => r.resolutionText },
  { header: 'Date of resolution', kind: 'date', width: 13, value: (r) => r.resolvedOn },
  { header: 'Status', kind: 'text', width: 10, value: (r) => STATUS_LABELS[r.status] },
];

export const grievanceTable = (rows: readonly GrievanceRow[]): ExportValue[][] => rows.map((r) => GRIEVANCE_COLUMNS.map((c) => c.value(r)));

/** The record as a CSV file's text: byte-order mark, header, one CRLF line per complaint. */
export function grievanceCsv(rows: readonly GrievanceRow[], zone: TimeZone): string {
  return csvFile(GRIEVANCE_COLUMNS, grievanceTable(rows), zone);
}

/**
 * `grievance-record_<first day>_<last day>[_<mco>]_<yyyy-MM-dd-HHmm>[_CONTAINS-MEMBER-IDENTIFIERS].<format>`:
 * the name says the period, the MCO and, when they are in it unmasked, that it holds member identifiers.
 */
export function grievanceFileName(o: {
  period: { from: IsoDay; to: IsoDay };
  mco: string | null;
  now: Instant;
  zone: TimeZone;
  identifiers: boolean;
  format: 'csv' | 'xlsx';
}): string {
  const stamp = fileStamp(o.now, o.zone);
  const mco = o.mco === null ? '' : `_${fileSlug(o.mco) || 'no-mco'}`;
  return `grievance-record_${o.period.from}_${o.period.to}${mco}_${stamp}${o.identifiers ? '_CONTAINS-MEMBER-IDENTIFIERS' : ''}.${o.format}`;
}

// The counts for the annual report.

export type OutcomeKey = GrievanceOutcome | 'pending';
export const OUTCOME_KEYS: readonly OutcomeKey[] = [...GRIEVANCE_OUTCOMES, 'pending'];
export const OUTCOME_KEY_LABELS: Record<OutcomeKey, string> = { ...GRIEVANCE_OUTCOME_LABELS, pending: 'Not yet determined' };

export interface CountLine {
  /** The MCO id, reason category, entity or outcome counted. */
  key: string;
  label: string;
  total: number;
  resolved: number;
  byOutcome: Record<OutcomeKey, number>;
}

export interface GrievanceCounts {
  total: CountLine;
  byMco: CountLine[];
  byReason: CountLine[];
  byEntity: CountLine[];
  byOutcome: { key: OutcomeKey; label: string; count: number }[];
}

const line = (key: string, label: string): CountLine => ({
  key,
  label,
  total: 0,
  resolved: 0,
  byOutcome: { substantiated: 0, unsubstantiated: 0, unable_to_substantiate: 0, pending: 0 },
});

function count(l: CountLine, r: GrievanceRow): void {
  l.total += 1;
  if (r.status === 'resolved') l.resolved += 1;
  l.byOutcome[r.outcome ?? 'pending'] += 1;
}

/**
 * The counts of the rows by MCO, reason category, responsible entity and outcome. Every active MCO
 * (or the one filtered on) and every configured reason gets a line, zero or not, as a report form
 * asks for each; anything else seen (an inactive MCO, a reason since removed, no MCO) is added after.
 */
export function grievanceCounts(rows: readonly GrievanceRow[], config: AgencyConfig, mcoFilter: string | null): GrievanceCounts {
  const total = line('all', 'All complaints');
  const mcos = new Map<string, CountLine>();
  if (mcoFilter === null) for (const m of config.mcos) if (m.active) mcos.set(m.id, line(m.id, m.name));
  if (mcoFilter) mcos.set(mcoFilter, line(mcoFilter, mcoName(config, mcoFilter)));
  const reasons = new Map(config.grievanceReasons.map((c) => [c, line(c, c)]));
  const entities = new Map(RESPONSIBLE_ENTITIES.map((e) => [e, line(e, RESPONSIBLE_ENTITY_LABELS[e])]));
  const seen = <K extends string>(map: Map<K, CountLine>, key: K, label: string): CountLine => {
    let l = map.get(key);
    if (!l) {
      l = line(key, label);
      map.set(key, l);
    }
    return l;
  };
  for (const r of rows) {
    count(total, r);
    count(seen(mcos, r.mcoId, r.mcoName), r);
    count(seen(reasons, r.reasonCategory, r.reasonCategory), r);
    count(seen(entities, r.responsibleEntity, RESPONSIBLE_ENTITY_LABELS[r.responsibleEntity]), r);
  }
  return {
    total,
    byMco: [...mcos.values()],
    byReason: [...reasons.values()],
    byEntity: [...entities.values()],
    byOutcome: OUTCOME_KEYS.map((k) => ({ key: k, label: OUTCOME_KEY_LABELS[k], count: total.byOutcome[k] })),
  };
}
