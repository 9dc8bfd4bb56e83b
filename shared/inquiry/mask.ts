/** Masked forms of member identifiers for lists and screens where they are not deliberately revealed. */
export function maskName(name: string): string {
  const initials = name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${firstGrapheme(part).toUpperCase()}.`);
  return initials.length ? `${initials.join(' ')} •••` : '';
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The first character as a person sees it (an emoji, a letter with its accents), never half of one. */
export function firstGrapheme(text: string): string {
  for (const { segment } of graphemes.segment(text)) return segment;
  return '';
}

export function maskMedicaidId(id: string): string {
  if (!id) return '';
  return `${'•'.repeat(Math.max(0, id.length - 3))}${id.slice(-3)}`;
}

export const maskDob = (dob: string): string => (dob ? '••••-••-••' : '');

export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits ? `(•••) •••-${digits.slice(6, 10)}` : '';
}

/** What of the member free text may name: the inquiry's own identifiers. */
export interface MemberIdentifiers {
  memberName: string;
  medicaidId: string;
  memberPhone?: string;
  callbackPhone?: string;
}

const PHONE = /(?:\+?1[\s.-]?)?\(?\b\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}\b/g;
const SSN = /\b\d{3}-\d{2}-\d{4}\b/g;
/** A Medicaid ID as Iowa writes them (seven digits and a letter), or any run of 7+ digits. */
const ID_LIKE = /\b(?:\d{7}[A-Za-z]|\d{7,})\b/g;
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Free text (a description's first line, in a list) with the member's identifiers masked as the lists mask them: the
 * member's name parts as initials, their Medicaid ID and anything shaped like one, phone numbers and SSNs.
 */
export function maskFreeText(text: string, ids: MemberIdentifiers): string {
  let out = text.replace(SSN, '•••-••-••••');
  if (ids.medicaidId.trim().length >= 4)
    out = out.replace(new RegExp(escapeRegExp(ids.medicaidId.trim()), 'gi'), maskMedicaidId(ids.medicaidId.trim()));
  out = out.replace(PHONE, (m) => maskPhone(m)).replace(ID_LIKE, (m) => maskMedicaidId(m));
  const parts = ids.memberName
    .trim()
    .split(/\s+/)
    .filter((p) => [...graphemes.segment(p)].length >= 2);
  if (parts.length > 0) {
    const names = new RegExp(`(?<![\\p{L}\\p{N}])(?:${parts.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
    out = out.replace(names, (m) => `${firstGrapheme(m).toUpperCase()}.`);
  }
  return out;
}
