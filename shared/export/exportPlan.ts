import type { InquiryRecord } from '../inquiry/projection';
import type { Instant, TimeZone } from '../time/types';
import { columnById, type ExportColumn, type ExportContext, type ExportValue } from './columns';
import { fileSlug, fileStamp } from './fileName';

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The export file format version, written into every XLSX export's "About" sheet. */
export const EXPORT_TABLE_VERSION = 1;

/** The chosen columns, in the order of EXPORT_COLUMNS (unknown ids dropped). */
export function chosenColumns(ids: readonly string[]): ExportColumn[] {
  return ids.map(columnById).filter((c): c is ExportColumn => c !== undefined);
}

export function exportRow(r: InquiryRecord, columns: readonly ExportColumn[], ctx: ExportContext): ExportValue[] {
  return columns.map((c) => c.value(r, ctx));
}

/** True when the chosen columns would put a member identifier in the file unmasked. */
export const revealsIdentifiers = (columns: readonly ExportColumn[], includeIdentifiers: boolean): boolean =>
  includeIdentifiers && columns.some((c) => c.identifier);

/**
 * The export's file name says what it holds: `liaison-log_<view>_<yyyy-MM-dd-HHmm>` and, when member
 * identifiers are in it unmasked, `_CONTAINS-MEMBER-IDENTIFIERS`, so nobody mistakes it for a safe file.
 */
export function exportFileName(o: { scope: string; now: Instant; zone: TimeZone; identifiers: boolean; format: ExportFormat }): string {
  const stamp = fileStamp(o.now, o.zone);
  return `liaison-log_${fileSlug(o.scope) || 'export'}_${stamp}${o.identifiers ? '_CONTAINS-MEMBER-IDENTIFIERS' : ''}.${o.format}`;
}
