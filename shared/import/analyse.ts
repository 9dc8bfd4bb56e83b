import type { Cell } from './cells';
import { type ColumnMapping, IMPORT_FIELD_INFO, type ImportField } from './fields';
import { type CellQuote, type ImportContext, type ImportedRow, normaliseRow } from './normalise';

/** Rows the import can take, and those it cannot, for the preview. */
export interface SheetAnalysis {
  /** Rows after the header row that hold anything. */
  dataRows: number;
  /** Rows to import, each row once (in sheet order). */
  accepted: ImportedRow[];
  /** `quotes`: member identifiers the reason is about, as written (masked in the preview, never in the problems list). */
  rejected: { rowNumber: number; reason: string; quotes?: CellQuote[] }[];
  /** Rows repeating an earlier row of the same sheet (same fingerprint): imported once. */
  duplicates: { rowNumber: number; firstRow: number }[];
  blank: number;
  /** Accepted rows with no time received, taken as 12:00 noon. */
  timeAssumed: number;
}

/** What is wrong with a mapping before any row is read, in words; [] when it can be used. */
export function mappingProblems(mapping: ColumnMapping, headers: readonly string[]): string[] {
  const problems: string[] = [];
  if (!mapping.includes('receivedDate')) problems.push('Choose the column that holds the date received: every inquiry needs one.');
  const columnsOf = new Map<ImportField, number[]>();
  mapping.forEach((f, i) => {
    if (f) columnsOf.set(f, [...(columnsOf.get(f) ?? []), i]);
  });
  for (const [f, cols] of columnsOf) {
    if (cols.length > 1)
      problems.push(
        `"${IMPORT_FIELD_INFO[f].label}" is chosen for ${cols.length} columns (${cols.map((c) => `"${headers[c] ?? ''}"`).join(', ')}): choose it for one only.`,
      );
  }
  if (!mapping.includes('memberName') && !mapping.includes('medicaidId') && !mapping.includes('memberLastName'))
    problems.push('Choose the member name or Medicaid ID column: a row that names no member cannot become an inquiry.');
  return problems;
}

/**
 * Reads every row below the header row. A generator: it yields the number of rows read every
 * `chunk` rows, so the caller can give the window a turn (a 100,000-row log never freezes it),
 * and returns the analysis.
 */
export function* analyseSheet(
  rows: readonly (readonly Cell[])[],
  headerRow: number,
  mapping: ColumnMapping,
  ctx: ImportContext,
  chunk = 1000,
): Generator<number, SheetAnalysis> {
  const result: SheetAnalysis = { dataRows: 0, accepted: [], rejected: [], duplicates: [], blank: 0, timeAssumed: 0 };
  const firstByKey = new Map<string, number>();
  for (let i = headerRow + 1; i < rows.length; i++) {
    if ((i - headerRow) % chunk === 0) yield i - headerRow;
    const outcome = normaliseRow(rows[i] ?? [], i + 1, mapping, ctx);
    if (outcome.kind === 'blank') {
      result.blank += 1;
      continue;
    }
    result.dataRows += 1;
    if (outcome.kind === 'rejected') {
      result.rejected.push({ rowNumber: outcome.rowNumber, reason: outcome.reason, ...(outcome.quotes ? { quotes: outcome.quotes } : {}) });
      continue;
    }
    const row = outcome.row;
    const first = firstByKey.get(row.key);
    if (first !== undefined) {
      result.duplicates.push({ rowNumber: row.rowNumber, firstRow: first });
      continue;
    }
    firstByKey.set(row.key, row.rowNumber);
    if (!row.receivedTimeKnown) result.timeAssumed += 1;
    result.accepted.push(row);
  }
  // Trailing blank rows of a sheet are not worth a mention.
  return result;
}

/** Runs the generator to the end at once (tests, small sheets). */
export function analyseSheetNow(...args: Parameters<typeof analyseSheet>): SheetAnalysis {
  const gen = analyseSheet(...args);
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
  }
}
