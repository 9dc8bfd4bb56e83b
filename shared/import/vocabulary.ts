import type { AgencyConfig, PriorityLevel, Source } from '../config/agencyConfig';
import type { Resolution } from '../inquiry/events';
import type { Enrollment } from '../inquiry/fields';

/*
 * The words old logs use for priorities, sources, MCOs, enrollment, status and outcomes, and what
 * each means in the app. All matching is on `squash`ed text: lower case, letters and digits only.
 */

export const squash = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\u2018\u2019'`.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const HIGH_WORDS = ['h', 'hi', 'high', 'high priority', 'hp', 'urgent', 'priority', 'p1', '1', 'high pri', 'hi pri', 'emergent'];
const ESCALATED_WORDS = [
  'e',
  'esc',
  'escalated',
  'escalation',
  'escalate',
  'standard',
  'normal',
  'routine',
  'p2',
  '2',
  'med',
  'medium',
  'regular',
];

/** The priority level a cell names: a configured level's id or label, or a common word for the High or Escalated path. */
export function priorityOf(text: string, config: AgencyConfig): PriorityLevel | null {
  const t = squash(text);
  if (!t) return null;
  const levels = config.priorityLevels;
  const direct = levels.find((l) => squash(l.id) === t || squash(l.label) === t);
  if (direct) return direct;
  const byPath = (path: PriorityLevel['path']) => levels.find((l) => l.path === path) ?? null;
  if (HIGH_WORDS.includes(t)) return byPath('high');
  if (ESCALATED_WORDS.includes(t)) return byPath('escalated');
  // "High - same day", "Escalated (ESR)"
  const first = t.split(' ')[0] ?? '';
  if (first === 'high' || first === 'hi') return byPath('high');
  if (first.startsWith('esc')) return byPath('escalated');
  return null;
}

const SOURCE_WORDS: Record<Source, readonly string[]> = {
  'Call Center CSR': [
    'csr',
    'call center',
    'call centre',
    'callcenter',
    'ime csr',
    'ime call center',
    'call center csr',
    'customer service',
    'customer service representative',
    'cc',
    'ccr',
    'ime',
  ],
  'Enrollment Service Representative': [
    'esr',
    'enrollment',
    'enrollment services',
    'enrollment service representative',
    'enrollment broker',
  ],
  'Member Services Account Manager': [
    'account manager',
    'msam',
    'am',
    'member services account manager',
    'member services',
    'acct mgr',
    'ms account manager',
  ],
  'Managed Care Ombudsman': [
    'ombudsman',
    'ombuds',
    'mco ombudsman',
    'managed care ombudsman',
    'ltc ombudsman',
    'omb',
    'office of ombudsman',
  ],
  'Other State Agency': ['other state agency', 'state agency', 'agency', 'dhs', 'hhs', 'dia', 'idph', 'other agency', 'osa', 'iowa hhs'],
  'Legislative Liaison': [
    'legislative',
    'legislator',
    'legislative liaison',
    'legislature',
    'senator',
    'representative',
    'rep',
    'sen',
    'leg',
    'governor',
    'governors office',
    'constituent services',
    'leg liaison',
  ],
  'Policy Staff': ['policy', 'policy staff', 'ime policy', 'ime policy staff', 'policy team'],
  Leadership: [
    'leadership',
    'ime leadership',
    'director',
    'management',
    'manager',
    'deputy director',
    'bureau chief',
    'executive',
    'leader',
  ],
  Other: ['other', 'misc', 'miscellaneous', 'provider', 'member', 'self', 'walk in', 'email', 'phone'],
};

const SOURCE_INDEX: ReadonlyMap<string, Source> = (() => {
  const m = new Map<string, Source>();
  for (const [source, words] of Object.entries(SOURCE_WORDS) as [Source, readonly string[]][]) {
    m.set(squash(source), source);
    for (const w of words) m.set(w, source);
  }
  return m;
})();

/**
 * The source a "Referred by" cell names, and whatever else it says (a name: "CSR - Jane Doe" →
 * Call Center CSR, "Jane Doe"). Null when it names no source.
 */
