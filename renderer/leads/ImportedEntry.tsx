import { IMPORT_FIELD_INFO, IMPORT_FIELDS, type ImportField } from '../../shared/import/fields';
import type { InquiryImported } from '../../shared/inquiry/events';
import { maskDob, maskMedicaidId, maskName, maskPhone } from '../../shared/inquiry/mask';
import './leads.css';

/*
 * How the timeline shows what the legacy import wrote: a mark on each entry it dated from the old
 * log, and the audit record with the row exactly as the old log had it (member identifiers masked
 * until the inquiry's identifiers are revealed).
 */

/** How each member identifier of an old log's row is masked while the member is hidden. */
export const IMPORT_MASKS: Partial<Record<ImportField, (s: string) => string>> = {
  memberName: maskName,
  memberFirstName: maskName,
  memberLastName: maskName,
  medicaidId: maskMedicaidId,
  memberDob: maskDob,
  memberPhone: maskPhone,
  callbackPhone: maskPhone,
};

const isImportField = (f: string): f is ImportField => (IMPORT_FIELDS as readonly string[]).includes(f);

/** The mark beside an entry the import wrote: its date is the old log's, the person is who imported it. */
export function ImportedMark() {
  return (
    <span className="imported-mark" title="Written by the import of the old log; the date is the old log's, the name is who imported it.">
      Imported from the old log
    </span>
  );
}

/** The audit record: where the row came from, and the row itself. */
export function ImportedRecord({ event: e, reveal }: { event: InquiryImported; reveal: boolean }) {
  const p = e.payload;
  return (
    <>
      <p>
        <strong>{p.kind === 'new' ? 'Imported from the old log' : 'Added to from a later copy of the old log'}</strong>: "{p.fileName}",
        sheet "{p.sheet}", row {p.row}.
      </p>
      <details className="original-row">
        <summary>The row as the old log had it</summary>
        <dl>
          {p.headers.map((h, i) => {
            const value = p.cells[i] ?? '';
            if (!h && !value) return null;
            const field = p.mapping[i] ?? '';
            const mask = !reveal && isImportField(field) ? IMPORT_MASKS[field] : undefined;
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed for the record; the header text may repeat.
              <div key={i}>
                <dt>
                  {h || `Column ${i + 1}`}
                  {isImportField(field) && <span className="muted"> → {IMPORT_FIELD_INFO[field].label}</span>}
                </dt>
                <dd>{value ? (mask ? mask(value) : value) : '—'}</dd>
              </div>
            );
          })}
        </dl>
      </details>
    </>
  );
}
