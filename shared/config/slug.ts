/**
 * An id for a new configuration entry (a priority level, an MCO) made from its name: lower-case words joined by
 * hyphens ("Dire need" → "dire-need"), starting with a letter, at most `max` characters, and not one of `taken`
 * ("dire-need-2" when taken). Ids never change once saved, so renaming an entry keeps its history.
 */
export function uniqueSlug(name: string, taken: Iterable<string>, options: { max: number; fallback: string }): string {
  const used = new Set(taken);
  let base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/^[a-z]/.test(base)) base = base ? `${options.fallback}-${base}` : options.fallback;
  base = base.slice(0, options.max).replace(/-+$/, '');
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, options.max - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}
