import type { ReactNode } from 'react';
import { type SaveStatus, SaveStatusNote } from './saveOutcome';

export type FileFormat = 'csv' | 'xlsx';

/**
 * A lead screen's export: the format, what else the screen asks (children), the file's name, how the
 * last save went, and the button. Enter in the form exports, as the button does, once export is possible.
 */
export function ExportForm({
  idPrefix,
  title,
  hint,
  format,
  onFormat,
  working,
  canExport,
  onExport,
  fileName,
  status,
  submitId,
  submitText,
  children,
}: {
  idPrefix: string;
  title: string;
  hint: ReactNode;
  format: FileFormat;
  onFormat: (f: FileFormat) => void;
  working: boolean;
  canExport: boolean;
  onExport: () => void;
  fileName: string;
  status: SaveStatus | null;
  submitId?: string;
  submitText: string;
  children?: ReactNode;
}) {
  const radio = (value: FileFormat, label: string) => (
    <label className="choice">
      <input
        type="radio"
        id={`${idPrefix}-format-${value}`}
        name={`${idPrefix}-format`}
        checked={format === value}
        onChange={() => onFormat(value)}
        disabled={working}
      />
      {label}
    </label>
  );
  return (
    <form
      className="panel no-print"
      aria-labelledby={`${idPrefix}-export-title`}
      onSubmit={(e) => {
        e.preventDefault();
        if (canExport) onExport();
      }}
    >
      <h2 id={`${idPrefix}-export-title`}>{title}</h2>
      <p className="hint">{hint}</p>
      <fieldset className={`${idPrefix}-format`}>
        <legend>Format</legend>
        {radio('csv', 'CSV (.csv, UTF-8)')}
        {radio('xlsx', 'Excel workbook (.xlsx)')}
      </fieldset>
      {children}
      <p className="hint">
        File name: <span className="file-name">{fileName}</span>
      </p>
      <SaveStatusNote status={status} />
      <div className="button-row">
        <button type="submit" id={submitId} className="primary" disabled={!canExport}>
          {working ? 'Exporting…' : submitText}
        </button>
      </div>
    </form>
  );
}
