import { type FormEvent, type KeyboardEvent, useMemo, useRef, useState } from 'react';
import { SOURCES } from '../../shared/config/agencyConfig';
import { failureText } from '../../shared/errors';
import { ENROLLMENT, ENROLLMENT_LABELS } from '../../shared/inquiry/fields';
import {
  emptyIntakeForm,
  INTAKE_CONTROL_ORDER,
  type IntakeControl,
  type IntakeErrors,
  type IntakeForm as IntakeFormValues,
  TEXT_LIMITS,
  validateIntake,
} from '../../shared/inquiry/intake';
import type { Profile } from '../../shared/people';
import { navigate } from '../app/router';
import { ConfirmDiscard } from '../components/ConfirmDiscard';
import { ErrorSummary, FormError } from '../components/ErrorSummary';
import { Field, RadioGroup } from '../components/Field';
import { focusOnMount } from '../components/focusOnMount';
import { usePending } from '../components/usePending';
import { draftKey, useFormDraft } from '../data/drafts';
import { useAgencyConfig, useServices } from '../data/hooks';
import { AssigneeSelect, isEscalated, useAssignees } from './assignees';
import { DraftNotice } from './DraftNotice';
import { PrioritySuggestion } from './PrioritySuggestion';

const controlId = (c: IntakeControl) => `intake-${c}`;

