import type { RoutingEntry } from './agencyConfig';

/**
 * The routing directory entries that match what a person typed in the quick-reference panel: every word of the
 * query appears (any case, anywhere in a word, so "pharm" finds "Pharmacy") in the issue type, what to check
 * first, or whom to contact. An empty query matches everything; the directory's order is kept.
 */
export function filterRouting(entries: readonly RoutingEntry[], query: string): RoutingEntry[] {
  const words = query.toLocaleLowerCase('en-US').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...entries];
  return entries.filter((e) => {
    const text = `${e.issueType}\n${e.checkFirst}\n${e.contact}`.toLocaleLowerCase('en-US');
    return words.every((w) => text.includes(w));
  });
}
