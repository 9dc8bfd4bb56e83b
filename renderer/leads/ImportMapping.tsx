import { useMemo, useState } from 'react';
import { mappingProblems } from '../../shared/import/analyse';
import { cellText, isBlankCell, type ParsedFile } from '../../shared/import/cells';
import { type ColumnMapping, columnLetter, IMPORT_FIELD_INFO, IMPORT_FIELDS, type ImportField } from '../../shared/import/fields';
import { Options } from '../components/Field';
import { focusOnMount } from '../components/focusOnMount';
import { count } from './figures';
import { IMPORT_MASKS } from './ImportedEntry';

/** The matching step: the sheet, the header row, and which column holds which field, with samples (identifiers masked). */
export function MappingStep(props: {
  file: ParsedFile;
  sheetIndex: number;
  headerRow: number | null;
  headers: string[];
  mapping: ColumnMapping;
  /** Per column, why it is mapped as it is. */
  why: readonly string[];
  width: number;
  onSheet: (i: number) => void;
  onHeaderRow: (row: number) => void;
  onMapping: (m: ColumnMapping) => void;
  onCheck: () => void;
  onRestart: () => void;
}) {
  const { file, sheetIndex, headerRow, headers, mapping } = props;
  const rows = file.sheets[sheetIndex]?.rows ?? [];
  const [headerText, setHeaderText] = useState(headerRow === null ? '' : String(headerRow + 1));
  const [headerError, setHeaderError] = useState<string | null>(null);
  const problems = headerRow === null ? [] : mappingProblems(mapping, headers);
  const dataRows = headerRow === null ? 0 : rows.length - headerRow - 1;

  const samples = useMemo(() => {
    if (headerRow === null) return [];
    return headers.map((_, col) => {
      const found: string[] = [];
      for (let r = headerRow + 1; r < rows.length && found.length < 3 && r < headerRow + 400; r++) {
        const c = rows[r]?.[col];
        if (c !== undefined && !isBlankCell(c)) found.push(cellText(c).replace(/\s+/g, ' ').slice(0, 40));
      }
      return found;
    });
  }, [headers, headerRow, rows]);

  function applyHeaderRow() {
    const n = Number(headerText);
    if (!Number.isInteger(n) || n < 1 || n > Math.min(rows.length, 1000)) {
      setHeaderError(`Enter the number of the row that holds the column names (1 to ${Math.min(rows.length, 1000)}).`);
      return;
    }
    setHeaderError(null);
    props.onHeaderRow(n - 1);
  }

  return (
    <div className="panel">
      <h2 tabIndex={-1} ref={focusOnMount}>
        2. Match the columns
      </h2>
      <p className="hint">
        "{file.fileName}"{file.sheets.length > 1 ? `, ${file.sheets.length} sheets` : ''}. Check what each column of the old log becomes.
        Suggestions come from the column names, from the values (a column of sources is the source; an issue column of categories is the
        category) and from what you chose before; your choices are remembered for the next file.
      </p>
      <div className="inline-fields">
        {file.sheets.length > 1 && (
          <div className="field">
            <label htmlFor="import-sheet">Sheet</label>
            <select id="import-sheet" value={sheetIndex} onChange={(e) => props.onSheet(Number(e.target.value))}>
              {file.sheets.map((s, i) => (
                <option key={s.name} value={i}>
                  {s.name} ({count(s.rows.length, 'row')})
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field narrow">
          <label htmlFor="import-header-row">Row with the column names</label>
          <input
            id="import-header-row"
            inputMode="numeric"
            value={headerText}
            aria-invalid={headerError ? true : undefined}
            aria-describedby={headerError ? 'import-header-row-error import-header-row-hint' : 'import-header-row-hint'}
            onChange={(e) => setHeaderText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                applyHeaderRow();
              }
            }}
          />
        </div>
        <button type="button" className="secondary" onClick={applyHeaderRow}>
          Use this row
        </button>
      </div>
      <p id="import-header-row-hint" className="hint">
        {headerRow === null
          ? 'No row in the first 30 names the columns this import knows. Enter the row number that has the column names (as the spreadsheet numbers it).'
          : `Found the column names on row ${headerRow + 1}; ${count(dataRows, 'row')} below it.`}
      </p>
      {headerError && (
        <p id="import-header-row-error" className="field-error">
          {headerError}
        </p>
      )}

      {headerRow !== null && (
        <div className="mapping-frame">
          <table className="data-table mapping-table">
            <caption className="visually-hidden">Columns of the sheet and what each is imported as</caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Name in the file</th>
                <th scope="col">First values</th>
                <th scope="col">Import as</th>
                <th scope="col">Why</th>
              </tr>
            </thead>
            <tbody>
              {headers.map((h, col) => {
                const field = mapping[col] ?? null;
                const mask = field ? IMPORT_MASKS[field] : undefined;
                return (
                  <tr key={columnLetter(col)} className={field ? undefined : 'unmapped'}>
                    <td className="mono">{columnLetter(col)}</td>
                    <th scope="row">{h}</th>
                    <td className="sample">{(samples[col] ?? []).map((v) => (mask ? mask(v) : v)).join(' · ') || '(empty)'}</td>
                    <td>
                      <label className="visually-hidden" htmlFor={`import-map-${col}`}>
                        Import column {columnLetter(col)} ({h}) as
                      </label>
                      <select
                        id={`import-map-${col}`}
                        value={field ?? ''}
                        onChange={(e) => {
                          const next = [...mapping];
                          next[col] = (e.target.value || null) as ImportField | null;
                          props.onMapping(next);
                        }}
                      >
                        <option value="">Do not import</option>
                        <Options options={IMPORT_FIELDS.map((f) => ({ value: f, label: IMPORT_FIELD_INFO[f].label }))} />
                      </select>
                    </td>
                    <td className="why">{props.why[col] ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {problems.length > 0 && (
        <div className="notice notice-warning" role="status">
          <strong>Before checking the rows:</strong>
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={headerRow === null || problems.length > 0} onClick={props.onCheck}>
          Check the rows
        </button>
        <button type="button" className="secondary" onClick={props.onRestart}>
          Choose another file
        </button>
      </div>
    </div>
  );
}
