import type { PersonRef } from '../people';
import type { Instant, TimeZone } from '../time/types';
import { zonedParts } from '../time/zone';
import type { ImportedRow } from './normalise';
import { squash } from './vocabulary';

/**
 * The people the old log names — who logged each row, and assignees who are not on this desk — once each, by
 * name, in the order first met. The roster (issue 15) keeps them as inactive entries; the import only names them.
 */
export function oldLogPeople(rows: readonly ImportedRow[], known: readonly PersonRef[] = []): string[] {
  const seen = new Set(known.map((p) => squash(p.name)));
  const out: string[] = [];
  const add = (name: string) => {
    const key = squash(name);
    if (!key || seen.has(key)) return;
    seen.add(key);
    out.push(name.trim());
  };
  for (const row of rows) {
    add(row.loggedBy);
    const a = row.fields.assignee;
    if (a?.id.startsWith('legacy:')) add(a.name);
  }
  return out;
}

const dayText = (at: Instant, zone: TimeZone): string => {
  const p = zonedParts(at, zone);
  return `${p.month}/${p.day}/${p.year}`;
};

/** "Logged in the old log on 11/5/2025 by Marcus Lee (imported by Dana Whitfield on 12/7/2026)": the history's first line for an imported inquiry. */
export function oldLogLine(o: { receivedAt: Instant; loggedBy: string; importedBy: string; importedAt: Instant }, zone: TimeZone): string {
  const by = o.loggedBy.trim() ? ` by ${o.loggedBy.trim()}` : '';
  return `Logged in the old log on ${dayText(o.receivedAt, zone)}${by} (imported by ${o.importedBy} on ${dayText(o.importedAt, zone)})`;
}
