import { type FormEvent, useEffect, useId, useState } from 'react';
import { failureText } from '../../shared/errors';
import type { Profile } from '../../shared/people';
import { FormError } from '../components/ErrorSummary';
import { useServices } from '../data/hooks';
import type { LockController } from './lockController';
import { type PinFieldErrors, PinFields, pinFieldErrors } from './PinFields';
import { hashPin, pinProblem } from './pin';
import './lock.css';

/**
 * A profile made before PINs existed is asked for one before the log opens (once): from then on
 * the desk locks after the idle time and this PIN unlocks it.
 */
export function PinSetup({ profile, lock }: { profile: Profile; lock: LockController }) {
  const { repo } = useServices();
  const [values, setValues] = useState({ pin: '', confirm: '' });
  const [errors, setErrors] = useState<PinFieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const id = useId();

  useEffect(() => {
    document.getElementById('pin-setup-pin')?.focus();
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    const problems = pinFieldErrors(values, pinProblem);
    if (problems) {
      setErrors(problems);
      document.getElementById(problems.pin ? 'pin-setup-pin' : 'pin-setup-confirm')?.focus();
      return;
    }
    setSaving(true);
    try {
      await repo.pins.set(profile.id, await hashPin(values.pin));
      // The person who chose the PIN is at the desk: go on unlocked.
      await lock.unlock(async () => true);
    } catch (err) {
      setFailure(`The PIN was not saved: ${failureText(err)} Try again.`);
      setSaving(false);
    }
  }

  return (
    <main id="main" className="lock-screen">
      <form className="lock-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>Choose a PIN, {profile.displayName}</h1>
        <p>
          Liaison Log now locks itself when the desk is left alone for {lock.getSnapshot().idleMinutes} minutes, so no one passing by sees
          member information. Choose a PIN: you will type it to unlock. It is stored only in a form that cannot be turned back into the PIN.
        </p>
        <FormError message={failure} />
        <PinFields
          idPrefix="pin-setup"
          values={values}
          errors={errors}
          onChange={(v) => {
            setValues(v);
            setErrors({});
          }}
        />
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save PIN and open the log'}
        </button>
      </form>
    </main>
  );
}
