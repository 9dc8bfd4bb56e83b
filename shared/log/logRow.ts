import { type AgencyConfig, mcoName, priorityLabel } from '../config/agencyConfig';
import type { InquiryRecord, InquiryStatus } from '../inquiry/projection';
import type { Instant, TimeZone } from '../time/types';
import { isoDayOf } from '../time/zone';

/** What the log table shows of an inquiry: a flat, list-ready view of its record. */
export interface LogRow {
  id: string;
  caseNumber: string;
  receivedAt: Instant;
  receivedDay: string;
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
    receivedDay: isoDayOf(r.receivedAt, config.timeZone as TimeZone),
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
    row.receivedDay,
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
