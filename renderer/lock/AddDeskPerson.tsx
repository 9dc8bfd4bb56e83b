import { type FormEvent, useId, useState } from 'react';
import { failureText } from '../../shared/errors';
import { type Profile, profileInputSchema, ROLE_SHORT, type Role } from '../../shared/people';
import { rosterPeople } from '../../shared/roster/roster';
import { navigate } from '../app/router';
import { FormError } from '../components/ErrorSummary';
import { Field } from '../components/Field';
import { focusOnMount } from '../components/focusOnMount';
import { type PersonDraft, PersonFieldSet } from '../components/PersonFieldSet';
import { useRoster, useServices } from '../data/hooks';
import type { LockController } from './lockController';
import { type PinFieldErrors, PinFields, pinFieldErrors } from './PinFields';
import { hashPin, pinProblem, verifyPin } from './pin';

const NEW = 'new';

type Errors = { who?: string; name?: string; role?: string; colleague?: string; form?: string } & PinFieldErrors;

/**
 * "Add a person to this desk", from the lock screen: a colleague from the roster (or someone new to it) gets a
 * profile here with their own PIN, and the desk unlocks as them. Someone already working at the desk vouches with
 * their PIN, so nobody walks up to a locked desk and adds themselves; a wrong PIN counts like any other.
 */
export function AddDeskPerson({
  lock,
  deskPeople,
  current,
  onCancel,
}: {
  lock: LockController;
  deskPeople: Profile[];
  /** The person the desk was locked for: who lets the new person in, unless another is chosen. */
  current: string;
  onCancel: () => void;
}) {
  const { repo } = useServices();
  const roster = useRoster();
  const atDesk = new Set(deskPeople.map((p) => p.id));
  // Everyone active on the roster not at this desk yet, with a role: those a lead added, and those known from their work
  // at another desk (listed from the synced log, with their own id): each starts here as themselves, never as a copy.
  const choices = rosterPeople(roster).filter((p) => p.active && !atDesk.has(p.id) && p.role !== null);
  const [who, setWho] = useState('');
  const [person, setPerson] = useState<PersonDraft>({ name: '', role: '', email: '' });
  const [pin, setPin] = useState({ pin: '', confirm: '' });
  const [colleague, setColleague] = useState(current);
  const [colleaguePin, setColleaguePin] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const chosen = choices.find((p) => p.id === who);
    const next: Errors = { ...pinFieldErrors(pin, pinProblem) };
    if (!who) next.who = 'Choose who is starting at this desk, or “Someone not on the roster”.';
    const input = chosen
      ? { displayName: chosen.name, role: chosen.role ?? undefined }
      : { displayName: person.name, role: person.role || undefined };
    const parsed = profileInputSchema.safeParse(input);
    if (who === NEW && !parsed.success)
      // The schema speaks to the person setting up their own profile ("your"); here it is someone else.
      for (const issue of parsed.error.issues)
        next[issue.path[0] === 'displayName' ? 'name' : 'role'] ??= issue.message
          .replace(/\byour\b/g, 'their')
          .replace(/\bYour\b/g, 'Their');
    const voucher = deskPeople.find((p) => p.id === colleague);
    if (!voucher?.pin) next.colleague = 'Choose who already works at this desk.';
    else if (colleaguePin === '') next.colleague = `Enter ${voucher.displayName}’s PIN: someone at this desk lets the new person in.`;
    if (Object.values(next).some(Boolean) || !parsed.success || !voucher?.pin) {
      setErrors(next);
      const order = [
        ['who', `${id}-who`],
        ['name', `${id}-name`],
        ['role', `${id}-role`],
        ['pin', 'desk-person-pin'],
        ['confirm', 'desk-person-confirm'],
        ['colleague', `${id}-colleague-pin`],
      ] as const;
      const first = order.find(([k]) => next[k]);
      if (first) document.getElementById(first[1])?.focus();
      return;
    }
    setBusy(true);
    const stored = voucher.pin;
    try {
      const result = await lock.unlock(async () => {
        if (!(await verifyPin(colleaguePin, stored))) return false;
        await repo.createProfile(parsed.data, await hashPin(pin.pin), chosen?.id);
        return true;
      });
      // They start at their own first view (their role's queue), not on the last person's screen.
      if (result.ok) navigate({ name: 'log' });
      if (!result.ok) {
        setBusy(false);
        setColleaguePin('');
        setErrors({
          colleague:
            result.reason === 'wait'
              ? 'Too many wrong PINs. Wait 30 seconds, then try again.'
              : `That is not ${voucher.displayName}’s PIN. ${result.triesLeft} more ${result.triesLeft === 1 ? 'try' : 'tries'} before a wait.`,
        });
        document.getElementById(`${id}-colleague-pin`)?.focus();
      }
    } catch (err) {
      setBusy(false);
      setErrors({ form: `Not added: ${failureText(err)}` });
    }
  }

  return (
    <form className="lock-card add-person" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`} tabIndex={-1} ref={focusOnMount}>
        Add a person to this desk
      </h1>
      <p>They get their own PIN; what they do is recorded in their name, with their own queues and saved views.</p>
      <FormError message={errors.form} />
      <Field id={`${id}-who`} label="Who is starting here" required error={errors.who}>
        {(p) => (
          <select
            {...p}
            value={who}
            onChange={(e) => {
              setWho(e.target.value);
              setErrors((x) => ({ ...x, who: undefined }));
            }}
          >
            <option value="">Choose from the roster…</option>
            {choices.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({ROLE_SHORT[c.role as Role]})
              </option>
            ))}
            <option value={NEW}>Someone not on the roster</option>
          </select>
        )}
      </Field>
      {who === NEW && (
        <PersonFieldSet
          idPrefix={id}
          draft={person}
          errors={errors}
          withEmail={false}
          labels={{ name: 'Their name', role: 'Their role' }}
          onChange={(d, key) => {
            setPerson(d);
            setErrors((x) => ({ ...x, [key]: undefined }));
          }}
        />
      )}
      <PinFields idPrefix="desk-person" values={pin} errors={errors} onChange={setPin} label="Their PIN" confirmLabel="Their PIN again" />
      <fieldset className="field">
        <legend>Someone already at this desk lets them in</legend>
        <Field id={`${id}-colleague`} label="Colleague at this desk">
          {(p) => (
            <select {...p} value={colleague} onChange={(e) => setColleague(e.target.value)}>
              {deskPeople.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.displayName}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-colleague-pin`} label="Colleague’s PIN" error={errors.colleague}>
          {(p) => (
            <input
              {...p}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              value={colleaguePin}
              onChange={(e) => setColleaguePin(e.target.value.replace(/\s/g, ''))}
            />
          )}
        </Field>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add and unlock'}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Back to unlock
        </button>
      </div>
    </form>
  );
}
