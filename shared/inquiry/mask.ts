/** Masked forms of member identifiers for lists and screens where they are not deliberately revealed. */
export function maskName(name: string): string {
  const initials = name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => `${part[0]?.toUpperCase() ?? ''}.`);
  return initials.length ? `${initials.join(' ')} •••` : '';
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
