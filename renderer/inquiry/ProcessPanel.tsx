import { type ReactNode, useId, useMemo, useState } from 'react';
import { type AgencyConfig, priorityLevel } from '../../shared/config/agencyConfig';
import type { CallbackOutcome } from '../../shared/inquiry/commands/closeCallback';
import { TIMER_LABELS } from '../../shared/inquiry/commands/pauseTimer';
import { RESOLUTION_LABELS, resolutionBlocked } from '../../shared/inquiry/commands/resolveInquiry';
import { isSnoozed, MAX_SNOOZE_BUSINESS_DAYS, snoozeTimeText } from '../../shared/inquiry/commands/snoozeWarnings';
import { DUE_STATE_LABELS, type DueItem, dueItems, dueState, targetMissed } from '../../shared/inquiry/due';
import {
  OUTREACH_METHODS,
  PARTIES,
  PAUSABLE_TIMERS,
  PAUSE_WAITS,
  type PausableTimer,
  RESOLUTIONS,
  type Resolution,
} from '../../shared/inquiry/events';
import { explainDueItem } from '../../shared/inquiry/explainDue';
import { maskPhone } from '../../shared/inquiry/mask';
import { unitLeadMessage } from '../../shared/inquiry/message';
import { type InquiryRecord, snoozeOf } from '../../shared/inquiry/projection';
import { businessTimeLeft } from '../../shared/inquiry/remaining';
import { warningLevelOf } from '../../shared/inquiry/warnings';
import { warningPolicy } from '../../shared/inquiry/warningTimes';
import type { PersonRef, Profile } from '../../shared/people';
import { addBusinessMinutes, type BusinessCalendar, businessDayOf, endOfBusinessDay, officeHoursOn } from '../../shared/time/calendar';
import { parseTypedDay, parseTypedTime } from '../../shared/time/typedInput';
import type { Instant, IsoDay, TimeZone } from '../../shared/time/types';
import { isoDayOf, parseIsoDay, zonedToInstant } from '../../shared/time/zone';
import { useBridge } from '../app/bridgeContext';
import { formatLong } from '../app/format';
import { Field, RadioGroup } from '../components/Field';
import { StepForm } from '../components/StepForm';
import { useBusinessCalendar } from '../data/calendar';
import { usePeople, useServices } from '../data/hooks';
import { useNow } from '../data/useNow';
import { durationText } from './Timeline';
import './warnings.css';

type Step =
  | 'contact'
  | 'refer'
  | 'reportBack'
  | 'followUp'
  | 'callback'
  | 'resolve'
  | 'reopen'
  | 'snooze'
  | { outcomeOf: string }
  | { pause: PausableTimer };

const PARTY_OPTIONS = PARTIES.map((p) => ({ value: p, label: p === 'member' ? 'Member' : 'Originator' }));
const METHOD_LABELS: Record<(typeof OUTREACH_METHODS)[number], string> = {
  call: 'Phone call',
  voicemail: 'Voicemail',
  letter: 'Letter',
  email: 'E-mail',
};

/**
 * The process of SPEC.md for one inquiry: what is due and when, the MCO gate's message, and the
 * next steps (each one event in the timeline).
 */
