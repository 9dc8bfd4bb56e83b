import { type FormEvent, useId, useState } from 'react';
import { failureText } from '../../shared/errors';
import { profileInputSchema, ROLE_LABELS, ROLES, type Role } from '../../shared/people';
import { STATE_PRESET_IDS, STATE_PRESETS, type StatePresetId } from '../../shared/time/statePresets';
import { FormError } from '../components/ErrorSummary';
import { useServices } from '../data/hooks';
import { useConfigStored } from '../data/settingsHooks';
import { useLock } from '../lock/lockContext';
import { type PinFieldErrors, PinFields, pinFieldErrors } from '../lock/PinFields';
import { hashPin, pinProblem } from '../lock/pin';
import { StateClosedDays } from '../settings/policy/StateClosedDays';

/** First start on a desk: who is working here. Every change they make carries this profile. */
export function ProfileSetup() {
  const { repo } = useServices();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [errors, setErrors] = useState<{ displayName?: string; role?: string; form?: string } & PinFieldErrors>({});
  // Where the app has an idle lock, the profile's PIN is chosen here, with the name.
  const lock = useLock();
  const [pin, setPin] = useState({ pin: '', confirm: '' });
  const [saving, setSaving] = useState(false);
  const id = useId();
  // A brand-new desk (no configuration stored yet) also says which state's offices it keeps: its closed days.
  const firstDesk = useConfigStored() === false;
  const [state, setState] = useState<StatePresetId>('IA');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = profileInputSchema.safeParse({ displayName: name, role: role || undefined });
    const pinErrors = lock ? pinFieldErrors(pin, pinProblem) : null;
    if (!parsed.success || pinErrors) {
      const next: typeof errors = { ...pinErrors };
      if (!parsed.success) for (const issue of parsed.error.issues) next[issue.path[0] as 'displayName' | 'role'] ??= issue.message;
      setErrors(next);
      const first = next.displayName ? `${id}-name` : next.role ? `${id}-role-${ROLES[0]}` : next.pin ? 'profile-pin' : 'profile-confirm';
      document.getElementById(first)?.focus();
      return;
    }
    setSaving(true);
    try {
      if (firstDesk) await repo.decideCalendarPreset('set-up', state);
      await repo.createProfile(parsed.data, lock ? await hashPin(pin.pin) : undefined);
    } catch (err) {
      setErrors({ form: `Your profile could not be saved: ${failureText(err)}` });
      setSaving(false);
    }
  }

  return (
    <main id="main" className="setup">
      <form className="setup-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>Welcome to Liaison Log</h1>
        <p className="muted">Set up your profile for this desk. Your name is recorded on every inquiry, note and change you make.</p>
        <FormError message={errors.form} />
        <div className="field">
          <label htmlFor={`${id}-name`}>Your name</label>
          <input
            id={`${id}-name`}
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.displayName ? true : undefined}
            aria-describedby={errors.displayName ? `${id}-name-error` : undefined}
            // biome-ignore lint/a11y/noAutofocus: the only task on this screen; focus where the person types.
            autoFocus
          />
          {errors.displayName && (
            <p id={`${id}-name-error`} className="field-error">
              {errors.displayName}
            </p>
          )}
        </div>
        <fieldset className="field" aria-describedby={errors.role ? `${id}-role-error` : undefined}>
          <legend>Your role</legend>
          {ROLES.map((r) => (
            <label key={r} className="choice">
              <input type="radio" id={`${id}-role-${r}`} name="role" value={r} checked={role === r} onChange={() => setRole(r)} />
              {ROLE_LABELS[r]}
            </label>
          ))}
          {errors.role && (
            <p id={`${id}-role-error`} className="field-error">
              {errors.role}
            </p>
          )}
        </fieldset>
        {lock && (
          <PinFields
            idPrefix="profile"
            values={pin}
            errors={errors}
            onChange={(v) => {
              setPin(v);
              setErrors((e) => ({ ...e, pin: undefined, confirm: undefined }));
            }}
            label="Your PIN"
            confirmLabel="Type your PIN again"
          />
        )}
        {firstDesk && (
          <div className="field">
            <label htmlFor={`${id}-state`}>Your agency's state</label>
            <p id={`${id}-state-hint`} className="hint">
              Targets skip the days the state's offices are closed by statute. Leads can add closures in Settings → Policy.
            </p>
            <select
              id={`${id}-state`}
              value={state}
              aria-describedby={`${id}-state-hint`}
              onChange={(e) => setState(e.target.value as StatePresetId)}
            >
              {STATE_PRESET_IDS.map((p) => (
                <option key={p} value={p}>
                  {STATE_PRESETS[p].state} ({STATE_PRESETS[p].citation})
                </option>
              ))}
            </select>
            <StateClosedDays preset={state} />
          </div>
        )}
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Start using Liaison Log'}
        </button>
      </form>
    </main>
  );
}
