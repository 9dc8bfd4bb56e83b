import { FIELD_LABELS, FIELD_NAMES, type FieldName, type FieldValue, type InquiryFields } from '../inquiry/fields';
import type { Instant } from '../time/types';
import { squash } from './vocabulary';

/*
 * A legacy row's identity across copies of the old log (docs/events.md "The legacy import"). The exact
 * fingerprint (normalise.ts fingerprintKey) finds the same row written the same way; this finds it again
 * when a later copy corrected it: the same civil day received (the caller only offers inquiries received
 * that day), the old log's number when both have one, else the same member (the Medicaid ID, or a name
 * within a typo of it) and the same issue (its first words, within a typo or two). A time corrected from
 * 2:01 PM to 2:05 PM, "Maria Lopes" fixed to "Maria Lopez", a reworded end of the issue: the same inquiry.
 */

/** Edit distance (insertions, deletions, substitutions) between two short strings, stopping early past `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/** Typos allowed in a text of this length: 1 up to 8 characters, then one more per 8. */
const typos = (length: number): number => Math.max(1, Math.floor(length / 8));

/** The same member: the same Medicaid ID, or a name the same up to word order and a typo or two. */
export function sameMember(
  a: Pick<InquiryFields, 'memberName' | 'medicaidId'>,
  b: Pick<InquiryFields, 'memberName' | 'medicaidId'>,
): boolean {
  const idA = squash(a.medicaidId);
  const idB = squash(b.medicaidId);
  if (idA && idA === idB) return true;
  const nameA = squash(a.memberName);
  const nameB = squash(b.memberName);
  if (!nameA || !nameB) return false;
  if (nameA === nameB) return true;
  const sorted = (n: string) => n.split(' ').sort().join(' ');
  if (sorted(nameA) === sorted(nameB)) return true;
  return editDistance(nameA, nameB, 2) <= Math.min(2, typos(Math.min(nameA.length, nameB.length)));
}

/** The issue's first words (up to 5), as identity compares them. */
export const firstWords = (text: string): string => squash(text).split(' ').filter(Boolean).slice(0, 5).join(' ');

/** The same issue: the first words the same, or within a few typos, or mostly the same words. */
export function sameIssue(a: string, b: string): boolean {
  const wa = firstWords(a);
  const wb = firstWords(b);
  if (wa === wb) return true;
  if (!wa || !wb) return false;
  if (editDistance(wa, wb, 6) <= Math.min(6, typos(Math.min(wa.length, wb.length)))) return true;
  const setA = new Set(wa.split(' '));
  const setB = new Set(wb.split(' '));
  const shared = [...setA].filter((w) => setB.has(w)).length;
  return shared / Math.max(setA.size, setB.size) >= 0.75;
}

/** What a row's identity (and its fingerprint, normalise.ts fingerprintKey) is made of. */
export interface IdentityParts {
  receivedDay: string;
  legacyId: string;
  medicaidId: string;
  memberName: string;
  description: string;
}

/**
 * The exact canonical parts of a row's identity, as one string: the civil day received and the old log's number,
 * or the day, the member (the Medicaid ID when the row has a readable one, else the name's words in order) and the
 * issue's first five words, all squashed. Two desks importing copies of the old log derive the same inquiry id
 * from it (importEvents.ts importedInquiryId), so their rows are one inquiry after they sync. Only exact parts:
 * the typo-tolerant match (`sameLegacyRow`) finds a row in this desk's log, but an id cannot be "within a typo"
 * of another, so copies that differ in these parts (docs/events.md "Two desks, two copies") make two inquiries.
 */
export function identityKey(p: {
  receivedDay: string;
  legacyId: string;
  medicaidId: string;
  memberName: string;
  description: string;
}): string {
  if (squash(p.legacyId)) return `ref|${p.receivedDay}|${squash(p.legacyId)}`;
  const id = squash(p.medicaidId).replace(/ /g, '');
  const member = id ? `id:${id}` : `name:${squash(p.memberName).split(' ').sort().join(' ')}`;
  return `row|${p.receivedDay}|${member}|${firstWords(p.description)}`;
}

/** What identity compares of a row or an inquiry: its fields and the old log's number (if any). */
export interface Identity {
  fields: Pick<InquiryFields, 'memberName' | 'medicaidId' | 'description'>;
  legacyId: string;
}

