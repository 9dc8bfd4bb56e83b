/**
 * North American phone numbers as people type them: "515-555-0123", "(515) 555 0123",
 * "+1 515 555 0123", with an optional extension ("x12", "ext. 12").
 * Returns the number formatted "(515) 555-0123 x12", or null when it is not one.
 */
export function normalisePhone(text: string): string | null {
  const m = /^(.*?)(?:\s*(?:x|ext\.?|extension)\s*(\d{1,6}))?$/i.exec(text.trim());
  if (!m) return null;
  const main = m[1] ?? '';
  if (/[^\d\s().+-]/.test(main)) return null;
  let digits = main.replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length !== 10) return null;
  // NANP: area code and exchange never start with 0 or 1.
  if (/^[01]/.test(digits) || /^[01]/.test(digits.slice(3))) return null;
  const formatted = `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
  return m[2] ? `${formatted} x${m[2]}` : formatted;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
export const isEmail = (text: string): boolean => EMAIL.test(text.trim());
