import { type AgencyConfig, mcoName, priorityLabel } from '../config/agencyConfig';
import { type DueItem, type DueKind, dueItems, dueSummaryOf } from '../inquiry/due';
import type { DueTimes } from '../inquiry/nextDue';
import { awaitingImportReview, fieldStamp, grievanceOf, type InquiryRecord, type InquiryStatus, snoozeOf } from '../inquiry/projection';
import { type DueMark, marksOf } from '../inquiry/warnings';
import { warningPolicyOf } from '../inquiry/warningTimes';
import type { Instant, TimeZone } from '../time/types';
import { pad2, zonedParts } from '../time/zone';

/** What the log table shows of an inquiry: a flat, list-ready view of its record. */
export interface LogRow {
  id: string;
  caseNumber: string;
  receivedAt: Instant;
  /** Received as shown in the table, "11/23/2026 09:15" in the agency's zone; filters match this text. */
  receivedText: string;
  source: string;
  memberName: string;
  medicaidId: string;
  mcoName: string;
  priority: string;
  priorityLabel: string;
  status: InquiryStatus;
  assigneeId: string;
  assigneeName: string;
  /** The stamp of the last assignment ('' when assigned at intake): "new to you" until the assignee opens it. */
  assignedHlc: string;
  /** Who made that assignment ('' when not known): a person's own assignment of themselves is never new to them. */
  assignedBy: string;
  category: string;
  /**
   * The first line of the issue (the description), at most SUMMARY_LENGTH characters, as typed: the Summary column
   * shows it after the category with the member's identifiers masked (maskFreeText), for the rows in view only.
   */
  summaryLine: string;
  updatedAt: Instant;
  /** Where it stands in the process, in a word or two: "New", "Contacted", "With MCO", "Resolved". */
  stage: string;
  /** The next due item ("First contact"), '' when nothing is due. */
  nextDueLabel: string;
  /** When the next due item wants attention (its target, else its deadline); null when nothing is due. Due today reads it. */
  nextDueAt: Instant | null;
  /**
   * The times of everything due and running (paused items left out), soonest first: what the one next-due rule
   * (shared/inquiry/nextDue.ts) reads at any moment for the Next due column, its sort and the export.
   */
  dueTimes: readonly DueTimes[];
  /** The earliest deadline over everything due (Overdue once passed). */
  dueDeadline: Instant | null;
  /** The earliest due-soon moment over everything due: the first warning threshold (business time; warnings.ts). */
  dueSoonAt: Instant | null;
  /** Every warning, due and overdue moment of what is due, by time: what the notification scheduler watches. */
  dueMarks: readonly DueMark[];
  /** The latest warning snooze, ended or not: [from, until). */
  snooze: { from: Instant; until: Instant } | null;
  /** The steps owning that deadline and that due-soon moment (what a reminder names). */
  dueDeadlineKind: DueKind | null;
  dueSoonKind: DueKind | null;
  /** Referred to the MCO, no report-back yet. */
  awaitingMco: boolean;
  /** Not enrolled with an MCO: the unit lead takes the callback. */
  unitLeadCallback: boolean;
  /** Classified as a complaint (grievance), open or resolved. */
  isComplaint: boolean;
  /** Open and from the old log, not reviewed by a unit lead yet ("Imported — to review"; nothing due meanwhile). */
  importReview: boolean;
  /** Who makes this inquiry's scheduled callbacks (their "My inquiries" shows it too). */
  callerIds: readonly string[];
  /** The text the free-text search looks in, folded (foldForSearch). */
  searchText: string;
}

export function toLogRow(r: InquiryRecord, config: AgencyConfig): LogRow {
  // The calendar runs here, once per row built (a load, or a change to the inquiry), never per render or per count.
  const items = dueItems(r, warningPolicyOf(config));
  const due = dueSummaryOf(items);
  const snooze = snoozeOf(r);
  const w = r.workflow;
  const row = {
    id: r.id,
    caseNumber: r.caseNumber,
    receivedAt: r.receivedAt,
    receivedText: formatReceived(r.receivedAt, config.timeZone),
    source: r.source,
    memberName: r.memberName,
    medicaidId: r.medicaidId,
    mcoName: mcoName(config, r.mcoId),
    priority: r.priority,
    priorityLabel: priorityLabel(config, r.priority),
    status: r.status,
    assigneeId: r.assignee?.id ?? '',
    assigneeName: r.assignee?.name ?? '',
    assignedHlc: fieldStamp(r, 'assignee') ?? '',
    assignedBy: r.assignedBy ?? '',
    category: r.subcategory ? `${r.category} › ${r.subcategory}` : r.category,
    summaryLine: firstLineOf(r.description),
    updatedAt: r.updatedAt,
    stage: stageOf(r),
    nextDueLabel: due.next?.label ?? '',
    nextDueAt: due.attentionAt,
    dueTimes: items.length === 0 ? NO_DUE_TIMES : runningTimes(items),
    dueDeadline: due.deadline,
    dueSoonAt: due.soonAt,
    dueDeadlineKind: due.deadlineKind,
    dueSoonKind: due.soonKind,
    dueMarks: marksOf(items),
    snooze: snooze && { from: snooze.from, until: snooze.until },
    awaitingMco: r.status === 'open' && w.referral !== null && w.referral.reportedBackAt === null,
    unitLeadCallback: r.status === 'open' && r.mcoEnrollment === 'not_enrolled',
    callerIds: w.callbacks.filter((c) => c.status === 'scheduled').map((c) => c.caller.id),
    isComplaint: grievanceOf(r) !== null,
    importReview: awaitingImportReview(r),
  };
  const searchText = [
    row.caseNumber,
    row.receivedText,
    row.source,
    r.originatorName,
    row.memberName,
    row.medicaidId,
    row.mcoName,
    row.priorityLabel,
    row.status,
    row.stage,
    row.assigneeName,
    // The category and subcategory as two words, not as shown ("Pharmacy › Refill"): a '›' would
    // make the text two bytes per character (see foldForSearch).
    r.category,
    r.subcategory,
    r.description,
  ].join('\u0001');
  return { ...row, searchText: foldForSearch(searchText) };
}