/** Logging a new inquiry: every field of the old log's row, validated before anything is stored. */
export function IntakeForm({ profile }: { profile: Profile }) {
  const { repo, clock } = useServices();
  const config = useAgencyConfig();
  const zone = config.timeZone;
  const [form, setForm] = useState<IntakeFormValues>(() =>
    emptyIntakeForm(clock.now(), zone, profile.role === 'esr' ? null : { id: profile.id, name: profile.displayName }),
  );
  const [errors, setErrors] = useState<IntakeErrors>({});
  // The roster's active people by role (ESRs first for an Escalated inquiry); the person at the desk is there
  // as the default assignee even before the roster has loaded.
  const self = useMemo(() => ({ id: profile.id, name: profile.displayName }), [profile.id, profile.displayName]);
  const { groups: assigneeGroups, people } = useAssignees(form.assigneeId === self.id ? self : null, isEscalated(config, form.priority));
  // The form autosaves as a draft (debounced) and is filled back in when reopened after a crash, a lock or a close.
  const [opened, setOpened] = useState(form);
  const draft = useFormDraft(
    draftKey('intake', profile.id),
    form,
    INTAKE_CONTROL_ORDER.every((c) => form[c] === opened[c]),
    (values) =>
      setForm((f) => ({ ...f, ...Object.fromEntries(INTAKE_CONTROL_ORDER.filter((c) => c in values).map((c) => [c, values[c]])) })),
  );
  const saving = usePending();
  const [failure, setFailure] = useState<string | null>(null);

  const set = (c: IntakeControl) => (value: string) => {
    setForm((f) => ({ ...f, [c]: value }));
    if (errors[c]) setErrors((e) => ({ ...e, [c]: undefined }));
  };
  const bind = (c: IntakeControl) => ({ value: form[c], onChange: (e: { target: { value: string } }) => set(c)(e.target.value) });
  const category = config.categories.find((c) => c.name === form.category);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const result = validateIntake(form, { now: clock.now(), config, people });
    if (!result.ok) {
      setFailure(null);
      setErrors(result.errors);
      const first = INTAKE_CONTROL_ORDER.find((c) => result.errors[c]);
      if (first) document.getElementById(controlId(first))?.focus();
      return;
    }
    if (!saving.start()) return;
    let id: string;
    try {
      ({ id } = await repo.logInquiry(result.fields));
    } catch (err) {
      setFailure(`The inquiry was not saved: ${failureText(err)} Nothing was stored; try again.`);
      saving.end();
      return;
    }
    saving.end();
    // Stored: the inquiry opens at once; the draft goes meanwhile (it stops autosaving at once).
    const cleared = draft.clear();
    navigate({ name: 'inquiry', id });
    await cleared.catch((err: unknown) => {
      // Only a draft the next intake would offer back, which its notice lets the person discard.
      console.warn('The intake draft could not be cleared:', (err as Error)?.name ?? 'error');
    });
  }

  // Cancel (or Escape) asks first once anything was typed (issue 16): the draft goes with a cancel.
  const changed = !INTAKE_CONTROL_ORDER.every((c) => form[c] === opened[c]);
  const [confirming, setConfirming] = useState(false);
  const cancelFrom = useRef<HTMLElement | null>(null);
  const cancel = (confirmed = false) => {
    if (changed && !confirmed) {
      cancelFrom.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setConfirming(true);
      return;
    }
    void draft.clear();
    navigate({ name: 'log' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape' && !confirming && !e.defaultPrevented) {
      e.preventDefault();
      cancel();
    }
  };

  const errorList = INTAKE_CONTROL_ORDER.filter((c) => errors[c]);

  return (
    <section className="intake" aria-labelledby="intake-title">
      <h1 id="intake-title" tabIndex={-1} ref={focusOnMount}>
        New inquiry
      </h1>
      <p className="muted">Fields marked required must be filled. Enter saves from a one-line field; Ctrl+Enter saves from anywhere.</p>
      {draft.restoredFrom !== null && (
        <DraftNotice
          savedAt={draft.restoredFrom}
          zone={zone}
          onDiscard={() => {
            const fresh = emptyIntakeForm(clock.now(), zone, profile.role === 'esr' ? null : { id: profile.id, name: profile.displayName });
            setForm(fresh);
            setOpened(fresh);
            setErrors({});
            void draft.discard();
            document.getElementById('intake-title')?.focus();
          }}
        />
      )}
      {draft.autosaveFailed && (
        <p className="form-error" role="alert">
          This form could not be autosaved as a draft just now. What you type is still here; save the inquiry when you can.
        </p>
      )}
      <ErrorSummary what="the inquiry" items={errorList.map((c) => ({ id: controlId(c), text: errors[c] ?? '' }))} />
      <FormError message={failure} />
      <form noValidate onSubmit={(e) => void submit(e)} onKeyDown={onKeyDown}>
        <fieldset className="section">
          <legend>Received</legend>
          <div className="grid">
            <Field id={controlId('receivedDate')} label="Date received" required hint="mm/dd/yyyy" error={errors.receivedDate}>
              {(p) => <input {...p} {...bind('receivedDate')} inputMode="numeric" autoComplete="off" />}
            </Field>
            <Field
              id={controlId('receivedTime')}
              label="Time received"
              required
              hint="14:05 or 2:05 pm, agency time"
              error={errors.receivedTime}
            >
              {(p) => <input {...p} {...bind('receivedTime')} autoComplete="off" />}
            </Field>
            <Field id={controlId('source')} label="Source" required error={errors.source}>
              {(p) => (
                <select {...p} {...bind('source')}>
                  <option value="">Choose who referred it…</option>
                  {SOURCES.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={controlId('originatorName')} label="Originator (referred by)" required error={errors.originatorName}>
              {(p) => <input {...p} {...bind('originatorName')} autoComplete="off" />}
            </Field>
            <Field id={controlId('originatorContact')} label="Originator phone and/or e-mail" error={errors.originatorContact}>
              {(p) => <input {...p} {...bind('originatorContact')} autoComplete="off" />}
            </Field>
          </div>
        </fieldset>

        <fieldset className="section">
          <legend>Member</legend>
          <div className="grid">
            <Field id={controlId('memberName')} label="Member name" required error={errors.memberName}>
              {(p) => <input {...p} {...bind('memberName')} autoComplete="off" />}
            </Field>
            <Field id={controlId('medicaidId')} label="Medicaid ID" hint={config.medicaidId.description} error={errors.medicaidId}>
              {(p) => <input {...p} {...bind('medicaidId')} autoComplete="off" spellCheck={false} />}
            </Field>
            <Field id={controlId('memberDob')} label="Date of birth" hint="mm/dd/yyyy" error={errors.memberDob}>
              {(p) => <input {...p} {...bind('memberDob')} inputMode="numeric" autoComplete="off" />}
            </Field>
            <Field id={controlId('memberPhone')} label="Member phone" error={errors.memberPhone}>
              {(p) => <input {...p} {...bind('memberPhone')} type="tel" autoComplete="off" />}
            </Field>
            <Field id={controlId('callbackPhone')} label="Best callback number" error={errors.callbackPhone}>
              {(p) => <input {...p} {...bind('callbackPhone')} type="tel" autoComplete="off" />}
            </Field>
            <Field
              id={controlId('callbackAvailability')}
              label="Callback availability"
              hint="When the member can take a call, e.g. weekdays after 3 pm"
              error={errors.callbackAvailability}
            >
              {(p) => <input {...p} {...bind('callbackAvailability')} autoComplete="off" />}
            </Field>
          </div>
        </fieldset>

        <fieldset className="section">
          <legend>MCO and priority</legend>
          <div className="grid">
            <RadioGroup
              id={controlId('mcoEnrollment')}
              legend="MCO enrollment"
              required
              options={ENROLLMENT.map((v) => ({ value: v, label: ENROLLMENT_LABELS[v] }))}
              value={form.mcoEnrollment}
              onChange={(v) => {
                set('mcoEnrollment')(v);
                // The unit lead takes it: no MCO, and nobody at this desk owns it until a unit lead claims it.
                if (v === 'not_enrolled') {
                  set('mcoId')('');
                  set('priority')('');
                  if (form.assigneeId === self.id) set('assigneeId')('');
                }
              }}
              error={errors.mcoEnrollment}
            />
            <Field id={controlId('mcoId')} label="MCO" required={form.mcoEnrollment === 'enrolled'} error={errors.mcoId}>
              {(p) => (
                <select {...p} {...bind('mcoId')} disabled={form.mcoEnrollment === 'not_enrolled'}>
                  <option value="">{form.mcoEnrollment === 'not_enrolled' ? 'None (not enrolled)' : 'Choose the MCO…'}</option>
                  {config.mcos
                    .filter((m) => m.active || m.id === form.mcoId)
                    .map((m) => (
                      <option key={m.id} value={m.id}>
                        {m.name}
                      </option>
                    ))}
                </select>
              )}
            </Field>
            {form.mcoEnrollment === 'not_enrolled' ? (
              <p className="hint unit-lead-note">
                No priority: a member with no MCO goes to the unit lead, who calls back by the end of{' '}
                {config.unitLeadCallbackDays === 1 ? 'the next business day' : `${config.unitLeadCallbackDays} business days`}.
              </p>
            ) : (
              <RadioGroup
                id={controlId('priority')}
                legend="Priority"
                required
                options={config.priorityLevels.map((p) => ({ value: p.id, label: p.label }))}
                value={form.priority}
                onChange={set('priority')}
                error={errors.priority}
              />
            )}
            <Field id={controlId('assigneeId')} label="Assignee" error={errors.assigneeId}>
              {(p) => <AssigneeSelect groups={assigneeGroups} value={form.assigneeId} onChange={set('assigneeId')} controlProps={p} />}
            </Field>
          </div>
          <PrioritySuggestion
            config={config}
            description={form.description}
            category={form.category}
            chosen={form.priority}
            onUse={set('priority')}
            radioId={(p) => (config.priorityLevels[0]?.id === p ? controlId('priority') : `${controlId('priority')}-${p}`)}
          />
        </fieldset>

        <fieldset className="section">
          <legend>Issue</legend>
          <div className="grid">
            <Field id={controlId('category')} label="Category" required error={errors.category}>
              {(p) => (
                <select
                  {...p}
                  value={form.category}
                  onChange={(e) => {
                    set('category')(e.target.value);
                    set('subcategory')('');
                  }}
                >
                  <option value="">Choose a category…</option>
                  {config.categories.map((c) => (
                    <option key={c.name}>{c.name}</option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={controlId('subcategory')} label="Sub-category" error={errors.subcategory}>
              {(p) => (
                <select {...p} {...bind('subcategory')} disabled={!category || category.subcategories.length === 0}>
                  <option value="">{category ? 'None' : 'Choose a category first'}</option>
                  {category?.subcategories.map((s) => (
                    <option key={s}>{s}</option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <Field
            id={controlId('description')}
            label="Description"
            required
            hint="What happened and what the member needs"
            error={errors.description}
            count={{ length: form.description.length, limit: TEXT_LIMITS.long }}
          >
            {(p) => <textarea {...p} {...bind('description')} rows={4} />}
          </Field>
          <Field
            id={controlId('expectedOutcome')}
            label="Expected outcome"
            hint="What is needed to resolve it"
            error={errors.expectedOutcome}
            count={{ length: form.expectedOutcome.length, limit: TEXT_LIMITS.long }}
          >
            {(p) => <textarea {...p} {...bind('expectedOutcome')} rows={2} />}
          </Field>
        </fieldset>

        <div className="actions">
          <button type="submit" className="primary" disabled={saving.shown} aria-keyshortcuts="Control+Enter">
            {saving.shown ? 'Saving…' : 'Save inquiry'}
          </button>
          <button type="button" className="secondary" onClick={() => cancel()}>
            Cancel
          </button>
        </div>
        {confirming && (
          <ConfirmDiscard
            what="this new inquiry"
            onDiscard={() => cancel(true)}
            onKeep={() => {
              setConfirming(false);
              requestAnimationFrame(() => cancelFrom.current?.focus());
            }}
          />
        )}
      </form>
    </section>
  );
}
