import { type AgencyConfig, priorityLabel } from '../config/agencyConfig';
import type { ReadyMessage } from '../mailto';
import type { Instant } from '../time/types';
import type { InquiryRecord } from './projection';

/*
 * Text meant for e-mail (SPEC.md "PII discipline"): built from the case number and the description,
 * never from member identifiers. The description is typed by people and may quote a name, an ID, a
 * birth date or a phone number, so those are removed from it: the member's own identifiers wherever
 * they appear, and anything shaped like a phone number, an e-mail address, a date or a long number.
 */

const REMOVED = '[removed]';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PATTERNS: readonly RegExp[] = [
  /[^\s@]+@[^\s@]+\.[^\s@]{2,}/g, // e-mail addresses
  /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/g, // phone numbers
  /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b/g, // dates as m/d/yy, m-d-yyyy, m.d.yyyy
  /\b\d{4}[/.-]\d{1,2}[/.-]\d{1,2}\b/g, // dates year first: ISO, yyyy/mm/dd
  /\b\d{5,}[A-Za-z]?\b/g, // IDs: five or more digits, maybe with a letter (Medicaid IDs, SSNs without dashes)
  /\b\d{3}-\d{2}-\d{4}\b/g, // SSNs
];

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

// Compiled once: a Unicode property class costs milliseconds to compile (more with the i flag), so the
// patterns built per record are plain and the "stands alone" test runs on the characters around a match.
const LETTER = /[\p{L}\p{M}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/u;

/** The character (code point) that ends just before index `i`, or ''. */
function charBefore(s: string, i: number): string {
  if (i <= 0) return '';
  const low = s.charCodeAt(i - 1);
  return low >= 0xdc00 && low <= 0xdfff && i >= 2 ? s.slice(i - 2, i) : s.slice(i - 1, i);
}
/** The character (code point) that starts at index `i`, or ''. */
const charAt = (s: string, i: number): string => (i < s.length ? String.fromCodePoint(s.codePointAt(i) as number) : '');

/**
 * Replaces every match of `pattern` (global) that stands alone, with no character matching `inside` right before
 * or after it ("Ann" is not removed from "Annual"); a match that does not is retried one character further on.
 */
function replaceStandalone(text: string, pattern: RegExp, inside: RegExp): string {
  let out = '';
  let done = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (end === start || inside.test(charBefore(text, start)) || inside.test(charAt(text, end))) {
      pattern.lastIndex = start + 1;
      continue;
    }
    out += `${text.slice(done, start)}${REMOVED}`;
    done = end;
  }
  return out + text.slice(done);
}

/**
 * The member's birth date however it is written: 3/15/84, 03-15-1984, 03.15.1984, 15/03/1984, 1984/03/15,
 * 03151984, "March 15, 1984", "Mar. 15th 1984", "15th of March 1984".
 */
function birthDatePattern(dob: string): RegExp | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dob);
  if (!m) return null;
  const year = m[1] as string;
  const month = Number(m[2]);
  const day = Number(m[3]);
  const name = MONTHS[month - 1];
  if (!name || day < 1 || day > 31) return null;
  const yy = year.slice(2);
  const y = `(?:${year}|'?${yy})`;
  const mo = `0?${month}`;
  const d = `0?${day}`;
  const [mm, dd] = [String(month).padStart(2, '0'), String(day).padStart(2, '0')];
  const sep = '[\\s/.-]';
  const monthName = `(?:${name}|${name.slice(0, 3)}${month === 9 ? 't?' : ''}\\.?)`;
  const dayTh = `${d}(?:st|nd|rd|th)?`;
  return new RegExp(
    [
      `${mo}${sep}${d}${sep}${y}`,
      `${d}${sep}${mo}${sep}${y}`,
      `${year}${sep}${mo}${sep}${d}`,
      `${mm}${dd}(?:${year}|${yy})`,
      `${dd}${mm}(?:${year}|${yy})`,
      `${year}${mm}${dd}`,
      `${monthName}\\s*${dayTh},?\\s*${y}`,
      `${dayTh}\\s*(?:of\\s+)?${monthName},?\\s*${y}`,
    ].join('|'),
    'gi',
  );
}

/** A value with digits in it (a Medicaid ID), wherever it appears, its characters maybe split by spaces, dots or dashes. */
const codePattern = (value: string) =>
  new RegExp(
    [...value]
      .map((c) => (/[\s.-]/.test(c) ? '' : escapeRegExp(c)))
      .filter(Boolean)
      .join('[\\s.-]?'),
    'gi',
  );