/** The most of a description's first line a row keeps (a list cell shows less; the inquiry page has it all). */
export const SUMMARY_LENGTH = 160;

/** The first non-empty line of free text, cut at SUMMARY_LENGTH (with "…" when cut). */
export function firstLineOf(text: string): string {
  const start = text.search(/\S/);
  if (start < 0) return '';
  const end = text.indexOf('\n', start);
  const line = (end < 0 ? text.slice(start) : text.slice(start, end)).trimEnd();
  return line.length > SUMMARY_LENGTH ? `${line.slice(0, SUMMARY_LENGTH - 1).trimEnd()}…` : line;
}

const NO_DUE_TIMES: readonly DueTimes[] = Object.freeze([]);

/** The running items' times, as plain data (a row is kept for every inquiry: no pause or warning objects). */
function runningTimes(items: readonly DueItem[]): readonly DueTimes[] {
  const out: DueTimes[] = [];
  for (const i of items)
    if (i.paused === null) out.push({ kind: i.kind, label: i.label, target: i.target, deadline: i.deadline, soonAt: i.soonAt });
  return out.length === 0 ? NO_DUE_TIMES : out;
}

const NOT_ASCII = /[\u0080-\uffff]/;
const MARKS = /[\u0300-\u036f]/g;
const PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2039': '<',
  '\u203a': '>',
};
const TYPOGRAPHIC = /[\u2018-\u201e\u2010-\u2015\u2039\u203a]/g;

/**
 * Text as the free-text search compares it, on both sides: lower case, accents dropped ("Hernández"
 * is found by "hernandez"), compatibility forms and typographic quotes, dashes and '›' as their plain
 * kin. It also keeps nearly every row's search text one byte per character, which halves what a
 * search reads (a single '›' made a V8 string two bytes per character).
 */
export function foldForSearch(text: string): string {
  const lower = text.toLowerCase();
  if (!NOT_ASCII.test(lower)) return lower;
  const folded = lower
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(TYPOGRAPHIC, (c) => PUNCTUATION[c] ?? c);
  return NOT_LATIN1.test(folded) ? folded : oneByte(folded);
}

const NOT_LATIN1 = /[\u0100-\uffff]/;
/** Code units per String.fromCharCode call (an argument list has a limit). */
const CHUNK = 8192;

/**
 * The same text, held one byte per character. V8 keeps the result of normalize() and of replace()
 * on such a string two bytes per character even when every character would fit in one, and a search
 * reads a two-byte string at half the speed; String.fromCharCode makes a one-byte string when it can.
 */
function oneByte(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += CHUNK) {
    const codes = new Array<number>(Math.min(CHUNK, text.length - i));
    for (let j = 0; j < codes.length; j++) codes[j] = text.charCodeAt(i + j);
    out += String.fromCharCode(...codes);
  }
  return out;
}

/** The process stage the log shows (SPEC.md "The process"). */
export function stageOf(r: InquiryRecord): string {
  const w = r.workflow;
  if (r.status === 'resolved') return 'Resolved';
  if (r.mcoEnrollment === 'not_enrolled') return 'Unit lead callback';
  if (w.pauses.some((p) => p.end === null)) return 'Paused';
  if (w.referral) return w.referral.reportedBackAt === null ? 'With MCO' : 'MCO reported back';
  if (w.firstContactAt !== null) return 'Contacted';
  if (w.outreachAttempts > 0) return `Trying to reach (${w.outreachAttempts})`;
  return 'New';
}

function formatReceived(at: Instant, zone: TimeZone): string {
  const p = zonedParts(at, zone);
  return `${pad2(p.month)}/${pad2(p.day)}/${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** What "new to you" reads of a row. */
export type NewToYouRow = Pick<LogRow, 'id' | 'assigneeId' | 'assignedHlc' | 'assignedBy'> & { status?: string };

/**
 * "New to you" (SPEC.md "The unit's roster", hand-off): open, assigned to `personId` by someone else, and not opened by
 * them since that assignment (`opened`: inquiry id → the assignment stamp they saw). An inquiry a person logged or
 * assigned to themselves is never new to them, on any desk.
 */
export function newToYou(row: NewToYouRow, personId: string, opened: Readonly<Record<string, string>>): boolean {
  return row.status === 'open' && row.assigneeId === personId && row.assignedBy !== personId && opened[row.id] !== row.assignedHlc;
}
