import { type FormEvent, useMemo, useState } from 'react';
import { failureText } from '../../shared/errors';
import type { InquiryEvent, PersonFields } from '../../shared/inquiry/events';
import { leadsTheUnit, ROLE_SHORT, type Role } from '../../shared/people';
import { addPerson, editPerson, type RosterErrors, type RosterInput, validateRosterInput } from '../../shared/roster/commands';
import { historyOf, type Roster, type RosterPerson, rosterPeople } from '../../shared/roster/roster';
import { formatLong } from '../app/format';
import { hrefOf } from '../app/router';
import { FormError } from '../components/ErrorSummary';
import { focusOnMount } from '../components/focusOnMount';
import { type PersonDraft as Draft, PersonFieldSet } from '../components/PersonFieldSet';
import { useLogSnapshot, useRoster, useRosterHistory, useServices } from '../data/hooks';
import type { SettingsScreenProps } from './settingsScreen';

/*
 * Settings → People: the unit's roster (SPEC.md "The unit's roster"). Leads and supervisors add colleagues
 * (before they ever open the app), edit them and deactivate them; every change is a roster event that
 * reaches the other desks by sync, and each person's history is kept. Others see the list.
 */

const EMPTY_INPUT: Draft = { name: '', role: '', email: '' };

const inputOf = (d: Draft): RosterInput => ({ name: d.name, role: (d.role || undefined) as Role, email: d.email });

