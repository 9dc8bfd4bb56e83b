import { useId, useMemo, useState } from 'react';
import { type AgencyConfig, priorityLevel } from '../../shared/config/agencyConfig';
import { failureText } from '../../shared/errors';
import { RESOLUTION_LABELS } from '../../shared/inquiry/commands/resolveInquiry';
import { isSnoozed, snoozeTimeText } from '../../shared/inquiry/commands/snoozeWarnings';
import { isUnitLeadCallback } from '../../shared/inquiry/commands/targets';
import { DUE_STATE_LABELS, type DueItem, type DueState, dueItems, dueState } from '../../shared/inquiry/due';
import { PAUSABLE_TIMERS, type PAUSE_WAITS, type PausableTimer } from '../../shared/inquiry/events';
import { explainDueItem } from '../../shared/inquiry/explainDue';
import { maskPhone } from '../../shared/inquiry/mask';
import { governingDue, nextDueWords, whichLabel } from '../../shared/inquiry/nextDue';
import { type InquiryRecord, snoozeOf } from '../../shared/inquiry/projection';
import { warningLevelOf } from '../../shared/inquiry/warnings';
import { warningPolicy } from '../../shared/inquiry/warningTimes';
import type { Profile } from '../../shared/people';
import type { BusinessCalendar } from '../../shared/time/calendar';
import type { Instant, TimeZone } from '../../shared/time/types';
import { formatLong, inSentence } from '../app/format';
import { FormError } from '../components/ErrorSummary';
import { useBusinessCalendar } from '../data/calendar';
import { useServices } from '../data/hooks';
import { useNow } from '../data/useNow';
import { CallbackForm } from './steps/CallbackForm';
import { CallbackOutcomeForm } from './steps/CallbackOutcomeForm';
import { ContactForm } from './steps/ContactForm';
import { FollowUpForm } from './steps/FollowUpForm';
import { StepButton } from './steps/fields';
import { PauseForm } from './steps/PauseForm';
import { ReferralForm } from './steps/ReferralForm';
import { ReopenForm } from './steps/ReopenForm';
import { ReportBackForm } from './steps/ReportBackForm';
import { ResolveForm } from './steps/ResolveForm';
import { SnoozeForm } from './steps/SnoozeForm';
import { UnitLeadGate } from './steps/UnitLeadGate';
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

/**
 * The process of SPEC.md for one inquiry: what is due and when, the MCO gate's message, and the
 * next steps (each one event in the timeline).
 */
export function ProcessPanel({ inquiry, config, profile }: { inquiry: InquiryRecord; config: AgencyConfig; profile: Profile }) {
  const now = useNow({ freshWhen: inquiry });
  const [step, setStep] = useState<Step | null>(null);
  const zone = config.timeZone;
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
        {isUnitLeadCallback(inquiry) ? (
          <>
            <strong>Unit lead callback</strong>: the member is not enrolled with an MCO; a unit lead calls back by the end of{' '}
            {config.unitLeadCallbackDays === 1 ? 'the next business day' : `${config.unitLeadCallbackDays} business days`}. No priority.
          </>
        ) : level ? (
          <>
            <strong>{level.label}</strong>: {level.path === 'high' ? 'the liaison works it end to end' : 'an ESR works it'}; first contact
            within {durationText(level.firstContactTarget)} (deadline {durationText(level.firstContactDeadline)}).
          </>
        ) : (
          <>Priority {inquiry.priority || 'not set'}: no timer policy in this desk's settings.</>
        )}
      </p>

      {open && inquiry.mcoEnrollment === 'not_enrolled' && <UnitLeadGate inquiry={inquiry} config={config} profile={profile} />}

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
  const zone = config.timeZone;
  const { repo } = useServices();
  const cal = useBusinessCalendar(config);
  const [failure, setFailure] = useState<string | null>(null);
  if (items.length === 0) return <p className="muted">Nothing is due on this inquiry.</p>;
  async function resume(timer: PausableTimer) {
    try {
      await repo.resumeTimer(inquiry.id, timer);
      setFailure(null);
    } catch (err) {
      setFailure(failureText(err));
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
                <DueLine item={item} state={state} now={now} zone={zone} cal={cal} />
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
                    Resume<span className="visually-hidden"> the {inSentence(item.label)} timer</span>
                  </button>
                )}
                {canPause && timer && !item.paused && (
                  <button type="button" className="link-button" onClick={() => onPause(timer)}>
                    Pause<span className="visually-hidden"> the {inSentence(item.label)} timer</span>
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <FormError message={failure} />
    </>
  );
}

/**
 * One due item by the one next-due rule (shared/inquiry/nextDue.ts): the instant that governs now, named, with the
 * countdown to it; the other instant after it without one. A paused item shows its recorded times, no countdown.
 */
function DueLine({ item, state, now, zone, cal }: { item: DueItem; state: DueState; now: Instant; zone: TimeZone; cal: BusinessCalendar }) {
  const head = (
    <>
      <span className={`badge due-${state}`}>{DUE_STATE_LABELS[state]}</span> <strong>{item.label}</strong>
      {item.owner ? ` (${item.owner.name})` : ''}:{' '}
    </>
  );
  const g = governingDue([item], now);
  if (item.paused || g === null) {
    return (
      <>
        {head}
        {item.target !== null && `${whichLabel({ item, which: 'target' })} ${formatLong(item.target, zone)}, `}
        {whichLabel({ item, which: 'deadline' }).toLowerCase()} {formatLong(item.deadline, zone)}
      </>
    );
  }
  const words = nextDueWords(g, now, cal);
  const other = g.which === 'target' ? item.deadline : item.target;
  return (
    <>
      {head}
      <strong>
        {words.which} {formatLong(words.at, zone)}
      </strong>
      {words.note && ` (${words.note})`} · <span className={`time-left${state === 'overdue' ? ' late' : ''}`}>{words.countdown}</span>
      {other !== null && item.kind !== 'callback' && (
        <span className="muted">
          {' '}
          ({g.which === 'target' ? 'deadline' : 'target was'} {formatLong(other, zone)})
        </span>
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
      setFailure(failureText(err));
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
      <FormError message={failure} />
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
