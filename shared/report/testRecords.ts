import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import { type Cell, cellText } from '../import/cells';
import { suggestMapping } from '../import/fields';
import { newInquiryEvents } from '../import/importEvents';
import { normaliseRow } from '../import/normalise';
import type { CaseNumber } from '../inquiry/caseNumber';
import type { CommandContext } from '../inquiry/commands/context';
import { TEST_POLICY } from '../inquiry/commands/testing';
import type { InquiryEvent } from '../inquiry/events';
import { type InquiryRecord, projectInquiry } from '../inquiry/projection';
import { encodeHlc } from '../sync/hlc';
import type { Instant, TimeZone } from '../time/types';

/**
 * For tests of the report and the export: inquiries built the way the legacy import builds them,
 * from rows of a small log with these columns, projected as the desk would store them.
 */
export const TEST_LOG_HEADERS = [
  'Received',
  'Priority',
  'MCO',
  'Member Name',
  'Medicaid ID',
  'Issue',
  'Referred By',
  'Assigned To',
  'Date Contacted',
  'Sent to MCO',
  'Resolution',
  'Date Resolved',
];

/** Maria Lopez: High, ITC, received Mon 3 Mar 2025 09:15, contacted 10:05, sent to ITC 10:40, resolved the next day. */
export const mariaRow = (issue = 'Refill denied'): Cell[] => [
  '3/3/2025 9:15',
  'High',
  'ITC',
  'Maria Lopez',
  '1234567A',
  issue,
  'CSR',
  'Dana Whitfield',
  '3/3/2025 10:05',
  '3/3/2025 10:40',
  'ITC approved',
  '3/4/2025',
];

/** Victor Nguyen: High, ITC, received Mon 10 Mar 2025 10:00 from Leadership, not worked yet. */
export const VICTOR_ROW: Cell[] = [
  '3/10/2025 10:00',
  'High',
  'ITC',
  'Victor Nguyen',
  '0123456J',
  'SNF bed needed',
  'Leadership',
  '',
  '',
  '',
  '',
  '',
];

export function recordsFromRows(rows: Cell[][], now: Instant): InquiryRecord[] {
  const mapping = suggestMapping(TEST_LOG_HEADERS);
  const importCtx = { config: DEFAULT_AGENCY_CONFIG, zone: 'America/Chicago' as TimeZone, now, people: [] };
  let counter = 0;
  const ctx: CommandContext = {
    actor: { id: 'p-lead', name: 'Lee Morgan', role: 'lead' },
    deviceId: 'TESTDESK',
    now,
    stamp: () => encodeHlc({ wall: now, counter: counter++, deviceId: 'TESTDESK' }),
    newId: () => `01TEST${String(++counter).padStart(20, '0')}`,
    ...TEST_POLICY,
  };
  const run = { importId: '01RUN0000000000000000000000', fileName: 'test.xlsx', sheet: 'Log', headers: TEST_LOG_HEADERS, mapping };
  return rows.map((cells, i) => {
    const out = normaliseRow(cells, i + 2, mapping, importCtx);
    if (out.kind !== 'accepted')
      throw new Error(`row ${i + 2}: ${out.kind === 'rejected' ? out.reason : 'blank'} (${cells.map(cellText).join(' | ')})`);
    const digest = Uint8Array.from({ length: 32 }, (_, k) => (i * 31 + k * 7 + 1) & 255);
    const seq = String(900_001 + i);
    const events = newInquiryEvents(out.row, { key: digest, revision: digest }, `250303-TESTD-${seq}` as CaseNumber, run, ctx);
    const first = events[0] as InquiryEvent;
    // Reviewed by a unit lead and kept open with the old log's targets: the report's figures treat them as live.
    const reviewed: InquiryEvent = {
      ...first,
      id: `${first.id.slice(0, 24)}RV`,
      hlc: ctx.stamp(),
      at: now,
      type: 'ImportReviewed',
      payload: { decision: 'kept_open', note: '' },
    } as InquiryEvent;
    return projectInquiry([...events, reviewed]) as InquiryRecord;
  });
}
