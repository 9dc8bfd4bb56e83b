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
  return parts.length > 0 ? maskNameParts(out, parts) : out;
}

/**
 * Each whole-word occurrence of a name part (case-insensitive; not inside a longer word) as its initial. At each
 * place the first part in the given order that fits is taken, then the scan goes on after it: what the pattern
 * `(?<![\p{L}\p{N}])(?:part|part…)(?![\p{L}\p{N}])` (flags giu) replaces. Compiling that pattern for each row of a
 * list took a tenth of a millisecond a row, on every keystroke of a search; a literal pattern per part, with the
 * word boundaries checked by hand, take a fraction of that.
 */
function maskNameParts(text: string, parts: readonly string[]): string {
  const found: { start: number; end: number; part: number }[] = [];
  parts.forEach((part, i) => {
    const pattern = new RegExp(escapeRegExp(part), 'giu');
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const end = m.index + m[0].length;
      if (!isWordChar(codePointBefore(text, m.index)) && !isWordChar(text.codePointAt(end))) found.push({ start: m.index, end, part: i });
      pattern.lastIndex = m.index + 1;
    }
  });
  if (found.length === 0) return text;
  found.sort((a, b) => a.start - b.start || a.part - b.part);
  let out = '';
  let at = 0;
  for (const f of found) {
    if (f.start < at) continue;
    out += `${text.slice(at, f.start)}${firstGrapheme(text.slice(f.start, f.end)).toUpperCase()}.`;
    at = f.end;
  }
  return out + text.slice(at);
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const isWordChar = (codePoint: number | undefined): boolean => codePoint !== undefined && WORD_CHAR.test(String.fromCodePoint(codePoint));

/** The code point that ends just before `at` (a surrogate pair read whole), if any. */
function codePointBefore(text: string, at: number): number | undefined {
  if (at <= 0) return undefined;
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(at - 2);
  }
  return low;
}
