import type { Instant, TimeZone } from '../time/types';
import { pad2, zonedParts } from '../time/zone';

/* The parts every exported file's name is made of (exportPlan.ts, the scorecard's, the grievance record's). */

/** Words as a file-name part: lower case, runs of anything but letters and digits one hyphen, at most 40 characters. */
export const fileSlug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

/** When the file was made, in the agency's zone: `yyyy-MM-dd-HHmm`. */
export function fileStamp(now: Instant, zone: TimeZone): string {
  const p = zonedParts(now, zone);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)}-${pad2(p.hour)}${pad2(p.minute)}`;
}