/** Whether two rows received on the same civil day are the same inquiry of the old log. */
export function sameLegacyRow(a: Identity, b: Identity): boolean {
  if (a.legacyId && b.legacyId) return squash(a.legacyId) === squash(b.legacyId);
  return sameMember(a.fields, b.fields) && sameIssue(a.fields.description, b.fields.description);
}

/** A field a later copy of the old log changed since the last import. */
export interface FieldChange {
  field: FieldName;
  /** What the log holds now (the edit's `from`) and what the later copy says. */
  from: FieldValue;
  to: FieldValue;
  /** What the last import of the row said: the change is the later copy's when the log still holds it. */
  before: FieldValue;
}

const sameValue = (a: FieldValue, b: FieldValue): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields a later copy changed since the row was last imported (`previous`), as edits of what the log holds
 * (`current`). A field people changed in the app since (current ≠ previous) is left as they made it.
 */
export function fieldChanges(previous: InquiryFields, next: InquiryFields, current: InquiryFields): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of FIELD_NAMES) {
    const before = previous[field] as FieldValue;
    const to = next[field] as FieldValue;
    if (sameValue(before, to)) continue;
    const from = current[field] as FieldValue;
    if (!sameValue(from, before) || sameValue(from, to)) continue;
    out.push({ field, from, to, before });
  }
  return out;
}

/**
 * "Received: 07/01/2025 2:01 PM → 07/01/2025 2:05 PM" — member identifiers as given (the preview masks the row
 * elsewhere). Times read as `formatAt` writes them: the screen's own format, not the export's.
 */
export function describeChange(c: FieldChange, formatAt: (at: Instant) => string): string {
  const text = (v: FieldValue): string => {
    if (v === null || v === undefined || v === '') return '(blank)';
    if (c.field === 'receivedAt' && typeof v === 'number') return formatAt(v);
    if (typeof v === 'object' && 'name' in v) return v.name;
    const s = String(v);
    return s.length > 60 ? `${s.slice(0, 60)}…` : s;
  };
  return `${FIELD_LABELS[c.field]}: ${text(c.from)} → ${text(c.to)}`;
}

/** Fields that identify the member: a change to one is told without its values until a person reveals it. */
const IDENTIFIER_FIELDS: ReadonlySet<FieldName> = new Set(['memberName', 'medicaidId', 'memberDob', 'memberPhone', 'callbackPhone']);

export const isIdentifierChange = (c: Pick<FieldChange, 'field'>): boolean => IDENTIFIER_FIELDS.has(c.field);

/** What kind of change a member identifier underwent, in words that give none of it away. */
function identifierChangeKind(field: FieldName, from: string, to: string): string {
  if (field === 'memberName') {
    const a = squash(from);
    const b = squash(to);
    if (a === b) return 'capitals or punctuation';
    const sorted = (n: string) => n.split(' ').sort().join(' ');
    if (sorted(a) === sorted(b)) return 'word order';
    // A letter or two wrong, missing or swapped ("Sampel" → "Sample"): up to one per four letters, three at most.
    const allowed = Math.min(3, Math.max(1, Math.floor(Math.min(a.length, b.length) / 4)));
    if (editDistance(a, b, allowed) <= allowed) return 'spelling';
    return 'a different name';
  }
  if (field === 'memberDob') return 'a different date';
  const a = from.replace(/[^0-9a-z]/gi, '').toUpperCase();
  const b = to.replace(/[^0-9a-z]/gi, '').toUpperCase();
  const noun = field === 'medicaidId' ? 'ID' : 'number';
  if (a === b) return 'formatting';
  if (a.length === b.length && editDistance(a, b, 1) <= 1) return 'one character';
  return `a different ${noun}`;
}

/**
 * A change of a member identifier as a list may show it, masked: "Member name changed (spelling)", "Medicaid ID
 * added" — what a lead needs to judge it (a typo fixed, or a different member?) without showing who it is.
 * Other fields: `describeChange` (the values themselves).
 */
export function describeIdentifierChange(c: FieldChange): string {
  const label = FIELD_LABELS[c.field];
  const from = c.from === null || c.from === undefined ? '' : String(c.from);
  const to = c.to === null || c.to === undefined ? '' : String(c.to);
  if (!from) return `${label} added`;
  if (!to) return `${label} removed`;
  return `${label} changed (${identifierChangeKind(c.field, from, to)})`;
}