export function sourceOf(text: string): { source: Source; rest: string } | null {
  const trimmed = text.trim();
  const t = squash(trimmed);
  if (!t) return null;
  const exact = SOURCE_INDEX.get(t);
  if (exact) return { source: exact, rest: '' };
  // "CSR - Jane Doe", "Ombudsman: K. Ellis", "ESR (Tom)", "Rep. Alvarez office"
  const split = /^([^-–:/(,]+?)\s*(?:[-–:/(,]\s*|\s+)(.+?)\)?$/.exec(trimmed);
  if (split) {
    const head = SOURCE_INDEX.get(squash(split[1] as string));
    if (head) return { source: head, rest: (split[2] as string).trim() };
  }
  // The longest known word anywhere in it ("Office of Rep. Alvarez").
  const words = t.split(' ');
  for (let n = Math.min(4, words.length); n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const phrase = words.slice(i, i + n).join(' ');
      if (phrase.length < 3 && n === 1) continue;
      const hit = SOURCE_INDEX.get(phrase);
      if (hit && hit !== 'Other') return { source: hit, rest: trimmed };
    }
  }
  return null;
}

const NOT_ENROLLED_WORDS = [
  'ffs',
  'fee for service',
  'none',
  'no mco',
  'not enrolled',
  'n a',
  'na',
  'unenrolled',
  'no plan',
  'medicaid ffs',
  'ia health link none',
  'no',
];

export type McoMatch = { kind: 'mco'; id: string } | { kind: 'not_enrolled' } | { kind: 'unknown_name'; text: string } | null;

/** The MCO a cell names, by the directory's ids, names and aliases (config.mcos[].aliases). */
export function mcoOf(text: string, config: AgencyConfig): McoMatch {
  const t = squash(text);
  if (!t) return null;
  for (const m of config.mcos) {
    if (squash(m.id) === t || squash(m.name) === t || m.aliases.some((a) => squash(a) === t)) return { kind: 'mco', id: m.id };
  }
  if (NOT_ENROLLED_WORDS.includes(t)) return { kind: 'not_enrolled' };
  // "Iowa Total Care (ITC)", "Molina - Pharmacy": a name or alias as whole words inside the cell.
  const padded = ` ${t} `;
  let best: { id: string; length: number } | null = null;
  for (const m of config.mcos) {
    for (const name of [m.name, ...m.aliases]) {
      const n = squash(name);
      if (n.length >= 2 && padded.includes(` ${n} `) && (!best || n.length > best.length)) best = { id: m.id, length: n.length };
    }
  }
  if (best) return { kind: 'mco', id: best.id };
  return { kind: 'unknown_name', text: text.trim() };
}

/** A yes/no cell ("Y", "Yes", "X", "TRUE", "No", "N") as enrollment; null when blank or unreadable. */
export function enrollmentOf(text: string): Enrollment | null {
  const t = squash(text);
  if (['y', 'yes', 'x', 'true', 'enrolled', '1'].includes(t)) return 'enrolled';
  if (['n', 'no', 'false', 'not enrolled', '0', 'ffs'].includes(t)) return 'not_enrolled';
  if (['unknown', 'u', 'unk', '?'].includes(t)) return 'unknown';
  return null;
}

export type StatusWord = 'open' | 'closed' | null;

/** What a Status cell says: open, closed, or nothing the import can use. */
export function statusOf(text: string): StatusWord {
  const t = squash(text);
  if (!t) return null;
  if (/^(closed|close|resolved|complete|completed|done|finished|c|r|withdrawn|cancelled|canceled)\b/.test(t)) return 'closed';
  if (/^(open|pending|in progress|active|waiting|new|o|ongoing|with mco|working|awaiting|follow up)\b/.test(t)) return 'open';
  return null;
}

/** How an inquiry ended, read from the old log's resolution text; the MCO when one was involved, else the agency. */
export function resolutionTypeOf(text: string, referredToMco: boolean): Resolution {
  const t = squash(text);
  if (
    /\b(unable to (reach|contact|locate)|utr|could not (reach|contact)|couldnt (reach|contact)|no (response|answer|contact|call back|callback) from member|unreachable|never reached)\b/.test(
      t,
    )
  )
    return 'unable_to_reach';
  if (/\b(withdr[ae]wn?|cancell?ed|member declined|declined|no longer needed|duplicate)\b/.test(t)) return 'withdrawn';
  if (/\b(unit lead|routed to lead|to lead for callback|lead callback)\b/.test(t)) return 'unit_lead';
  if (
    /\b(mco (resolved|approved|fixed|completed|processed|issued|scheduled|reprocessed)|resolved by (the )?mco|mco (has|will|did))\b/.test(t)
  )
    return 'mco';
  return referredToMco ? 'mco' : 'agency';
}

/** Placeholder words people put in date columns instead of leaving them blank. */
export const isDatePlaceholder = (text: string): boolean =>
  /^(n ?a|na|none|pending|tbd|open|ongoing|in progress|not yet|unknown|unk|no|null|x|[-–—?]+)$/.test(squash(text) || text.trim());
