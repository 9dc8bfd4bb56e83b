import { memo } from 'react';
import type { AgencyConfig, Mco, McoContact, McoDepartment } from '../../shared/config/agencyConfig';
import { applyContactImport, type ImportPlan } from '../../shared/config/mcoCsv';
import { uniqueSlug } from '../../shared/config/slug';
import type { ConfigPath } from '../../shared/config/validateConfig';
import { normalisePhone } from '../../shared/inquiry/phone';
import { Field } from '../components/Field';
import { TableHead } from '../components/TableHead';
import { type BuildResult, Cell, fieldId, SettingsPage, useConfigEditor } from './configEditor';
import { CONFIG_PAGES } from './configPages';
import { focusLater, patchAt } from './listEditor';
import { ContactImport } from './McoContactImport';
import type { SettingsScreenProps } from './settingsScreen';

interface ContactDraft {
  key: string;
  name: string;
  phone: string;
  email: string;
  hours: string;
}
interface DepartmentDraft {
  key: string;
  name: string;
  contacts: ContactDraft[];
}
interface McoDraft {
  key: string;
  /** null for an MCO added here: its id is made from its name on save and never changes after. */
  id: string | null;
  name: string;
  active: boolean;
  /** Other names, comma-separated as typed. */
  aliases: string;
  departments: DepartmentDraft[];
}
interface DirectoryDraft {
  mcos: McoDraft[];
}

let keySeq = 0;
const newKey = (prefix: string) => `${prefix}-new-${++keySeq}`;

const contactDraft = (c: McoContact, key: string): ContactDraft => ({ key, name: c.name, phone: c.phone, email: c.email, hours: c.hours });
const departmentDrafts = (departments: readonly McoDepartment[], prefix: string): DepartmentDraft[] =>
  departments.map((d, j) => ({
    key: `${prefix}-d${j}`,
    name: d.name,
    contacts: d.contacts.map((c, k) => contactDraft(c, `${prefix}-d${j}-c${k}`)),
  }));

function toDraft(c: AgencyConfig): DirectoryDraft {
  return {
    mcos: c.mcos.map((m) => ({
      key: `mco-${m.id}`,
      id: m.id,
      name: m.name,
      active: m.active,
      aliases: m.aliases.join(', '),
      departments: departmentDrafts(m.departments, `mco-${m.id}`),
    })),
  };
}

const splitAliases = (text: string) =>
  text
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');

function mcosOf(d: DirectoryDraft): Mco[] {
  const taken = new Set(d.mcos.map((m) => m.id).filter((id): id is string => id !== null));
  return d.mcos.map((m) => {
    let id = m.id;
    if (id === null) {
      id = uniqueSlug(m.name, taken, { max: 40, fallback: 'mco' });
      taken.add(id);
    }
    return {
      id,
      name: m.name.trim(),
      active: m.active,
      aliases: splitAliases(m.aliases),
      departments: m.departments.map((dept) => ({
        name: dept.name.trim(),
        contacts: dept.contacts.map((c) => ({
          name: c.name.trim(),
          // Stored in one form, "(515) 555-0123 x12"; a number that is not one is left as typed for validation to name.
          phone: c.phone.trim() === '' ? '' : (normalisePhone(c.phone) ?? c.phone.trim()),
          email: c.email.trim(),
          hours: c.hours.trim(),
        })),
      })),
    };
  });
}

const build = (d: DirectoryDraft, config: AgencyConfig): BuildResult => ({ next: { ...config, mcos: mcosOf(d) }, issues: [] });

/** Every alias problem is shown at the one aliases input. */
const anchor = (path: ConfigPath): ConfigPath => (path[0] === 'mcos' && path[2] === 'aliases' ? path.slice(0, 3) : path);

