import type { IsoDay } from '../time/types';

/**
 * A case number: `YYMMDD-DESK-SEQ`, e.g. `261123-K7QM2-004`. The day is the agency's calendar
 * day the inquiry was logged, DESK is the logging desk's 5-character code (random Crockford
 * base-32, so 50 desks collide with odds of about 1 in 27,000), SEQ counts that desk's inquiries
 * that day. Unique across desks without any coordination, so desks can log offline.
 */
export type CaseNumber = string & { readonly __brand: 'CaseNumber' };

const CASE_NUMBER = /^(\d{2})(\d{2})(\d{2})-([0-9A-HJKMNP-TV-Z]{5})-(\d{3,6})$/;

export function formatCaseNumber(day: IsoDay, deskCode: string, seq: number): CaseNumber {
  if (!/^[0-9A-HJKMNP-TV-Z]{5}$/.test(deskCode)) throw new Error(`Invalid desk code "${deskCode}"`);
  if (!Number.isInteger(seq) || seq < 1 || seq > 999_999) throw new Error(`Invalid case sequence ${seq}`);
  return `${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-${deskCode}-${String(seq).padStart(3, '0')}` as CaseNumber;
}

export function isCaseNumber(text: string): text is CaseNumber {
  return CASE_NUMBER.test(text);
}

/** Sort key that orders case numbers by day, then desk, then sequence numerically. */
export function caseNumberSortKey(caseNumber: string): string {
  const m = CASE_NUMBER.exec(caseNumber);
  if (!m) return caseNumber;
  return `${m[1]}${m[2]}${m[3]}-${m[4]}-${(m[5] as string).padStart(6, '0')}`;
}