export function PeopleSettings({ config, profile }: SettingsScreenProps) {
  const roster = useRoster();
  const history = useRosterHistory();
  const { rows } = useLogSnapshot();
  const canEdit = leadsTheUnit(profile.role);
  const people = rosterPeople(roster);
  // Open inquiries per assignee: a deactivated person's open work is to be reassigned.
  const openWork = useMemo(() => {
    const byId = new Map<string, { id: string; caseNumber: string }[]>();
    for (const r of rows) {
      if (r.status !== 'open' || !r.assigneeId) continue;
      const list = byId.get(r.assigneeId);
      if (list) list.push({ id: r.id, caseNumber: r.caseNumber });
      else byId.set(r.assigneeId, [{ id: r.id, caseNumber: r.caseNumber }]);
    }
    return byId;
  }, [rows]);
  const [status, setStatus] = useState<string | null>(null);

  return (
    <section className="settings-page people-page" aria-labelledby="people-title">
      <h1 id="people-title" tabIndex={-1} ref={focusOnMount}>
        People
      </h1>
      <div className="settings-intro muted">
        <p>
          The unit’s roster: whom inquiries can be assigned to, before they have ever opened the app. Changes reach every desk through sync,
          and each person’s history is kept. A deactivated person keeps their name on what they did; their open work shows to leads to
          reassign.
        </p>
      </div>
      {canEdit ? (
        <AddPerson roster={roster} onAdded={(name) => setStatus(`${name} is on the roster.`)} />
      ) : (
        <p className="muted">Only a unit lead or a supervisor changes the roster.</p>
      )}
      <p className="settings-status" role="status">
        {status}
      </p>
      {/* A data table keeps its columns at 400 % zoom: it scrolls sideways inside its own box, never the page (its
          rows' History and action buttons are focusable, so the box scrolls by keyboard as focus moves). */}
      <div className="people-scroll">
        <table className="settings-table people-table">
          <caption className="visually-hidden">The unit’s roster</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">E-mail</th>
              <th scope="col">Status</th>
              <th scope="col">Open inquiries</th>
              {canEdit && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {people.length === 0 && (
              <tr>
                <td colSpan={canEdit ? 6 : 5}>Nobody is on the roster yet.</td>
              </tr>
            )}
            {people.map((p) => (
              <PersonRow
                key={p.id}
                person={p}
                roster={roster}
                canEdit={canEdit}
                open={openWork.get(p.id) ?? []}
                history={history ? historyOf(history, p.id) : []}
                zone={config.timeZone}
                onStatus={setStatus}
              />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function AddPerson({ roster, onAdded }: { roster: Roster; onAdded: (name: string) => void }) {
  const { repo } = useServices();
  const [draft, setDraft] = useState<Draft>(EMPTY_INPUT);
  const [errors, setErrors] = useState<RosterErrors>({});
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const checked = validateRosterInput(roster, inputOf(draft));
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = (['name', 'role', 'email'] as const).find((k) => checked.errors[k]);
      if (first) document.getElementById(`person-add-${first}`)?.focus();
      return;
    }
    try {
      await repo.changeRoster((r, ctx) => addPerson(r, inputOf(draft), ctx));
      onAdded(checked.value.name);
      setDraft(EMPTY_INPUT);
      setErrors({});
      setFailure(null);
      document.getElementById('person-add-name')?.focus();
    } catch (err) {
      setFailure(`Not added: ${failureText(err)}`);
    }
  }

  return (
    <form className="settings-card person-form" aria-labelledby="person-add-title" noValidate onSubmit={(e) => void submit(e)}>
      <h2 id="person-add-title" className="sub-heading">
        Add a person
      </h2>
      <PersonFieldSet
        idPrefix="person-add"
        className="person-fields"
        draft={draft}
        errors={errors}
        onChange={(d, key) => {
          setDraft(d);
          setErrors((x) => ({ ...x, [key]: undefined }));
        }}
      />
      <FormError message={failure} />
      <div className="card-actions">
        <button type="submit" className="primary">
          Add to the roster
        </button>
      </div>
    </form>
  );
}

function PersonRow({
  person,
  roster,
  canEdit,
  open,
  history,
  zone,
  onStatus,
}: {
  person: RosterPerson;
  roster: Roster;
  canEdit: boolean;
  open: { id: string; caseNumber: string }[];
  history: InquiryEvent[];
  zone: SettingsScreenProps['config']['timeZone'];
  onStatus: (s: string) => void;
}) {
  const { repo } = useServices();
  const [editing, setEditing] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<RosterErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const idPrefix = `person-${person.id.replace(/[^A-Za-z0-9-]/g, '-')}`;

  async function change(changes: Partial<PersonFields>, done: string) {
    try {
      await repo.changeRoster((r, ctx) => editPerson(r, person.id, changes, ctx));
      setFailure(null);
      onStatus(done);
      return true;
    } catch (err) {
      setFailure(`Not saved: ${failureText(err)}`);
      return false;
    }
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!editing) return;
    const checked = validateRosterInput(roster, inputOf(editing), person.id);
    if (!checked.ok) {
      setErrors(checked.errors);
      const first = (['name', 'role', 'email'] as const).find((k) => checked.errors[k]);
      if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
      return;
    }
    const { name, role, email } = checked.value;
    const changed = name !== person.name || role !== person.role || email !== person.email;
    if (!changed || (await change({ name, role, email }, `${name}: saved.`))) {
      setEditing(null);
      document.getElementById(`${idPrefix}-edit`)?.focus();
    }
  }

  const reassign = !person.active && open.length > 0;
  return (
    <tr className={person.active ? undefined : 'inactive'}>
      <th scope="row">
        {editing ? (
          <form
            id={`${idPrefix}-form`}
            aria-label={`Edit ${person.name}`}
            noValidate
            onSubmit={(e) => void save(e)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setEditing(null);
                document.getElementById(`${idPrefix}-edit`)?.focus();
              }
            }}
          >
            <PersonFieldSet
              idPrefix={idPrefix}
              className="person-fields"
              draft={editing}
              errors={errors}
              onChange={(d, key) => {
                setEditing(d);
                setErrors((x) => ({ ...x, [key]: undefined }));
              }}
            />
            <div className="card-actions">
              <button type="submit" className="primary">
                Save
              </button>
              <button type="button" className="secondary" onClick={() => setEditing(null)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          person.name
        )}
        <FormError message={failure} />
        <PersonHistory person={person} events={history} zone={zone} />
      </th>
      <td>{person.role ? ROLE_SHORT[person.role] : 'Not recorded'}</td>
      <td>{person.email || <span className="muted">none</span>}</td>
      <td>
        {person.active ? 'Active' : 'Inactive'}
        {person.legacy && <div className="muted small">named in the old log</div>}
      </td>
      <td>
        {open.length === 0 ? (
          <span className="muted">none</span>
        ) : (
          <>
            {reassign && <p className="warning-text">Assigned to someone inactive: reassign</p>}
            <ul className="plain-list">
              {open.slice(0, 10).map((o) => (
                <li key={o.id}>
                  <a href={hrefOf({ name: 'inquiry', id: o.id })}>{o.caseNumber}</a>
                </li>
              ))}
              {open.length > 10 && (
                <li>
                  and {open.length - 10} more (search the log for {person.name})
                </li>
              )}
            </ul>
          </>
        )}
      </td>
      {canEdit && (
        <td>
          <div className="row-actions">
            <button
              type="button"
              id={`${idPrefix}-edit`}
              className="link-button"
              aria-label={`Edit ${person.name}`}
              disabled={editing !== null}
              onClick={() => {
                setEditing({ name: person.name, role: person.role ?? '', email: person.email });
                setErrors({});
                requestAnimationFrame(() => document.getElementById(`${idPrefix}-name`)?.focus());
              }}
            >
              Edit
            </button>
            <button
              type="button"
              id={`${idPrefix}-active`}
              className="link-button"
              aria-label={`${person.active ? 'Deactivate' : 'Reactivate'} ${person.name}`}
              onClick={() =>
                void change(
                  { active: !person.active },
                  person.active ? `${person.name} is inactive: they keep their name on their history.` : `${person.name} is active again.`,
                ).then(() => document.getElementById(`${idPrefix}-active`)?.focus())
              }
            >
              {person.active ? 'Deactivate' : 'Reactivate'}
            </button>
          </div>
        </td>
      )}
    </tr>
  );
}

const FIELD_WORDS = { name: 'Name', role: 'Role', email: 'E-mail', active: 'Status' } as const;
const valueText = (field: keyof typeof FIELD_WORDS, v: unknown): string => {
  if (field === 'active') return v ? 'active' : 'inactive';
  if (field === 'role') return v ? ROLE_SHORT[v as Role] : 'not recorded';
  return v ? String(v) : 'none';
};

function PersonHistory({
  person,
  events,
  zone,
}: {
  person: RosterPerson;
  events: InquiryEvent[];
  zone: SettingsScreenProps['config']['timeZone'];
}) {
  if (events.length === 0) return null;
  return (
    <details className="person-history">
      <summary>
        History<span className="visually-hidden"> of {person.name}</span>
      </summary>
      <ol className="plain-list">
        {events.map((e) => (
          <li key={e.id}>
            {formatLong(e.at, zone)}:{' '}
            {e.type === 'PersonAdded'
              ? `${e.payload.legacy ? 'Named in the old log' : `Added as ${e.payload.fields.role ? ROLE_SHORT[e.payload.fields.role] : 'role not recorded'}`}`
              : e.type === 'PersonEdited'
                ? e.payload.field === 'active'
                  ? e.payload.to
                    ? 'Reactivated'
                    : 'Deactivated'
                  : `${FIELD_WORDS[e.payload.field]} changed from ${valueText(e.payload.field, e.payload.from)} to ${valueText(e.payload.field, e.payload.to)}`
                : ''}{' '}
            by {e.actor.name}
          </li>
        ))}
      </ol>
    </details>
  );
}
