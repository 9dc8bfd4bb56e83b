import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { DomainError, failureText, PlainWordsError } from '../../shared/errors';
import type { WhenInput } from '../../shared/inquiry/commands/when';
import { useWhenState, WhenField, type WhenSetup } from '../inquiry/steps/WhenField';
import { announce, focusNewEntry } from './announce';
import { ConfirmDiscard } from './ConfirmDiscard';

/** How long a save may take before the form says it is still working. */
export const STILL_SAVING_AFTER_MS = 3000;

/**
 * A step's form (a process step, a complaint's review or outcome): Ctrl+Enter anywhere in it or the submit
 * button records it, Escape or Cancel closes it. The person is never left with nothing happening: a save
 * that fails says why beside the buttons and keeps what was typed; one still working after a few seconds
 * says so there too.
 *
 * `onSubmit` records the step; what it resolves to is handed to `onDone` (the words to announce, say).
 * `onDone()` without a result means the form was cancelled.
 *
 * With `when` (every step that happens: a contact, a referral, a report-back…) the form ends with "When it
 * happened" (inquiry/steps/WhenField.tsx): now unless changed; `onSubmit` is given the step's When input to pass to
 * its command. A When that does not fit (before received, in the future) is shown beside the field, whether the
 * form or the command found it, and nothing is recorded.
 */
export function StepForm<R>({
  title,
  submitLabel,
  onSubmit,
  onDone,
  className,
  when,
  children,
}: {
  title: string;
  submitLabel: string;
  onSubmit: (when: WhenInput) => Promise<R>;
  onDone: (result?: R) => void;
  className?: string;
  /** The step's When: shown, checked and handed to `onSubmit`. */
  when?: WhenSetup;
  children: ReactNode;
}) {
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [slow, setSlow] = useState(false);
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const mounted = useRef(true);
  const whenState = useWhenState(when);
  const whenId = when?.id ?? `${titleId.replace(/:/g, '')}-when`;
  const focusWhen = () => document.getElementById(`${whenId}-${whenState.faultyInput()}`)?.focus();
  // Issue 16: where the focus goes when the form closes (the step's button that opened it), whether anything was
  // typed (a cancel then asks first), and the field to go back to when the person keeps editing.
  const opener = useRef<HTMLElement | null>(null);
  const [changed, setChanged] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const lastField = useRef<HTMLElement | null>(null);

  // The form opens on its first field, once: a later render (a live update of the inquiry) must not pull
  // focus back from wherever the person has gone since.
  useEffect(() => {
    const form = formRef.current;
    if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) opener.current = document.activeElement;
    if (form && !form.contains(document.activeElement)) form.querySelector<HTMLElement>('input, select, textarea')?.focus();
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => setSlow(true), STILL_SAVING_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [busy]);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    setFailure(null);
    const whenInput = when ? whenState.read() : {};
    if (whenInput === null) {
      focusWhen();
      return;
    }
    setBusy(true);
    let result: R;
    try {
      result = await onSubmit(whenInput);
    } catch (err) {
      if (!mounted.current) return;
      if (when && err instanceof DomainError && err.field === 'happenedAt') {
        whenState.refuse(err.message);
        focusWhen();
      } else setFailure(err instanceof PlainWordsError ? failureText(err) : `The step was not recorded: ${failureText(err)}`);
      setBusy(false);
      return;
    }
    if (mounted.current) setBusy(false);
    const before = document.querySelector('.timeline-list > li:first-child');
    onDone(result);
    announce(typeof result === 'string' && result ? result : `${title}: recorded.`);
    focusNewEntry(before, opener.current);
  }

  /** Cancel and Escape: asks first when something was typed; the focus goes back to the step's button. */
  function cancel(confirmed = false) {
    if (changed && !confirmed) {
      lastField.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setConfirming(true);
      return;
    }
    const back = opener.current;
    onDone();
    announce(`${title}: cancelled, nothing recorded.`);
    if (back?.isConnected) requestAnimationFrame(() => back.focus());
  }

  return (
    <form
      ref={formRef}
      className={className ? `step-form ${className}` : 'step-form'}
      aria-labelledby={titleId}
      aria-busy={busy}
      noValidate
      onSubmit={(e) => void submit(e)}
      onChange={() => setChanged(true)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          if (!confirming) cancel();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      }}
    >
      <h3 id={titleId}>{title}</h3>
      <p className="hint">Ctrl+Enter records it; Escape cancels.</p>
      {children}
      {when && <WhenField idPrefix={whenId} setup={when} state={whenState} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" className="secondary" onClick={() => cancel()}>
          Cancel
        </button>
        <span role="status" className="step-progress">
          {slow ? 'Still saving… The step is recorded when this form closes.' : ''}
        </span>
      </div>
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      {confirming && (
        <ConfirmDiscard
          what={`this ${title.toLowerCase()}`}
          onDiscard={() => cancel(true)}
          onKeep={() => {
            setConfirming(false);
            requestAnimationFrame(() => lastField.current?.focus());
          }}
        />
      )}
    </form>
  );
}
