import { type FormEvent, useState } from 'react';
import { failureText } from '../../shared/errors';
import type { Profile } from '../../shared/people';
import { focusOnMount } from '../components/focusOnMount';
import { useServices } from '../data/hooks';
import { useLock, useLockState } from './lockContext';
import { IDLE_CHOICES } from './lockController';
import { type PinFieldErrors, PinFields, pinFieldErrors } from './PinFields';
import { hashPin, pinProblem, verifyPin } from './pin';
import './lock.css';

/** Settings → Lock and PIN: when the desk locks itself, locking now, and changing the PIN. */
export function LockSettings({ profile }: { profile: Profile }) {
  const lock = useLock();
  const state = useLockState();
  const [status, setStatus] = useState('');

  return (
    <section className="settings-page lock-settings" aria-labelledby="lock-settings-title">
      <h1 id="lock-settings-title" tabIndex={-1} ref={focusOnMount}>
        Lock and PIN
      </h1>
      <p className="settings-intro">
        The desk locks itself when no one has used it for a while: member information is hidden until a PIN is typed.
      </p>
      {!lock || !state ? (
        <p>The lock is not active in this window.</p>
      ) : (
        <>
          <section className="settings-card" aria-labelledby="lock-idle-title">
            <h2 id="lock-idle-title">When to lock</h2>
            <div className="card-actions">
              <div className="field narrow">
                <label htmlFor="lock-idle">Lock after this long without use</label>
                <select
                  id="lock-idle"
                  value={state.idleMinutes}
                  onChange={(e) => {
                    const minutes = Number(e.target.value);
                    lock.setIdleMinutes(minutes);
                    setStatus(`Saved: this desk locks after ${minutes === 1 ? '1 minute' : `${minutes} minutes`} without use.`);
                  }}
                >
                  {[...new Set([...IDLE_CHOICES, state.idleMinutes])]
                    .sort((a, b) => a - b)
                    .map((m) => (
                      <option key={m} value={m}>
                        {m === 1 ? '1 minute' : `${m} minutes`}
                      </option>
                    ))}
                </select>
              </div>
              <button type="button" className="secondary" onClick={() => lock.lock()} aria-keyshortcuts="Control+L">
                Lock now <kbd>Ctrl+L</kbd>
              </button>
            </div>
            <p className="settings-status" role="status">
              {status}
            </p>
          </section>
          <ChangePin profile={profile} />
        </>
      )}
    </section>
  );
}

function ChangePin({ profile }: { profile: Profile }) {
  const { repo } = useServices();
  const [current, setCurrent] = useState('');
  const [values, setValues] = useState({ pin: '', confirm: '' });
  const [errors, setErrors] = useState<PinFieldErrors & { current?: string }>({});
  const [status, setStatus] = useState('');
  const [saving, setSaving] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (saving) return;
    setStatus('');
    const problems: typeof errors = { ...pinFieldErrors(values, pinProblem) };
    if (profile.pin && current === '') problems.current = 'Enter the PIN you use now.';
    if (Object.keys(problems).length) {
      setErrors(problems);
      document.getElementById(problems.current ? 'change-pin-current' : problems.pin ? 'change-pin-pin' : 'change-pin-confirm')?.focus();
      return;
    }
    setSaving(true);
    try {
      if (profile.pin && !(await verifyPin(current, profile.pin))) {
        setErrors({ current: 'That is not your current PIN.' });
        document.getElementById('change-pin-current')?.focus();
        return;
      }
      await repo.pins.set(profile.id, await hashPin(values.pin));
      setCurrent('');
      setValues({ pin: '', confirm: '' });
      setErrors({});
      setStatus('Your new PIN is saved. Use it the next time the desk locks.');
    } catch (err) {
      setStatus('');
      setErrors({ pin: `The PIN was not saved: ${failureText(err)}` });
    } finally {
      setSaving(false);
    }
  }

  return (
    <form className="settings-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="change-pin-title">
      <h2 id="change-pin-title">Change your PIN</h2>
      <div className={`field narrow${errors.current ? ' has-error' : ''}`}>
        <label htmlFor="change-pin-current">Current PIN</label>
        <input
          id="change-pin-current"
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          maxLength={12}
          value={current}
          onChange={(e) => {
            setCurrent(e.target.value.replace(/\s/g, ''));
            setErrors((x) => ({ ...x, current: undefined }));
          }}
          aria-invalid={errors.current ? true : undefined}
          aria-describedby={errors.current ? 'change-pin-current-error' : undefined}
        />
        {errors.current && (
          <p id="change-pin-current-error" className="field-error">
            {errors.current}
          </p>
        )}
      </div>
      <PinFields
        idPrefix="change-pin"
        values={values}
        errors={errors}
        label="New PIN"
        confirmLabel="Type the new PIN again"
        onChange={(v) => {
          setValues(v);
          setErrors((x) => ({ ...x, pin: undefined, confirm: undefined }));
        }}
      />
      <div className="card-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save new PIN'}
        </button>
      </div>
      <p className="settings-status" role="status">
        {status}
      </p>
    </form>
  );
}
