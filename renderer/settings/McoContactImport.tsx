import Papa from 'papaparse';
import { type ChangeEvent, useLayoutEffect, useState } from 'react';
import type { Mco } from '../../shared/config/agencyConfig';
import { type ImportPlan, planContactImport } from '../../shared/config/mcoCsv';
import { TableHead } from '../components/TableHead';

const PREVIEW_OK_ROWS = 200;
const KIND_LABELS = { add: 'Add', update: 'Update', unchanged: 'No change' } as const;

/** Reads a CSV of contacts, shows what each row would do (or why it cannot), and adds the good rows to the form. */
export function ContactImport({ mcos, onApply }: { mcos: Mco[]; onApply: (plan: ImportPlan) => void }) {
  const [fileName, setFileName] = useState<string | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The buttons that were pressed go away with the preview: the keyboard goes back to the file input, in the same
  // commit that removes them (a frame later, a key pressed meanwhile, such as Ctrl+Enter to save, went nowhere).
  const [refocus, setRefocus] = useState(false);
  useLayoutEffect(() => {
    if (!refocus) return;
    setRefocus(false);
    document.getElementById('mcos-import-file')?.focus();
  }, [refocus]);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setDone(null);
    if (!file) return;
    setFileName(file.name);
    const text = await file.text();
    const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: false });
    const broken = parsed.errors.find((x) => x.type === 'Quotes' || x.type === 'Delimiter');
    if (broken) {
      setPlan({ ok: false, fileError: `The file could not be read as CSV (row ${(broken.row ?? 0) + 1}: ${broken.message}).` });
      return;
    }
    const [header = [], ...rows] = parsed.data;
    setPlan(planContactImport(mcos, header, rows));
  }

  const clear = () => {
    setPlan(null);
    setFileName(null);
    const input = document.getElementById('mcos-import-file') as HTMLInputElement | null;
    if (input) {
      input.value = '';
      setRefocus(true);
    }
  };

  const apply = () => {
    if (!plan?.ok) return;
    onApply(plan);
    const { add, update } = plan.counts;
    setDone(
      `${add} ${add === 1 ? 'contact' : 'contacts'} added and ${update} updated in the directory above. Review them, then Save to keep them.`,
    );
    clear();
  };

  const shown = plan?.ok
    ? [
        ...plan.rows.filter((r) => r.outcome.kind === 'error'),
        ...plan.rows.filter((r) => r.outcome.kind !== 'error').slice(0, PREVIEW_OK_ROWS),
      ]
    : [];
  const changes = plan?.ok ? plan.counts.add + plan.counts.update : 0;

  return (
    <section className="section import-panel" aria-labelledby="mcos-import-title">
      <h2 id="mcos-import-title">Import contacts from a CSV file</h2>
      <p className="hint">
        One contact per row, with a header row naming the columns: <strong>MCO</strong>, <strong>Department</strong>, <strong>Name</strong>,
        and optionally Phone, Email, Hours. The MCO may be its name or any other name listed above. A contact with the same name in the same
        department is updated; nothing is stored until you Save.
      </p>
      <div className="field narrow">
        <label htmlFor="mcos-import-file">CSV file</label>
        <input id="mcos-import-file" type="file" accept=".csv,text/csv" onChange={(e) => void onFile(e)} />
      </div>
      {plan && !plan.ok && (
        <p className="form-error" role="alert">
          {fileName ? `${fileName}: ` : ''}
          {plan.fileError}
        </p>
      )}
      {plan?.ok && (
        <>
          <p role="status">
            {fileName}: {plan.rows.length} {plan.rows.length === 1 ? 'row' : 'rows'}. {plan.counts.add} to add, {plan.counts.update} to
            update, {plan.counts.unchanged} unchanged, {plan.counts.error} with problems
            {plan.counts.error > 0 ? ' (they will be skipped)' : ''}.
          </p>
          <div className="table-wrap">
            <table className="settings-table import-preview">
              <caption className="visually-hidden">What each row of the file would do</caption>
              <TableHead columns={['Line', 'MCO', 'Department', 'Name', 'Phone', 'E-mail', 'Hours', 'Result']} />
              <tbody>
                {shown.map((r) => (
                  <tr key={r.line} className={r.outcome.kind === 'error' ? 'row-error' : undefined}>
                    <td>{r.line}</td>
                    <td>{r.outcome.kind === 'error' ? r.values.mco : r.outcome.mcoName}</td>
                    <td>
                      {r.values.department}
                      {r.outcome.kind !== 'error' && r.outcome.newDepartment ? ' (new)' : ''}
                    </td>
                    <td>{r.values.name}</td>
                    <td>{r.outcome.kind === 'error' ? r.values.phone : r.outcome.contact.phone}</td>
                    <td>{r.values.email}</td>
                    <td>{r.values.hours}</td>
                    <td>
                      {r.outcome.kind === 'error' ? <span className="field-error">{r.outcome.message}</span> : KIND_LABELS[r.outcome.kind]}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {shown.length < plan.rows.length && (
            <p className="hint">Showing every row with a problem and the first {PREVIEW_OK_ROWS} others.</p>
          )}
          <div className="actions">
            <button type="button" className="primary" onClick={apply} disabled={changes === 0}>
              {changes === 0 ? 'Nothing to add' : `Add ${changes} ${changes === 1 ? 'change' : 'changes'} to the directory`}
            </button>
            <button type="button" className="secondary" onClick={clear}>
              Discard this file
            </button>
          </div>
        </>
      )}
      <p role="status" className="settings-status">
        {done}
      </p>
    </section>
  );
}