/** The last 7 digits of a member's phone number as a pattern, as people quote a local number ("555-0142"). */
function localPhone(phone: string): string | null {
  const digits = phone.replace(/\s*(?:x|ext\.?|extension)\s*\d+\s*$/i, '').replace(/\D/g, '');
  if (digits.length < 10) return null;
  const local = digits.slice(-7);
  return `${local.slice(0, 3)}[\\s.-]?${local.slice(3)}`;
}

type MemberIdentifiers = Pick<InquiryRecord, 'memberName' | 'medicaidId' | 'memberDob'> &
  Partial<Pick<InquiryRecord, 'memberPhone' | 'callbackPhone'>>;

/** The text with the member's identifiers and identifier-shaped strings replaced by "[removed]". */
export function redactIdentifiers(text: string, record: MemberIdentifiers): string {
  let out = text;
  const id = record.medicaidId.trim();
  if (id.length >= 3 && /\d/.test(id)) out = out.replace(codePattern(id), REMOVED);
  const name = record.memberName.trim();
  // The whole name, each word of it, and each run of letters in it ("Lee-Hoang" → "Lee", "Hoang"; "Smith," → "Smith").
  const words = [name, ...name.split(/\s+/), ...name.split(/[^\p{L}\p{M}]+/u), ...(/\d/.test(id) ? [] : [id])];
  const longestFirst = [...new Set(words.map((s) => s.trim()).filter((s) => s.length >= 3))].sort((a, b) => b.length - a.length);
  for (const word of longestFirst) out = replaceStandalone(out, new RegExp(escapeRegExp(word), 'gi'), LETTER);
  const dob = birthDatePattern(record.memberDob);
  if (dob) out = replaceStandalone(out, dob, LETTER_OR_DIGIT);
  // Whole phone numbers first, then the member's own number quoted without its area code ("555-0142"): the other
  // way round, "515-555-0142" would lose only its last seven digits and keep "515-".
  for (const pattern of PATTERNS) out = out.replace(pattern, REMOVED);
  for (const phone of [record.memberPhone, record.callbackPhone]) {
    const local = phone ? localPhone(phone) : null;
    if (local) out = replaceStandalone(out, new RegExp(local, 'g'), LETTER_OR_DIGIT);
  }
  return out;
}

export type { ReadyMessage } from '../mailto';

/**
 * The MCO gate's message to the Member Escalations inbox (SPEC.md "The process" 2): the case number only. No
 * priority (the unit lead decides), and no issue text: whatever the description says stays in the app.
 */
export function unitLeadMessage(record: InquiryRecord): ReadyMessage {
  const lines = [
    `Case ${record.caseNumber} needs a unit lead callback: the member is not enrolled with an MCO.`,
    '',
    `Open case ${record.caseNumber} in Liaison Log (Unit lead callbacks) for the member's details and the issue.`,
    'Do not add member identifiers to this e-mail.',
  ];
  return { subject: `Unit lead callback: case ${record.caseNumber}`, body: lines.join('\n') };
}

/**
 * The hand-off of an Escalated inquiry to an ESR (SPEC.md "The process" 5): the case number, the priority,
 * when first contact is due, and the issue, without member identifiers. `formatTime` writes an instant in the
 * agency's zone ("Mon, Nov 23, 2026, 2:05 PM CST").
 */
export function handOffMessage(
  record: InquiryRecord,
  config: AgencyConfig,
  to: { name: string },
  formatTime: (at: Instant) => string,
): ReadyMessage {
  const category = record.subcategory ? `${record.category} › ${record.subcategory}` : record.category;
  const targets = record.workflow.targets;
  const referral = record.workflow.referral;
  const due = targets
    ? [
        `First contact target: ${formatTime(targets.firstContactTarget)}`,
        `First contact deadline: ${formatTime(targets.firstContactDeadline)}`,
      ]
    : ['First contact: no target recorded'];
  if (referral && referral.reportedBackAt === null) due.push(`Follow up with the MCO by: ${formatTime(referral.followUpDue)}`);
  const lines = [
    `${to.name}, case ${record.caseNumber} is assigned to you.`,
    '',
    `Priority: ${priorityLabel(config, record.priority)}`,
    ...due,
    `Category: ${category || 'not set'}`,
    `Source: ${record.source}`,
    '',
    'Issue:',
    redactIdentifiers(record.description, record) || '(no description)',
    '',
    'What is needed to resolve it:',
    redactIdentifiers(record.expectedOutcome, record) || '(not recorded)',
    '',
    `Open case ${record.caseNumber} in Liaison Log (My inquiries) for the member's details. Do not add member identifiers to this e-mail.`,
  ];
  return { subject: `Assigned to you: case ${record.caseNumber}`, body: lines.join('\n') };
}
