import { type AgencyConfig, priorityLabel } from '../config/agencyConfig';
import type { InquiryRecord } from './projection';

/*
 * Text meant for e-mail (SPEC.md "PII discipline"): built from the case number and the description,
 * never from member identifiers. The description is typed by people and may quote a name, an ID, a
 * birth date or a phone number, so those are removed from it: the member's own identifiers wherever
 * they appear, and anything shaped like a phone number, an e-mail address, a date or a long number.
 */

const REMOVED = '[removed]';
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const PATTERNS: readonly RegExp[] = [
  /[^\s@]+@[^\s@]+\.[^\s@]{2,}/g, // e-mail addresses
  /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/g, // phone numbers
  /\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b/g, // dates as m/d/yy, m-d-yyyy
  /\b\d{4}-\d{2}-\d{2}\b/g, // ISO dates
  /\b\d{5,}[A-Za-z]?\b/g, // IDs: five or more digits, maybe with a letter (Medicaid IDs, SSNs without dashes)
  /\b\d{3}-\d{2}-\d{4}\b/g, // SSNs
];

/** The text with the member's identifiers and identifier-shaped strings replaced by "[removed]". */
export function redactIdentifiers(text: string, record: Pick<InquiryRecord, 'memberName' | 'medicaidId' | 'memberDob'>): string {
  let out = text;
  const known = [record.medicaidId, record.memberDob, record.memberName, ...record.memberName.split(/\s+/)]
    .map((s) => s.trim())
    .filter((s) => s.length >= 3);
  for (const value of known.sort((a, b) => b.length - a.length))
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escape(value)}(?![\\p{L}\\p{N}])`, 'giu'), REMOVED);
  for (const pattern of PATTERNS) out = out.replace(pattern, REMOVED);
  return out;
}

export interface ReadyMessage {
  subject: string;
  body: string;
}

/** The MCO gate's message to the unit lead: the case number and the issue, no member identifiers. */
export function unitLeadMessage(record: InquiryRecord, config: AgencyConfig): ReadyMessage {
  const category = record.subcategory ? `${record.category} › ${record.subcategory}` : record.category;
  const lines = [
    `Case ${record.caseNumber} needs a unit lead callback: the member is not enrolled with an MCO.`,
    '',
    `Priority: ${priorityLabel(config, record.priority)}`,
    `Category: ${category || 'not set'}`,
    `Source: ${record.source}`,
    '',
    'Issue:',
    redactIdentifiers(record.description, record) || '(no description)',
    '',
    'What is needed to resolve it:',
    redactIdentifiers(record.expectedOutcome, record) || '(not recorded)',
    '',
    `Open case ${record.caseNumber} in Liaison Log for the member's details. Do not add member identifiers to this e-mail.`,
  ];
  return { subject: `Unit lead callback: case ${record.caseNumber}`, body: lines.join('\n') };
}
