import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import type { PersonRef } from '../people';
import type { Instant, TimeZone } from '../time/types';
import type { DateCell } from './cells';
import type { ImportContext } from './normalise';

/*
 * For the import tests (not used by the app): spreadsheet date cells, the 2025 log's columns and an import context.
 */

/** A date cell as a spreadsheet reader gives it; month is 1–12. Excel's time-only cells are on 30 Dec 1899. */
export const dateCell = (year: number, month: number, day: number, hour = 0, minute = 0): DateCell => ({
  kind: 'date',
  year,
  month,
  day,
  hour,
  minute,
  second: 0,
});

/** The headers of the agency's 2025 log, in its column order. */
export const LOG_2025_HEADERS: readonly string[] = [
  "Date Rec'd",
  'Time',
  'Referred By',
  'Member Name',
  'Medicaid ID',
  'DOB',
  'MCO',
  'Priority',
  'Issue',
  'Assigned To',
  'Date Contacted',
  'Sent to MCO',
  'Updates',
  'Resolution',
  'Date Resolved',
];

/** What each of the 2025 log's columns is read as (the mapping its headers suggest, and the import screen shows). */
export const LOG_2025_MAPPING: readonly string[] = [
  'receivedDate',
  'receivedTime',
  'source',
  'memberName',
  'medicaidId',
  'memberDob',
  'mco',
  'priority',
  'description',
  'assignee',
  'contactedDate',
  'mcoContactDate',
  'updates',
  'resolution',
  'resolvedDate',
];

/** Mon 23 Nov 2026 14:30 in Chicago: when the tests import. */
export const IMPORT_NOW = Date.parse('2026-11-23T20:30:00Z') as Instant;

/** An import at IMPORT_NOW under the default policy, in Chicago, that knows `people`. */
export const importContext = (people: PersonRef[] = []): ImportContext => ({
  config: DEFAULT_AGENCY_CONFIG,
  zone: 'America/Chicago' as TimeZone,
  now: IMPORT_NOW,
  people,
});