export function ProcessPanel({ inquiry, config, profile }: { inquiry: InquiryRecord; config: AgencyConfig; profile: Profile }) {
  const now = useNow({ freshWhen: inquiry });
  const [step, setStep] = useState<Step | null>(null);
  const zone = config.timeZone as TimeZone;
  const cal = useBusinessCalendar(config);
  const policy = useMemo(() => warningPolicy(cal, config.warningThresholds), [cal, config.warningThresholds]);
  const items = useMemo(() => dueItems(inquiry, policy), [inquiry, policy]);
  const canSnooze = items.some((i) => i.paused === null);
  const w = inquiry.workflow;
  const level = priorityLevel(config, w.targets?.priority ?? inquiry.priority);
  const open = inquiry.status === 'open';
  const close = () => setStep(null);
  const scheduled = w.callbacks.filter((c) => c.status === 'scheduled');

  return (
    <section className="process" aria-labelledby="process-title">
      <h2 id="process-title">Process</h2>
      <p className="path">
        {level ? (
          <>
            <strong>{level.label}</strong>: {level.path === 'high' ? 'the liaison works it end to end' : 'an ESR works it'}; first contact
            within {durationText(level.firstContactTarget)} (deadline {durationText(level.firstContactDeadline)}).
          </>
        ) : (
          <>Priority {inquiry.priority || 'not set'}: no timer policy in this desk's settings.</>
        )}
      </p>

      {open && inquiry.mcoEnrollment === 'not_enrolled' && <UnitLeadGate inquiry={inquiry} config={config} />}

      {w.resolution ? (
        <p className="resolution">
          <strong>{RESOLUTION_LABELS[w.resolution.type]}</strong> by {w.resolution.by.name}, {formatLong(w.resolution.at, zone)}.
        </p>
      ) : (
        <>
          <DueList items={items} now={now} inquiry={inquiry} config={config} onPause={(timer) => setStep({ pause: timer })} />
          <SnoozeNote inquiry={inquiry} now={now} zone={zone} />
        </>
      )}

      <dl className="process-facts">
        <div>
          <dt>First contact</dt>
          <dd>{w.firstContactAt ? formatLong(w.firstContactAt, zone) : 'Not yet'}</dd>
        </div>
        <div>
          <dt>Unanswered outreach</dt>
          <dd>
            {w.outreachAttempts} of {config.outreachMaxAttempts}
          </dd>
        </div>
        {w.referral && (
          <div>
            <dt>MCO referral</dt>
            <dd>
              {formatLong(w.referral.at, zone)}, {w.referral.department}
              {w.referral.reportedBackAt ? `; reported back ${formatLong(w.referral.reportedBackAt, zone)}` : '; no report-back yet'}
            </dd>
          </div>
        )}
      </dl>

      {open && scheduled.length > 0 && (
        <ul className="callbacks" aria-label="Scheduled callbacks">
          {scheduled.map((c) => (
            <li key={c.id}>
              Callback to the {c.party} at <strong>{formatLong(c.at, zone)}</strong> by {c.caller.name} on{' '}
              <span className="masked">{maskPhone(c.number)}</span>{' '}
              <button type="button" className="link-button" onClick={() => setStep({ outcomeOf: c.id })}>
                Record outcome<span className="visually-hidden"> of the callback at {formatLong(c.at, zone)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}

      <fieldset className="step-buttons">
        <legend className="visually-hidden">Next steps</legend>
        {open ? (
          <>
            <StepButton current={step} step="contact" onPick={setStep}>
              Record contact
            </StepButton>
            <StepButton current={step} step="callback" onPick={setStep}>
              Schedule callback
            </StepButton>
            {inquiry.mcoEnrollment !== 'not_enrolled' && (
              <StepButton current={step} step="refer" onPick={setStep}>
                {w.referral ? 'Refer again' : 'Refer to MCO'}
              </StepButton>
            )}
            {w.referral && (
              <>
                <StepButton current={step} step="reportBack" onPick={setStep}>
                  MCO reported back
                </StepButton>
                <StepButton current={step} step="followUp" onPick={setStep}>
                  Followed up with MCO
                </StepButton>
              </>
            )}
            {canSnooze && (
              <StepButton current={step} step="snooze" onPick={setStep}>
                {isSnoozed(inquiry, now) ? 'Change the snooze' : 'Snooze warnings'}
              </StepButton>
            )}
            <StepButton current={step} step="resolve" onPick={setStep}>
              Resolve
            </StepButton>
          </>
        ) : (
          <StepButton current={step} step="reopen" onPick={setStep}>
            Reopen
          </StepButton>
        )}
      </fieldset>

      {step === 'contact' && <ContactForm inquiry={inquiry} onDone={close} />}
      {step === 'callback' && <CallbackForm inquiry={inquiry} config={config} profile={profile} onDone={close} />}
      {step === 'refer' && <ReferralForm inquiry={inquiry} config={config} onDone={close} />}
      {step === 'reportBack' && <ReportBackForm inquiry={inquiry} onDone={close} />}
      {step === 'followUp' && <FollowUpForm inquiry={inquiry} onDone={close} />}
      {step === 'resolve' && <ResolveForm inquiry={inquiry} config={config} onDone={close} />}
      {step === 'reopen' && <ReopenForm inquiry={inquiry} onDone={close} />}
      {step === 'snooze' && <SnoozeForm inquiry={inquiry} cal={cal} zone={zone} onDone={close} />}
      {step !== null && typeof step === 'object' && 'outcomeOf' in step && (
        <CallbackOutcomeForm inquiry={inquiry} callbackId={step.outcomeOf} onDone={close} />
      )}
      {step !== null && typeof step === 'object' && 'pause' in step && <PauseForm inquiry={inquiry} timer={step.pause} onDone={close} />}
    </section>
  );
}

function StepButton({
  current,
  step,
  onPick,
  children,
}: {
  current: Step | null;
  step: Step;
  onPick: (s: Step) => void;
  children: ReactNode;
}) {
  return (
    <button type="button" className="secondary" aria-expanded={current === step} onClick={() => onPick(step)}>
      {children}
    </button>
  );
}

/** What is due, each item with its arithmetic on request and, where policy allows, a pause. */
export function DueList({
  items,
  now,
  inquiry,
  config,
  onPause,
}: {
  items: readonly DueItem[];
  now: Instant;
  inquiry: InquiryRecord;
  config: AgencyConfig;
  onPause: (timer: PausableTimer) => void;
}) {
  const zone = config.timeZone as TimeZone;
  const { repo } = useServices();
  const cal = useBusinessCalendar(config);
  const [failure, setFailure] = useState<string | null>(null);
  if (items.length === 0) return <p className="muted">Nothing is due on this inquiry.</p>;
  async function resume(timer: PausableTimer) {
    try {
      await repo.resumeTimer(inquiry.id, timer);
      setFailure(null);
    } catch (err) {
      setFailure((err as Error).message);
    }
  }
  return (
    <>
      <ul className="due-list" aria-label="What is due">
        {items.map((item) => {
          const state = dueState(item, now);
          const timer = (PAUSABLE_TIMERS as readonly string[]).includes(item.kind) ? (item.kind as PausableTimer) : null;
          const canPause = timer !== null && config.pausableTimers.includes(timer) && inquiry.status === 'open';
          return (
            <li key={`${item.kind}-${item.callbackId ?? ''}`} className={`due-item due-${state}`}>
              <div className="due-line">
                <span className={`badge due-${state}`}>{DUE_STATE_LABELS[state]}</span> <strong>{item.label}</strong>
                {item.owner ? ` (${item.owner.name})` : ''}:{' '}
                {item.target !== null && item.kind !== 'callback' && (
                  <>
                    target {formatLong(item.target, zone)}
                    {targetMissed(item, now) ? ' (missed)' : ''}, deadline{' '}
                  </>
                )}
                {item.kind === 'callback' ? `at ${formatLong(item.target ?? item.deadline, zone)}` : formatLong(item.deadline, zone)}
                {!item.paused && item.kind !== 'callback' && (
                  <span className="time-left"> · {businessTimeLeft(cal, now, item.deadline)}</span>
                )}
              </div>
              <WarningLine inquiry={inquiry} item={item} now={now} cal={cal} />
              {item.paused && (
                <p className="paused-note">
                  Paused {formatLong(item.paused.start, zone)} by {item.paused.by.name}: {item.paused.reason} (
                  {WAIT_LABELS[item.paused.waitingFor]}). The time above is from before the pause; it moves on by the office time the pause
                  takes when the timer runs again.
                </p>
              )}
              <div className="due-actions">
                {item.kind !== 'callback' && <Explanation item={item} inquiry={inquiry} config={config} />}
                {canPause && timer && item.paused && (
                  <button type="button" className="link-button" onClick={() => void resume(timer)}>
                    Resume<span className="visually-hidden"> the {item.label.toLowerCase()} timer</span>
                  </button>
                )}
                {canPause && timer && !item.paused && (
                  <button type="button" className="link-button" onClick={() => onPause(timer)}>
                    Pause<span className="visually-hidden"> the {item.label.toLowerCase()} timer</span>
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
    </>
  );
}

/** "81 % of the business time to the target used (past the 75 % warning)", for a running timer. */
function WarningLine({ inquiry, item, now, cal }: { inquiry: InquiryRecord; item: DueItem; now: Instant; cal: BusinessCalendar }) {
  const level = warningLevelOf(inquiry, item, now, cal);
  if (level === null || now >= item.deadline) return null;
  return (
    <p className={`warning-level${level.reached !== null ? ' warning-reached' : ''}`}>
      {level.percentUsed} % of the business time to the {level.of} used
      {level.reached !== null ? ` (past the ${level.reached} % warning)` : ''}.
    </p>
  );
}

/** The snooze in force, with a way to end it. */
function SnoozeNote({ inquiry, now, zone }: { inquiry: InquiryRecord; now: Instant; zone: TimeZone }) {
  const { repo } = useServices();
  const [failure, setFailure] = useState<string | null>(null);
  const snooze = snoozeOf(inquiry);
  if (snooze === null || !isSnoozed(inquiry, now)) return null;
  async function end() {
    try {
      await repo.endSnooze(inquiry.id);
      setFailure(null);
    } catch (err) {
      setFailure((err as Error).message);
    }
  }
  return (
    <div className="snooze-note" role="note" aria-label="Warnings snoozed">
      <p>
        <span className="badge due-snoozed">Snoozed</span> Warnings snoozed until <strong>{snoozeTimeText(snooze.until, zone)}</strong> by{' '}
        {snooze.by.name}
        {snooze.reason ? `: ${snooze.reason}` : ''}. Overdue still notifies.{' '}
        <button type="button" className="link-button" onClick={() => void end()}>
          End the snooze
        </button>
      </p>
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
    </div>
  );
}

const WAIT_LABELS: Record<(typeof PAUSE_WAITS)[number], string> = {
  person: 'a person resumes it',
  member_contact: 'resumes when the member is reached',
  mco_report: 'resumes when the MCO reports back',
};

/** "Why this time?": the due time's arithmetic in plain words, computed by the same code that sets due times. */
function Explanation({ item, inquiry, config }: { item: DueItem; inquiry: InquiryRecord; config: AgencyConfig }) {
  const [open, setOpen] = useState(false);
  const cal = useBusinessCalendar(config);
  const id = useId();
  const explanation = useMemo(() => (open ? explainDueItem(item, inquiry, config, cal) : null), [open, item, inquiry, config, cal]);
  return (
    <>
      <button type="button" className="link-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide why' : 'Why this time?'}
        <span className="visually-hidden"> ({item.label})</span>
      </button>
      {open && (
        <div id={id} className="explanation">
          {explanation?.parts.map((part) => (
            <p key={part.label}>
              <strong>{part.label}.</strong> {part.words.text}
            </p>
          ))}
          {explanation?.calendarChanged && (
            <p className="hint">
              The office hours, holidays or closures have changed since this time was set. The time stays as it was set; the explanation
              above counts with today's settings.
            </p>
          )}
        </div>
      )}
    </>
  );
}

function UnitLeadGate({ inquiry, config }: { inquiry: InquiryRecord; config: AgencyConfig }) {
  const message = useMemo(() => unitLeadMessage(inquiry, config), [inquiry, config]);
  const bridge = useBridge();
  const [copied, setCopied] = useState<string | null>(null);
  const text = `Subject: ${message.subject}\n\n${message.body}`;
  async function copy() {
    try {
      await bridge.copyText({ text });
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Could not copy: select the text and press Ctrl+C.');
    }
  }
  return (
    <div className="gate" role="note" aria-labelledby="gate-title">
      <h3 id="gate-title">In the unit lead callback queue</h3>
      <p>The member is not enrolled with an MCO, so the unit lead takes the callback. This message carries no member identifiers.</p>
      <label htmlFor="gate-message">Message for the unit lead</label>
      <textarea id="gate-message" readOnly rows={8} value={text} />
      <div className="actions">
        <button type="button" className="secondary" onClick={() => void copy()}>
          Copy message
        </button>
        <span role="status">{copied}</span>
      </div>
    </div>
  );
}

function NoteField({
  id,
  label,
  value,
  onChange,
  required,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  required?: boolean;
}) {
  return (
    <Field id={id} label={label} required={required}>
      {(props) => <textarea {...props} rows={3} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

function ContactForm({ inquiry, onDone }: { inquiry: InquiryRecord; onDone: () => void }) {
  const { repo } = useServices();
  const [party, setParty] = useState<(typeof PARTIES)[number]>('member');
  const [method, setMethod] = useState<(typeof OUTREACH_METHODS)[number]>('call');
  const [reached, setReached] = useState(false);
  const [note, setNote] = useState('');
  return (
    <StepForm
      title="Record a contact or an outreach attempt"
      submitLabel="Record contact"
      onDone={onDone}
      onSubmit={() => repo.recordOutreach(inquiry.id, { party, method, reached, note })}
    >
      <RadioGroup id="contact-party" legend="With" options={PARTY_OPTIONS} value={party} onChange={setParty} />
      <Field id="contact-method" label="How">
        {(props) => (
          <select {...props} value={method} onChange={(e) => setMethod(e.target.value as typeof method)}>
            {OUTREACH_METHODS.map((m) => (
              <option key={m} value={m}>
                {METHOD_LABELS[m]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field checkbox">
        <label>
          <input type="checkbox" checked={reached} onChange={(e) => setReached(e.target.checked)} /> Reached the person (this is the first
          contact the timer waits for)
        </label>
      </div>
      <NoteField id="contact-note" label="Note" value={note} onChange={setNote} />
    </StepForm>
  );
}

function ReferralForm({ inquiry, config, onDone }: { inquiry: InquiryRecord; config: AgencyConfig; onDone: () => void }) {
  const { repo } = useServices();
  const mcos = config.mcos.filter((m) => m.active || m.id === inquiry.mcoId);
  const [mcoId, setMcoId] = useState(inquiry.mcoId || mcos[0]?.id || '');
  const mco = config.mcos.find((m) => m.id === mcoId);
  const [department, setDepartment] = useState(mco?.departments[0]?.name ?? '');
  const contacts = mco?.departments.find((d) => d.name === department)?.contacts ?? [];
  const [contact, setContact] = useState('');
  const [note, setNote] = useState('');
  const listId = useId();
  return (
    <StepForm
      title="Refer to the MCO"
      submitLabel="Record referral"
      onDone={onDone}
      onSubmit={() => repo.referToMco(inquiry.id, { mcoId, department, contact, note })}
    >
      <Field id="refer-mco" label="MCO" required>
        {(props) => (
          <select
            {...props}
            value={mcoId}
            onChange={(e) => {
              setMcoId(e.target.value);
              setDepartment(config.mcos.find((m) => m.id === e.target.value)?.departments[0]?.name ?? '');
            }}
          >
            {mcos.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="refer-department" label="Department" required hint="From the MCO directory; type another if it is not listed.">
        {(props) => (
          <>
            <input {...props} list={`${listId}-dept`} value={department} onChange={(e) => setDepartment(e.target.value)} />
            <datalist id={`${listId}-dept`}>
              {mco?.departments.map((d) => (
                <option key={d.name} value={d.name} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field id="refer-contact" label="Contact at the MCO">
        {(props) => (
          <>
            <input {...props} list={`${listId}-contact`} value={contact} onChange={(e) => setContact(e.target.value)} />
            <datalist id={`${listId}-contact`}>
              {contacts.map((c) => (
                <option key={c.name} value={[c.name, c.phone, c.email].filter(Boolean).join(', ')} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <NoteField id="refer-note" label="Note" value={note} onChange={setNote} />
    </StepForm>
  );
}

function ReportBackForm({ inquiry, onDone }: { inquiry: InquiryRecord; onDone: () => void }) {
  const { repo } = useServices();
  const [contacted, setContacted] = useState<'yes' | 'no'>('yes');
  const [note, setNote] = useState('');
  return (
    <StepForm
      title="The MCO reported back"
      submitLabel="Record report-back"
      onDone={onDone}
      onSubmit={() => repo.recordMcoReportBack(inquiry.id, { memberContacted: contacted === 'yes', note })}
    >
      <RadioGroup
        id="report-contacted"
        legend="Has the MCO contacted the member?"
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'Not yet' },
        ]}
        value={contacted}
        onChange={setContacted}
      />
      <NoteField id="report-note" label="What the MCO reported" value={note} onChange={setNote} required />
    </StepForm>
  );
}

function FollowUpForm({ inquiry, onDone }: { inquiry: InquiryRecord; onDone: () => void }) {
  const { repo } = useServices();
  const [note, setNote] = useState('');
  return (
    <StepForm
      title="Followed up with the MCO"
      submitLabel="Record follow-up"
      onDone={onDone}
      onSubmit={() => repo.recordMcoFollowUp(inquiry.id, { note })}
    >
      <NoteField id="followup-note" label="Whom you reached and what they said" value={note} onChange={setNote} required />
    </StepForm>
  );
}

function CallbackForm({
  inquiry,
  config,
  profile,
  onDone,
}: {
  inquiry: InquiryRecord;
  config: AgencyConfig;
  profile: Profile;
  onDone: () => void;
}) {
  const { repo, clock } = useServices();
  const people = usePeople();
  const zone = config.timeZone as TimeZone;
  const [party, setParty] = useState<(typeof PARTIES)[number]>('member');
  const [number, setNumber] = useState(inquiry.callbackPhone || inquiry.memberPhone);
  const [day, setDay] = useState(() => {
    const d = isoDayOf(clock.now(), zone);
    return `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)}`;
  });
  const [time, setTime] = useState('');
  const [callerId, setCallerId] = useState(profile.id);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ day?: string; time?: string }>({});
  const callers: PersonRef[] = people.some((p) => p.id === profile.id)
    ? people
    : [{ id: profile.id, name: profile.displayName }, ...people];

  async function submit() {
    const iso = parseTypedDay(day);
    const t = parseTypedTime(time);
    const next = {
      day: iso ? undefined : 'Type the day as mm/dd/yyyy, for example 11/24/2026.',
      time: t ? undefined : 'Type the time as 14:30 or 2:30 pm.',
    };
    setErrors(next);
    if (!iso || !t) throw new Error('Fix the callback day and time.');
    const parts = parseIsoDay(iso) as { year: number; month: number; day: number };
    const at = zonedToInstant({ ...parts, hour: t.hour, minute: t.minute }, zone);
    const caller = callers.find((p) => p.id === callerId) ?? { id: profile.id, name: profile.displayName };
    await repo.scheduleCallback(inquiry.id, { party, number, at, caller, note });
  }

  return (
    <StepForm title="Schedule a callback" submitLabel="Schedule callback" onDone={onDone} onSubmit={submit}>
      <RadioGroup id="callback-party" legend="Call" options={PARTY_OPTIONS} value={party} onChange={setParty} />
      <Field id="callback-number" label="Number" required>
        {(props) => <input {...props} value={number} onChange={(e) => setNumber(e.target.value)} autoComplete="off" />}
      </Field>
      {inquiry.callbackAvailability && (
        <p className="hint">
          The member said they are available: <strong>{inquiry.callbackAvailability}</strong>
        </p>
      )}
      <div className="field-row">
        <Field id="callback-day" label="Day" required hint="mm/dd/yyyy" error={errors.day}>
          {(props) => <input {...props} value={day} onChange={(e) => setDay(e.target.value)} />}
        </Field>
        <Field id="callback-time" label="Time" required hint="14:30 or 2:30 pm, agency time" error={errors.time}>
          {(props) => <input {...props} value={time} onChange={(e) => setTime(e.target.value)} />}
        </Field>
      </div>
      <Field id="callback-caller" label="Who calls">
        {(props) => (
          <select {...props} value={callerId} onChange={(e) => setCallerId(e.target.value)}>
            {callers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NoteField id="callback-note" label="Note" value={note} onChange={setNote} />
    </StepForm>
  );
}

const OUTCOMES: { value: CallbackOutcome; label: string }[] = [
  { value: 'reached', label: 'Reached' },
  { value: 'no_answer', label: 'No answer' },
  { value: 'voicemail', label: 'Left a voicemail' },
  { value: 'cancelled', label: 'Cancelled' },
];

function CallbackOutcomeForm({ inquiry, callbackId, onDone }: { inquiry: InquiryRecord; callbackId: string; onDone: () => void }) {
  const { repo } = useServices();
  const [outcome, setOutcome] = useState<CallbackOutcome>('reached');
  const [note, setNote] = useState('');
  return (
    <StepForm
      title="Record the callback"
      submitLabel="Record outcome"
      onDone={onDone}
      onSubmit={() => repo.closeCallback(inquiry.id, { callbackId, outcome, note })}
    >
      <RadioGroup id="callback-outcome" legend="Outcome" options={OUTCOMES} value={outcome} onChange={setOutcome} />
      <NoteField id="callback-outcome-note" label="Note" value={note} onChange={setNote} />
    </StepForm>
  );
}

function ResolveForm({ inquiry, config, onDone }: { inquiry: InquiryRecord; config: AgencyConfig; onDone: () => void }) {
  const { repo } = useServices();
  const options = RESOLUTIONS.map((r) => ({ value: r, blocked: resolutionBlocked(inquiry, r, config.outreachMaxAttempts) }));
  const [resolution, setResolution] = useState<Resolution>(options.find((o) => !o.blocked)?.value ?? 'agency');
  const [text, setText] = useState('');
  const blocked = options.find((o) => o.value === resolution)?.blocked;
  return (
    <StepForm
      title="Resolve the inquiry"
      submitLabel="Resolve"
      onDone={onDone}
      onSubmit={() => repo.resolve(inquiry.id, { resolution, text })}
    >
      <RadioGroup
        id="resolve-how"
        legend="How it ended"
        options={options.map((o) => ({ value: o.value, label: RESOLUTION_LABELS[o.value] }))}
        value={resolution}
        onChange={setResolution}
        error={blocked ?? undefined}
      />
      <NoteField id="resolve-text" label="What was done" value={text} onChange={setText} required />
    </StepForm>
  );
}

function PauseForm({ inquiry, timer, onDone }: { inquiry: InquiryRecord; timer: PausableTimer; onDone: () => void }) {
  const { repo } = useServices();
  const [reason, setReason] = useState('');
  const [waitingFor, setWaitingFor] = useState<(typeof PAUSE_WAITS)[number]>('person');
  const options = PAUSE_WAITS.filter((w) => w !== 'mco_report' || timer === 'mco_follow_up').map((w) => ({
    value: w,
    label: { person: 'Until someone resumes it', member_contact: 'Until the member is reached', mco_report: 'Until the MCO reports back' }[
      w
    ],
  }));
  return (
    <StepForm
      title={`Pause the ${TIMER_LABELS[timer]}`}
      submitLabel="Pause timer"
      onDone={onDone}
      onSubmit={() => repo.pauseTimer(inquiry.id, { timer, reason, waitingFor })}
    >
      <NoteField id="pause-reason" label="Why (the agency is waiting on whom, for what)" value={reason} onChange={setReason} required />
      <RadioGroup id="pause-until" legend="Paused" options={options} value={waitingFor} onChange={setWaitingFor} />
    </StepForm>
  );
}

type SnoozePreset = 'hour' | 'day' | 'next' | 'custom';

const nextIsoDay = (day: IsoDay): IsoDay => {
  const p = parseIsoDay(day) as { year: number; month: number; day: number };
  return new Date(Date.UTC(p.year, p.month - 1, p.day + 1)).toISOString().slice(0, 10) as IsoDay;
};

/** The opening of the first business day after the one containing `now` (the calendar's office windows). */
function nextOpening(cal: BusinessCalendar, now: Instant): Instant {
  let day = businessDayOf(cal, now);
  for (let i = 0; i < 400; i++) {
    day = nextIsoDay(day);
    const hours = officeHoursOn(cal, day);
    if (hours) return hours.open;
  }
  return addBusinessMinutes(cal, now, cal.businessDayMinutes);
}

/** Snooze with presets (an hour, the rest of the office day, until the next business day opens) or a chosen time. */
function SnoozeForm({ inquiry, cal, zone, onDone }: { inquiry: InquiryRecord; cal: BusinessCalendar; zone: TimeZone; onDone: () => void }) {
  const { repo, clock } = useServices();
  const now = clock.now();
  const [preset, setPreset] = useState<SnoozePreset>('hour');
  const [day, setDay] = useState(() => {
    const d = isoDayOf(now, zone);
    return `${d.slice(5, 7)}/${d.slice(8, 10)}/${d.slice(0, 4)}`;
  });
  const [time, setTime] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ day?: string; time?: string }>({});
  const presets = useMemo(() => {
    const hour = (now + 3_600_000) as Instant;
    const endOfDay = endOfBusinessDay(cal, now);
    const next = nextOpening(cal, now);
    return { hour, day: endOfDay, next };
  }, [cal, now]);
  const options: { value: SnoozePreset; label: string }[] = [
    { value: 'hour', label: `1 hour (until ${snoozeTimeText(presets.hour, zone)})` },
    { value: 'day', label: `The rest of the office day (until ${snoozeTimeText(presets.day, zone)})` },
    { value: 'next', label: `Until the next business day opens (${snoozeTimeText(presets.next, zone)})` },
    { value: 'custom', label: 'Until a day and time I choose' },
  ];

  async function submit() {
    let until: Instant;
    if (preset === 'custom') {
      const iso = parseTypedDay(day);
      const t = parseTypedTime(time);
      const next = {
        day: iso ? undefined : 'Type the day as mm/dd/yyyy, for example 11/24/2026.',
        time: t ? undefined : 'Type the time as 14:30 or 2:30 pm.',
      };
      setErrors(next);
      if (!iso || !t) throw new Error('Fix the day and time the warnings come back.');
      const parts = parseIsoDay(iso) as { year: number; month: number; day: number };
      until = zonedToInstant({ ...parts, hour: t.hour, minute: t.minute }, zone);
    } else {
      setErrors({});
      until = presets[preset];
    }
    await repo.snoozeWarnings(inquiry.id, { until, reason });
  }

  return (
    <StepForm title="Snooze warnings" submitLabel="Snooze warnings" onDone={onDone} onSubmit={submit}>
      <p className="hint">
        No warning or "due now" notification for this inquiry until then; overdue still notifies and the queues do not change. At most{' '}
        {MAX_SNOOZE_BUSINESS_DAYS} business days.
      </p>
      <RadioGroup id="snooze-preset" legend="Snooze for" options={options} value={preset} onChange={setPreset} />
      {preset === 'custom' && (
        <div className="field-row">
          <Field id="snooze-day" label="Day" required hint="mm/dd/yyyy" error={errors.day}>
            {(props) => <input {...props} value={day} onChange={(e) => setDay(e.target.value)} autoComplete="off" />}
          </Field>
          <Field id="snooze-time" label="Time" required hint="14:30 or 2:30 pm, agency time" error={errors.time}>
            {(props) => <input {...props} value={time} onChange={(e) => setTime(e.target.value)} autoComplete="off" />}
          </Field>
        </div>
      )}
      <Field id="snooze-reason" label="Why (optional)" hint="Shown in the timeline, for example: waiting for the member's callback.">
        {(props) => <input {...props} value={reason} maxLength={400} onChange={(e) => setReason(e.target.value)} autoComplete="off" />}
      </Field>
    </StepForm>
  );
}

function ReopenForm({ inquiry, onDone }: { inquiry: InquiryRecord; onDone: () => void }) {
  const { repo } = useServices();
  const [reason, setReason] = useState('');
  return (
    <StepForm title="Reopen the inquiry" submitLabel="Reopen" onDone={onDone} onSubmit={() => repo.reopen(inquiry.id, { reason })}>
      <NoteField id="reopen-reason" label="Why it is reopened" value={reason} onChange={setReason} required />
    </StepForm>
  );
}
