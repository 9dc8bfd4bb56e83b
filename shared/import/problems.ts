import { CSV_BOM, csvHeader, csvRow } from '../export/csv';
import type { TimeZone } from '../time/types';
import type { SheetAnalysis } from './analyse';

/*
 * The list of problems a lead saves from the import's preview, to correct the old log and import it again.
 * It names each row and cell and says what is wrong, never what a member-identifier cell said (the warnings
 * carry no member data: what such a cell said is in `quotes`, shown masked in the preview until revealed).
 * A lead needs the row and the cell to find it in the spreadsheet, which holds the text anyway; a file of
 * Medicaid IDs and dates of birth would be one more copy of member data to keep off network folders and e-mail.
 */
export function problemsCsv(analysis: Pick<SheetAnalysis, 'rejected' | 'duplicates' | 'accepted'>, zone: TimeZone): string {
  const columns = [
    { header: 'Row', kind: 'number' as const },
    { header: 'What', kind: 'text' as const },
    { header: 'Problem', kind: 'text' as const },
  ];
  const lines = [CSV_BOM, csvHeader(columns)];
  for (const r of analysis.rejected) lines.push(csvRow([r.rowNumber, 'Not imported', r.reason], columns, zone));
  for (const d of analysis.duplicates)
    lines.push(csvRow([d.rowNumber, 'Duplicate', `Repeats row ${d.firstRow}: imported once.`], columns, zone));
  for (const r of analysis.accepted) for (const w of r.warnings) lines.push(csvRow([r.rowNumber, 'Warning', w], columns, zone));
  return lines.join('');
}