/** Settings → MCO directory: MCOs, other names, departments and contacts; import contacts from CSV. */
export function McoDirectory({ config }: SettingsScreenProps) {
  const editor = useConfigEditor(config, toDraft, build, { anchor });
  const { draft, setDraft, errorOf } = editor;

  const addMco = () => {
    const i = draft.mcos.length;
    setDraft((d) => ({ ...d, mcos: [...d.mcos, { key: newKey('mco'), id: null, name: '', active: true, aliases: '', departments: [] }] }));
    focusLater(fieldId(['mcos', i, 'name']));
  };
  const applyImport = (plan: ImportPlan) => {
    const before = mcosOf(draft);
    const after = applyContactImport(before, plan);
    setDraft((d) => ({
      ...d,
      mcos: d.mcos.map((m, i) =>
        JSON.stringify(before[i]?.departments) === JSON.stringify(after[i]?.departments)
          ? m
          : { ...m, departments: departmentDrafts(after[i]?.departments ?? [], newKey(m.key)) },
      ),
    }));
  };

  return (
    <SettingsPage {...editor.page} {...CONFIG_PAGES.mcos}>
      <nav className="jump-list" aria-label="MCOs on this page">
        <ul>
          {draft.mcos.map((m, i) => (
            <li key={m.key}>
              <button type="button" className="link-button" onClick={() => document.getElementById(`mco-heading-${m.key}`)?.focus()}>
                {m.name.trim() || `New MCO ${i + 1}`}
                {m.active ? '' : ' (inactive)'}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {draft.mcos.map((m, i) => (
        <McoCard key={m.key} m={m} i={i} errorOf={errorOf} setDraft={setDraft} />
      ))}
      <div className="section-actions">
        <button type="button" id="mcos-add" className="secondary" onClick={addMco}>
          Add an MCO
        </button>
      </div>
      <ContactImport mcos={mcosOf(draft)} onApply={applyImport} />
    </SettingsPage>
  );
}

function CellInput({
  id,
  label,
  value,
  error,
  onChange,
  type,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
  type?: string | undefined;
}) {
  return (
    <Cell id={id} label={label} error={error}>
      {(p) => <input {...p} type={type ?? 'text'} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" />}
    </Cell>
  );
}

/** One MCO with its departments and contacts. Memoised: typing in one MCO does not re-render the others. */
const McoCard = memo(function McoCard({
  m,
  i,
  errorOf,
  setDraft,
}: {
  m: McoDraft;
  i: number;
  errorOf: (path: ConfigPath) => string | undefined;
  setDraft: (update: (d: DirectoryDraft) => DirectoryDraft) => void;
}) {
  const err = (...path: ConfigPath) => errorOf(path);
  const setMco = (patch: Partial<McoDraft>) => setDraft((d) => ({ ...d, mcos: patchAt(d.mcos, i, patch) }));
  const setDepartments = (update: (ds: DepartmentDraft[]) => DepartmentDraft[]) =>
    setDraft((d) => ({ ...d, mcos: d.mcos.map((x, n) => (n === i ? { ...x, departments: update(x.departments) } : x)) }));
  const setDepartment = (j: number, update: (dept: DepartmentDraft) => DepartmentDraft) =>
    setDepartments((ds) => ds.map((dept, y) => (y === j ? update(dept) : dept)));
  const setContact = (j: number, k: number, patch: Partial<ContactDraft>) =>
    setDepartment(j, (dept) => ({ ...dept, contacts: patchAt(dept.contacts, k, patch) }));
  const addDepartment = () => {
    setDepartments((ds) => [...ds, { key: newKey('dept'), name: '', contacts: [] }]);
    focusLater(fieldId(['mcos', i, 'departments', m.departments.length, 'name']));
  };
  const addContact = (j: number) => {
    setDepartment(j, (dept) => ({
      ...dept,
      contacts: [...dept.contacts, { key: newKey('contact'), name: '', phone: '', email: '', hours: '' }],
    }));
    focusLater(fieldId(['mcos', i, 'departments', j, 'contacts', m.departments[j]?.contacts.length ?? 0, 'name']));
  };

  return (
    <section key={m.key} className={`section mco-card${m.active ? '' : ' inactive'}`} aria-labelledby={`mco-heading-${m.key}`}>
      <h2 id={`mco-heading-${m.key}`} tabIndex={-1}>
        {m.name.trim() || `New MCO ${i + 1}`}
        {!m.active && <span className="badge status-inactive">Inactive</span>}
      </h2>
      <div className="grid">
        <Field id={fieldId(['mcos', i, 'name'])} label="Name" required error={err('mcos', i, 'name')}>
          {(p) => <input {...p} value={m.name} onChange={(e) => setMco({ name: e.target.value })} autoComplete="off" />}
        </Field>
        <Field
          id={fieldId(['mcos', i, 'aliases'])}
          label="Other names"
          hint="Separated by commas, e.g. ITC, Total Care: used to match old logs and imports"
          error={err('mcos', i, 'aliases')}
          className="wide"
        >
          {(p) => <input {...p} value={m.aliases} onChange={(e) => setMco({ aliases: e.target.value })} autoComplete="off" />}
        </Field>
      </div>
      <div className="mco-status">
        <label className="choice">
          <input type="checkbox" id={`mco-${m.key}-active`} checked={m.active} onChange={(e) => setMco({ active: e.target.checked })} />
          Active: offered when logging an inquiry
        </label>
        {m.id === null && (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              setDraft((d) => ({ ...d, mcos: d.mcos.filter((_, x) => x !== i) }));
              focusLater('mcos-add');
            }}
          >
            Remove {m.name.trim() || 'this new MCO'}
          </button>
        )}
      </div>
      <h3 className="sub-heading">Departments</h3>
      {m.departments.length === 0 && <p className="muted">No departments yet.</p>}
      {m.departments.map((dept, j) => (
        <fieldset key={dept.key} className="settings-card department">
          <legend>{dept.name.trim() || `New department ${j + 1}`}</legend>
          <div className="department-head">
            <Field
              id={fieldId(['mcos', i, 'departments', j, 'name'])}
              label="Department"
              required
              error={err('mcos', i, 'departments', j, 'name')}
            >
              {(p) => (
                <input
                  {...p}
                  value={dept.name}
                  onChange={(e) => setDepartment(j, (x) => ({ ...x, name: e.target.value }))}
                  autoComplete="off"
                />
              )}
            </Field>
            <button
              type="button"
              className="secondary"
              onClick={() => {
                setDepartments((ds) => ds.filter((_, y) => y !== j));
                focusLater(`mco-${m.key}-add-department`);
              }}
            >
              Remove department {dept.name.trim() || j + 1}
            </button>
          </div>
          {dept.contacts.length > 0 && (
            <div className="scroll-x">
              <table className="settings-table contacts-table">
                <caption className="visually-hidden">
                  Contacts in {dept.name || 'this department'}, {m.name}
                </caption>
                <TableHead columns={['Contact', 'Phone', 'E-mail', 'Hours']} actions="Remove" />
                <tbody>
                  {dept.contacts.map((c, k) => {
                    const at: ConfigPath = ['mcos', i, 'departments', j, 'contacts', k];
                    const cell = (field: 'name' | 'phone' | 'email' | 'hours', label: string, extra: { type?: string } = {}) => (
                      <td>
                        <CellInput
                          id={fieldId([...at, field])}
                          label={`${label} of contact ${k + 1}`}
                          value={c[field]}
                          error={errorOf([...at, field])}
                          onChange={(v) => setContact(j, k, { [field]: v })}
                          type={extra.type}
                        />
                      </td>
                    );
                    return (
                      <tr key={c.key}>
                        {cell('name', 'Name')}
                        {cell('phone', 'Phone', { type: 'tel' })}
                        {cell('email', 'E-mail', { type: 'email' })}
                        {cell('hours', 'Hours')}
                        <td>
                          <button
                            aria-label={`Remove ${c.name.trim() || `contact ${k + 1}`}`}
                            type="button"
                            className="link-button"
                            onClick={() => {
                              setDepartment(j, (x) => ({ ...x, contacts: x.contacts.filter((_, z) => z !== k) }));
                              focusLater(`dept-${dept.key}-add-contact`);
                            }}
                          >
                            Remove
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <div>
            <button type="button" id={`dept-${dept.key}-add-contact`} className="secondary" onClick={() => addContact(j)}>
              Add a contact to {dept.name.trim() || 'this department'}
            </button>
          </div>
        </fieldset>
      ))}
      <div>
        <button type="button" id={`mco-${m.key}-add-department`} className="secondary" onClick={() => addDepartment()}>
          Add a department to {m.name.trim() || 'this MCO'}
        </button>
      </div>
    </section>
  );
});
