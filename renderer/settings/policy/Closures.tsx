import { Field } from '../../components/Field';
import { fieldId } from '../configEditor';
import { focusLater, patchAt } from '../listEditor';
import { type ClosureDraft, newKey } from './draft';
import { Section, type SectionProps } from './UI';

/** Days the agency closes besides holidays. */
export function Closures({ draft, setDraft, err }: SectionProps) {
  const setClosure = (i: number, patch: Partial<ClosureDraft>) => setDraft((d) => ({ ...d, closures: patchAt(d.closures, i, patch) }));
  const addClosure = () => {
    const i = draft.closures.length;
    setDraft((d) => ({ ...d, closures: [...d.closures, { key: newKey('new-closure-'), day: '', name: '' }] }));
    focusLater(fieldId(['calendar', 'closures', i, 'day']));
  };
  const removeClosure = (i: number) => {
    setDraft((d) => ({ ...d, closures: d.closures.filter((_, j) => j !== i) }));
    focusLater('policy-add-closure');
  };

  return (
    <Section legend="Closures" hint="Days the agency closes besides holidays: weather, staff training, a declared day off.">
      {draft.closures.length === 0 && <p className="muted">No closures added.</p>}
      {draft.closures.map((c, i) => (
        <div key={c.key} className="closure-row">
          <Field
            id={fieldId(['calendar', 'closures', i, 'day'])}
            label="Day"
            hint="mm/dd/yyyy"
            required
            error={err('calendar', 'closures', i, 'day')}
          >
            {(p) => (
              <input {...p} value={c.day} onChange={(e) => setClosure(i, { day: e.target.value })} inputMode="numeric" autoComplete="off" />
            )}
          </Field>
          <Field
            id={fieldId(['calendar', 'closures', i, 'name'])}
            label="Name"
            required
            error={err('calendar', 'closures', i, 'name')}
            className="wide"
          >
            {(p) => <input {...p} value={c.name} onChange={(e) => setClosure(i, { name: e.target.value })} autoComplete="off" />}
          </Field>
          <button type="button" className="secondary" onClick={() => removeClosure(i)}>
            Remove closure {c.name.trim() || c.day.trim() || i + 1}
          </button>
        </div>
      ))}
      <div>
        <button type="button" id="policy-add-closure" className="secondary" onClick={addClosure}>
          Add a closure
        </button>
      </div>
    </Section>
  );
}
