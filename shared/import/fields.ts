import type { Cell } from './cells';
import { cellText, isBlankCell } from './cells';

/*
 * Over 500 lines because IMPORT_FIELD_INFO is a table: for each field of the old log, its label, the
 * headers that name it and how it is read. The functions after it are short.
 */

/**
 * What a column of the old log can be imported as. Most are inquiry fields; some are facts that
 * become timeline entries (contacted, sent to the MCO, updates, resolution); `legacyId` is the old
 * log's own row number, used to recognise the row on re-import.
 */
export const IMPORT_FIELDS = [
  'receivedDate',
  'receivedTime',
  'source',
  'originatorName',
  'originatorContact',
  'memberName',
  'memberFirstName',
  'memberLastName',
  'medicaidId',
  'memberDob',
  'memberPhone',
  'callbackPhone',
  'callbackAvailability',
  'mco',
  'enrolled',
  'priority',
  'category',
  'subcategory',
  'description',
  'expectedOutcome',
  'rootCause',
  'assignee',
  'contactedDate',
  'mcoContactDate',
  'mcoDepartment',
  'mcoContact',
  'updates',
  'status',
  'resolution',
  'resolvedDate',
  'legacyId',
  'loggedBy',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export interface ImportFieldInfo {
  label: string;
  /** Shown beside the choice in the mapping table. */
  hint: string;
  /** Header names people use for it, lower case, punctuation removed ("date recd", "medicaid number"). */
  synonyms: readonly string[];
  /** Holds a member identifier: masked in the preview like the log masks it. */
  identifier?: true;
}

export const IMPORT_FIELD_INFO: Record<ImportField, ImportFieldInfo> = {
  receivedDate: {
    label: 'Date received',
    hint: 'Required. A date, or a date and time.',
    synonyms: [
      'date recd',
      'date received',
      'received',
      'recd',
      'rec d',
      'received date',
      'recd date',
      'date rcvd',
      'rcvd',
      'date in',
      'intake date',
      'date of inquiry',
      'inquiry date',
      'date opened',
      'opened',
      'date logged',
      'date',
      'date time received',
      'received on',
    ],
  },
  receivedTime: {
    label: 'Time received',
    hint: 'When the date has its time in another column.',
    synonyms: ['time', 'time recd', 'time received', 'received time', 'recd time', 'time rcvd', 'time in'],
  },
  source: {
    label: 'Source (referred by)',
    hint: 'CSR, ESR, Ombudsman, Legislative… A name that is not a source becomes the originator.',
    synonyms: [
      'referred by',
      'referral source',
      'source',
      'received from',
      'referred from',
      'ref by',
      'referred',
      'from',
      'requestor type',
      'source of inquiry',
    ],
  },
  originatorName: {
    label: 'Originator name',
    hint: 'Who referred it.',
    synonyms: [
      'originator',
      'originator name',
      'referrer',
      'referrer name',
      'requestor',
      'requester',
      'caller',
      'contact name',
      'submitted by',
    ],
  },
  originatorContact: {
    label: 'Originator phone or email',
    hint: '',
    synonyms: [
      'originator phone',
      'originator contact',
      'referrer phone',
      'referrer contact',
      'requestor phone',
      'requestor email',
      'contact info',
      'originator email',
    ],
  },
  memberName: {
    label: 'Member name',
    hint: 'Whole name in one column.',
    synonyms: [
      'member name',
      'member',
      'name',
      'client',
      'client name',
      'beneficiary',
      'recipient',
      'recipient name',
      'mbr name',
      'member full name',
    ],
    identifier: true,
  },
  memberFirstName: {
    label: 'Member first name',
    hint: 'Joined with the last name.',
    synonyms: ['first name', 'member first name', 'first', 'fname', 'mbr first name'],
    identifier: true,
  },
  memberLastName: {
    label: 'Member last name',
    hint: 'Joined with the first name.',
    synonyms: ['last name', 'member last name', 'last', 'lname', 'surname', 'mbr last name'],
    identifier: true,
  },
  medicaidId: {
    label: 'Medicaid ID',
    hint: '',
    synonyms: [
      'medicaid id',
      'medicaid number',
      'medicaid',
      'medicaid no',
      'state id',
      'sid',
      'mid',
      'member id',
      'recipient id',
      'medicaid id number',
      'id number',
      'mbr id',
      'medicaid state id',
    ],
    identifier: true,
  },
  memberDob: {
    label: 'Date of birth',
    hint: '',
    synonyms: ['dob', 'date of birth', 'birth date', 'birthdate', 'member dob'],
    identifier: true,
  },
  memberPhone: {
    label: 'Member phone',
    hint: '',
    synonyms: ['phone', 'member phone', 'phone number', 'member phone number', 'telephone', 'mbr phone', 'phone no'],
    identifier: true,
  },
  callbackPhone: {
    label: 'Best callback number',
    hint: '',
    synonyms: [
      'callback',
      'callback number',
      'call back number',
      'best callback',
      'best callback number',
      'best number',
      'cb number',
      'call back',
    ],
    identifier: true,
  },
  callbackAvailability: {
    label: 'Callback availability',
    hint: '',
    synonyms: ['availability', 'best time to call', 'callback availability', 'best time', 'call times'],
  },
  mco: {
    label: 'MCO',
    hint: 'Matched to the MCO directory by name or alias; "FFS" or "None" means not enrolled.',
    synonyms: ['mco', 'plan', 'health plan', 'managed care organization', 'mco name', 'managed care org', 'mco plan', 'payer'],
  },
  enrolled: {
    label: 'Enrolled with an MCO (yes/no)',
    hint: '',
    synonyms: ['enrolled', 'mco enrolled', 'enrolled in mco', 'enrolled with mco', 'mco enrollment', 'enrollment'],
  },
  priority: {
    label: 'Priority',
    hint: 'High / Escalated and their abbreviations (H, Esc…).',
    synonyms: ['priority', 'priority level', 'level', 'urgency', 'pri', 'prio', 'high escalated'],
  },
  category: {
    label: 'Category',
    hint: '',
    synonyms: ['category', 'issue type', 'type', 'issue category', 'type of issue', 'concern type'],
  },
  subcategory: { label: 'Sub-category', hint: '', synonyms: ['subcategory', 'sub category', 'sub type', 'subtype', 'issue subtype'] },
  description: {
    label: 'Description (issue)',
    hint: 'The issue as written.',
    synonyms: [
      'issue',
      'description',
      'issue description',
      'concern',
      'reason',
      'summary',
      'inquiry',
      'details',
      'problem',
      'member issue',
      'reason for inquiry',
    ],
  },
  expectedOutcome: {
    label: 'Expected outcome',
    hint: '',
    synonyms: ['expected outcome', 'needed', 'what is needed', 'outcome needed', 'requested outcome', 'request', 'resolution needed'],
  },
  rootCause: { label: 'Root cause', hint: '', synonyms: ['root cause', 'cause'] },
  assignee: {
    label: 'Assignee',
    hint: 'Matched to people on this desk by name.',
    synonyms: [
      'assigned to',
      'assignee',
      'owner',
      'worked by',
      'esr',
      'liaison',
      'staff',
      'handled by',
      'assigned',
      'worker',
      'assigned esr',
    ],
  },
  contactedDate: {
    label: 'Date member contacted',
    hint: 'The first contact with the member or originator.',
    synonyms: [
      'date contacted',
      'contacted',
      'member contacted',
      'first contact',
      'contact date',
      'date of contact',
      'first contact date',
      'date member contacted',
      'initial contact',
      'outreach date',
    ],
  },
  mcoContactDate: {
    label: 'Date sent to MCO',
    hint: 'When the MCO was contacted about it.',
    synonyms: [
      'date sent to mco',
      'sent to mco',
      'mco contacted',
      'date mco contacted',
      'referred to mco',
      'date referred to mco',
      'mco contact date',
      'mco referral date',
      'date to mco',
      'escalated to mco',
    ],
  },
  mcoDepartment: { label: 'MCO department', hint: '', synonyms: ['mco department', 'department', 'dept', 'mco dept'] },
  mcoContact: {
    label: 'MCO contact person',
    hint: '',
    synonyms: ['mco contact', 'mco contact name', 'mco rep', 'mco representative', 'mco staff'],
  },
  updates: {
    label: 'Updates (notes)',
    hint: 'Becomes a note on the timeline, line breaks kept.',
    synonyms: [
      'updates',
      'update',
      'notes',
      'comments',
      'follow up',
      'followup',
      'status notes',
      'actions taken',
      'action taken',
      'case notes',
      'progress notes',
      'note',
      'comment',
    ],
  },
  status: { label: 'Status', hint: 'Open / Closed / Resolved.', synonyms: ['status', 'case status', 'open closed'] },
  resolution: {
    label: 'Resolution',
    hint: 'How it ended, as written.',
    synonyms: ['resolution', 'outcome', 'resolution notes', 'final resolution', 'result', 'disposition', 'how resolved'],
  },
  resolvedDate: {
    label: 'Date resolved',
    hint: '',
    synonyms: [
      'date resolved',
      'resolved',
      'resolved date',
      'date closed',
      'closed',
      'closed date',
      'resolution date',
      'date completed',
      'completed',
      'close date',
    ],
  },
  loggedBy: {
    label: 'Logged by (old log)',
    hint: 'Who logged the row in the old log: the history says so, and the roster can list them as inactive people.',
    synonyms: ['logged by', 'entered by', 'created by', 'taken by', 'recorded by', 'intake by', 'intake staff', 'logged'],
  },
  legacyId: {
    label: 'Old log number',
    hint: "The old log's own row or case number, if it had one.",
    synonyms: [
      'log number',
      'log no',
      'case number',
      'case no',
      'case',
      'ref number',
      'ref',
      'reference',
      'row id',
      'ticket',
      'ticket number',
      'tracking number',
      'log id',
    ],
  },
};

/** A column index → what it is imported as (null: not imported). */
export type ColumnMapping = (ImportField | null)[];

/** "Date Rec'd:" → "date recd"; "Medicaid #" → "medicaid number"; "Sub-Category" → "sub category". */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019'`]/g, '')
    .replace(/#/g, ' number ')
    .replace(/&/g, ' and ')
    .replace(/\bno\./g, 'no')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

const SYNONYM_INDEX: ReadonlyMap<string, ImportField> = (() => {
  const index = new Map<string, ImportField>();
  for (const f of IMPORT_FIELDS) for (const s of IMPORT_FIELD_INFO[f].synonyms) if (!index.has(s)) index.set(s, f);
  return index;
})();

/** The field a header names outright, or null. */
export function fieldOfHeader(header: string): ImportField | null {
  return SYNONYM_INDEX.get(normaliseHeader(header)) ?? null;
}

/** Headers that name a field only when nothing more specific does ("Date" beside "Date Received"). */
const GENERIC_HEADERS = new Set([
  'date',
  'name',
  'time',
  'type',
  'from',
  'level',
  'member',
  'first',
  'last',
  'plan',
  'phone',
  'staff',
  'case',
  'ref',
  'result',
  'outcome',
  'note',
  'comment',
]);

/**
 * How strongly a header suggests a field: 3 exact (2.5 for a generic name), 2 every word of a longer name present
 * ("Date Member Was Contacted"), 1 a distinctive one-word name among its words ("Issue/Concern"), 0 none.
 */
function score(header: string, field: ImportField): number {
  const h = normaliseHeader(header);
  if (!h) return 0;
  const synonyms = IMPORT_FIELD_INFO[field].synonyms;
  if (synonyms.includes(h)) return GENERIC_HEADERS.has(h) ? 2.5 : 3;
  const words = new Set(h.split(' '));
  let best = 0;
  for (const s of synonyms) {
    const sw = s.split(' ');
    if (sw.length > 1 && sw.every((w) => words.has(w))) return 2;
    if (sw.length === 1 && s.length >= 4 && words.has(s)) best = 1;
  }
  return best;
}

/**
 * Suggests what each column is from its header. `learned` holds what people chose before for a
 * header (normalised), and wins over the built-in names. Each field goes to one column at most.
 */
export function suggestMapping(headers: readonly string[], learned: Readonly<Record<string, ImportField | null>> = {}): ColumnMapping {
  const mapping: ColumnMapping = headers.map(() => null);
  const taken = new Set<ImportField>();
  // What a person chose before comes first.
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key in learned) {
      const f = learned[key] ?? null;
      if (f === null || !taken.has(f)) {
        mapping[i] = f;
        if (f) taken.add(f);
      }
    }
  });
  const candidates: { column: number; field: ImportField; score: number }[] = [];
  headers.forEach((h, column) => {
    if (normaliseHeader(h) in learned) return;
    for (const field of IMPORT_FIELDS) {
      const s = score(h, field);
      if (s > 0) candidates.push({ column, field, score: s });
    }
  });
  // Strongest first; on a tie the leftmost column (old logs put the main date first).
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  for (const c of candidates) {
    if (mapping[c.column] !== null || taken.has(c.field)) continue;
    mapping[c.column] = c.field;
    taken.add(c.field);
  }
  return mapping;
}

/** How many rows from the top are searched for the header row. */
export const HEADER_SEARCH_ROWS = 30;

/**
 * The index of the row that names the columns: the first of the top rows with the most cells that
 * are known header names (at least two). Title rows ("MCO Inquiry Log 2024", "Updated by …") have
 * one or none. Null when no row qualifies: the person picks it.
 */
export function findHeaderRow(rows: readonly (readonly Cell[])[]): number | null {
  let best: number | null = null;
  let bestScore = 1;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = rows[i] ?? [];
    let s = 0;
    for (const c of row) {
      if (isBlankCell(c) || typeof c !== 'string') continue;
      if (fieldOfHeader(cellText(c)) !== null) s += 1;
    }
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}

/** The header texts of a row (blank headers become "Column C"). */
export function headersOf(row: readonly Cell[] | undefined, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < width; i++) {
    const text = cellText(row?.[i] ?? null)
      .replace(/\s+/g, ' ')
      .trim();
    out.push(text || `Column ${columnLetter(i)}`);
  }
  return out;
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
