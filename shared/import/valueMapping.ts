import type { AgencyConfig } from '../config/agencyConfig';
import { type Cell, cellText, isBlankCell } from './cells';
import { type ColumnMapping, fieldOfHeader, IMPORT_FIELD_INFO, type ImportField, normaliseHeader, suggestMapping } from './fields';
import { sourceOf, squash } from './vocabulary';

/*
 * The column mapping from the values, not only the header (issue 17): a column whose values are the app's
 * sources is the source (a "Referred By" of names then is the originator), and an "Issue" column is the
 * category when its values are the taxonomy's categories, the description otherwise. Each guess says why,
 * in words the preview shows beside the column's first values. What a person chose before still wins.
 */

/** Non-blank values read per column to judge it. */
const SAMPLE_ROWS = 60;
/** Share of a column's values that must match a list for the column to be taken as that list. */
const MATCH_SHARE = 0.6;

export interface MappingGuess {
  mapping: ColumnMapping;
  /** Per column, why it is mapped as it is (or not at all). */
  why: string[];
}

function columnValues(rows: readonly (readonly Cell[])[], headerRow: number, col: number): string[] {
  const out: string[] = [];
  for (let r = headerRow + 1; r < rows.length && out.length < SAMPLE_ROWS && r < headerRow + 1 + SAMPLE_ROWS * 4; r++) {
    const c = rows[r]?.[col];
    if (c !== undefined && !isBlankCell(c)) out.push(cellText(c).trim());
  }
  return out;
}

const share = (values: readonly string[], test: (v: string) => boolean): { hits: number; of: number } => ({
  hits: values.filter(test).length,
  of: values.length,
});
const enough = (s: { hits: number; of: number }) => s.of > 0 && s.hits / s.of >= MATCH_SHARE;

/** Suggests each column's field from its header, what was chosen before, and its values; with why, per column. */
export function guessMapping(
  headers: readonly string[],
  rows: readonly (readonly Cell[])[],
  headerRow: number,
  config: Pick<AgencyConfig, 'categories'>,
  learned: Readonly<Record<string, ImportField | null>> = {},
): MappingGuess {
  const mapping = suggestMapping(headers, learned);
  const chosenBefore = headers.map((h) => normaliseHeader(h) in learned);
  const why = headers.map((h, col) => {
    const f = mapping[col] ?? null;
    if (chosenBefore[col])
      return f ? `You chose ${IMPORT_FIELD_INFO[f].label} for "${h}" before.` : `You chose not to import "${h}" before.`;
    return f ? `The column name "${h}" reads as ${IMPORT_FIELD_INFO[f].label}.` : 'No known column name: not imported unless you choose.';
  });
  const free = (col: number) => !chosenBefore[col];
  const columnOf = (f: ImportField) => mapping.indexOf(f);
  const values = headers.map((_, col) => columnValues(rows, headerRow, col));

  // The source: the column whose values are most often the app's sources.
  const sourceShares = values.map((v) => share(v, (x) => sourceOf(x) !== null && sourceOf(x)?.rest === ''));
  let best = -1;
  sourceShares.forEach((s, col) => {
    if (enough(s) && (best < 0 || s.hits / s.of > (sourceShares[best]?.hits ?? 0) / (sourceShares[best]?.of ?? 1))) best = col;
  });
  const byHeader = columnOf('source');
  if (best >= 0 && best !== byHeader && free(best) && (byHeader < 0 || free(byHeader))) {
    if (byHeader >= 0) {
      const takeOriginator = columnOf('originatorName') < 0;
      mapping[byHeader] = takeOriginator ? 'originatorName' : null;
      why[byHeader] = takeOriginator
        ? `Its values are people and offices more than sources, and "${headers[best]}" holds the sources: imported as the originator.`
        : `"${headers[best]}" holds the sources; the originator is another column: not imported.`;
    }
    const previous = mapping[best] ?? null;
    mapping[best] = 'source';
    const s = sourceShares[best] as { hits: number; of: number };
    why[best] =
      `${s.hits} of the first ${s.of} values are sources of the app's list${previous ? ` (the name alone reads as ${IMPORT_FIELD_INFO[previous].label})` : ''}.`;
  } else if (byHeader >= 0 && free(byHeader)) {
    const s = sourceShares[byHeader] as { hits: number; of: number };
    if (s.of > 0) why[byHeader] += ` ${s.hits} of the first ${s.of} values are sources of the app's list.`;
  }

  // The issue: the category when its values are the taxonomy's categories, else the description.
  const categories = new Set(config.categories.map((c) => squash(c.name)));
  const issue = columnOf('description');
  if (issue >= 0 && free(issue)) {
    const s = share(values[issue] ?? [], (x) => categories.has(squash(x)));
    if (enough(s) && columnOf('category') < 0) {
      mapping[issue] = 'category';
      why[issue] = `${s.hits} of the first ${s.of} values are categories of the taxonomy: imported as the category.`;
      // The description is then another column that names it ("Details", "Description"), if one is free.
      const other = headers.findIndex(
        (h, col) => col !== issue && mapping[col] === null && free(col) && fieldOfHeader(h) === 'description',
      );
      if (other >= 0) {
        mapping[other] = 'description';
        why[other] = `"${headers[issue]}" holds the categories, so this column is the description.`;
      }
    } else if (s.of > 0) {
      why[issue] =
        `The column name "${headers[issue]}" reads as the issue, and its values are free text (${s.hits} of ${s.of} are categories): imported as the description.`;
    }
  }
  return { mapping, why };
}
