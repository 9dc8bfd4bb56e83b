import { type AgencyConfig, mcoName, priorityLabel } from '../config/agencyConfig';
import type { InquiryRecord, InquiryStatus } from '../inquiry/projection';
import type { Instant, TimeZone } from '../time/types';
import { pad2, zonedParts } from '../time/zone';

/** What the log table shows of an inquiry: a flat, list-ready view of its record. */
export interface LogRow {
  id: string;
  caseNumber: string;
  receivedAt: Instant;
  /** Received as shown in the table, "11/23/2026 09:15" in the agency's zone; filters match this text. */
  receivedText: string;
  source: string;
  memberName: string;
  medicaidId: string;
  mcoName: string;
  priority: string;
  priorityLabel: string;
  status: InquiryStatus;
  assigneeId: string;
  assigneeName: string;
  category: string;
  updatedAt: Instant;
  /** Lower-cased text the free-text search looks in. */
  searchText: string;
}

export function toLogRow(r: InquiryRecord, config: AgencyConfig): LogRow {
  const row = {
    id: r.id,
    caseNumber: r.caseNumber,
    receivedAt: r.receivedAt,
    receivedText: formatReceived(r.receivedAt, config.timeZone as TimeZone),
    source: r.source,
    memberName: r.memberName,
    medicaidId: r.medicaidId,
    mcoName: mcoName(config, r.mcoId),
    priority: r.priority,
    priorityLabel: priorityLabel(config, r.priority),
    status: r.status,
    assigneeId: r.assignee?.id ?? '',
    assigneeName: r.assignee?.name ?? '',
    category: r.subcategory ? `${r.category} › ${r.subcategory}` : r.category,
    updatedAt: r.updatedAt,
  };
  const searchText = [
    row.caseNumber,
    row.receivedText,
    row.source,
    r.originatorName,
    row.memberName,
    row.medicaidId,
    row.mcoName,
    row.priorityLabel,
    row.status,
    row.assigneeName,
    row.category,
    r.description,
  ]
    .join('\u0001')
    .toLowerCase();
  return { ...row, searchText };
}

function formatReceived(at: Instant, zone: TimeZone): string {
  const p = zonedParts(at, zone);
  return `${pad2(p.month)}/${pad2(p.day)}/${p.year} ${pad2(p.hour)}:${pad2(p.minute)}`;
}
