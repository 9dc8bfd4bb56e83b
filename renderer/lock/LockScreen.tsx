import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Profile } from '../../shared/people';
import { navigate } from '../app/router';
import { Options } from '../components/Field';
import { useProfiles, useServices } from '../data/hooks';
import { AddDeskPerson } from './AddDeskPerson';
import { FAILURES_BEFORE_WAIT, type LockController, type LockState, WAIT_MS } from './lockController';
import { verifyPin } from './pin';
import './lock.css';

const secondsLeft = (retryAt: number, now: number) => Math.max(1, Math.ceil((retryAt - now) / 1000));

/**
 * What the desk shows while locked: nothing of the screen that was open (the app's content is not
 * rendered at all), a heading, and the PIN field with focus. Another person with a profile on this
 * desk can unlock with their own PIN, which switches the desk to them.
 */
export function LockScreen({ profile, lock, state }: { profile: Profile; lock: LockController; state: LockState }) {
  const { repo } = useServices();
  const profiles = useProfiles().filter((p) => p.pin);
  const [who, setWho] = useState(profile.id);
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const pinRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const waiting = state.retryAt > now;
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    pinRef.current?.focus();
  }, []);

  // While a wait runs, count it down once a second.
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [waiting]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const chosen = profiles.find((p) => p.id === who) ?? profile;
    if (!chosen.pin) return;
    if (pin === '') {
      setMessage('Enter your PIN.');
      pinRef.current?.focus();
      return;
    }
    setBusy(true);
    const stored = chosen.pin;
    const result = await lock.unlock(async () => {
      const ok = await verifyPin(pin, stored);
      if (ok && chosen.id !== profile.id) await repo.switchProfile(chosen.id);
      return ok;
    });
    setBusy(false);
    setNow(Date.now());
    // Someone else at the desk starts at their own first view, not on the last person's screen.
    if (result.ok && chosen.id !== profile.id) navigate({ name: 'log' });
    if (result.ok) return;
    setPin('');
    if (result.reason === 'wait') setMessage(`Too many wrong PINs. Try again in ${secondsLeft(result.retryAt, Date.now())} seconds.`);
    else if (result.triesLeft > 0)
      setMessage(
        `That PIN is not right. ${result.triesLeft === 1 ? '1 more try' : `${result.triesLeft} more tries`} before a ${WAIT_MS / 1000}-second wait.`,
      );
    else setMessage(`That PIN is not right. After ${FAILURES_BEFORE_WAIT} wrong PINs, wait ${WAIT_MS / 1000} seconds before the next try.`);
    pinRef.current?.focus();
  }

  if (adding)
    return (
      <main id="main" className="lock-screen">
        <AddDeskPerson
          lock={lock}
          deskPeople={profiles}
          current={who}
          onCancel={() => {
            setAdding(false);
            requestAnimationFrame(() => pinRef.current?.focus());
          }}
        />
      </main>
    );

  const waitText = waiting ? `Too many wrong PINs. Try again in ${secondsLeft(state.retryAt, now)} seconds.` : null;
  const shown = waitText ?? message;

  return (
    <main id="main" className="lock-screen">
      <form className="lock-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-title`}>
        <h1 id={`${id}-title`}>Liaison Log is locked</h1>
        <p>Member information is hidden while the desk is locked. Enter your PIN to go on where you left off.</p>
        {profiles.length > 1 ? (
          <div className="field">
            <label htmlFor="lock-who">Unlock as</label>
            <select id="lock-who" value={who} onChange={(e) => setWho(e.target.value)}>
              <Options options={profiles.map((p) => ({ value: p.id, label: p.displayName }))} />
            </select>
          </div>
        ) : (
          <p>
            Locked for <strong>{profile.displayName}</strong>.
          </p>
        )}
        <div className={`field${shown ? ' has-error' : ''}`}>
          <label htmlFor="lock-pin">PIN</label>
          <input
            ref={pinRef}
            id="lock-pin"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            maxLength={12}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\s/g, ''))}
            aria-invalid={shown ? true : undefined}
            aria-describedby="lock-pin-error"
          />
          <p id="lock-pin-error" className={shown ? 'field-error' : 'visually-hidden'} role="alert">
            {shown ?? ''}
          </p>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Unlock'}
        </button>
        <button type="button" className="link-button" onClick={() => setAdding(true)}>
          Add a person to this desk
        </button>
        <p className="muted small">
          Forgot your PIN? A colleague with a profile on this desk can unlock with theirs
          {profiles.length > 1 ? ' (choose their name above)' : ''}; there is no way around the PIN.
        </p>
      </form>
    </main>
  );
}
