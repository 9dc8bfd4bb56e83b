/** The lead screens' chart colours (each at least 3:1 against white) and how they write counts and shares. */
export const ACCENT = '#0b5cad';
export const GREEN = '#1e6b34';
export const AMBER = '#8a5a00';

export const n = (v: number) => v.toLocaleString('en-US');
export const pct = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('en-US', { maximumFractionDigits: 1 })} %`);

/** "1 row", "2,500 rows". */
export const count = (v: number, one: string, many = `${one}s`) => `${v.toLocaleString('en-US')} ${v === 1 ? one : many}`;
