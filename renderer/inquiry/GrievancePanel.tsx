import { useEffect, useRef, useState } from 'react';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import { RESPONSIBLE_ENTITY_LABELS } from '../../shared/inquiry/commands/classifyAsComplaint';
import { GRIEVANCE_OUTCOME_LABELS } from '../../shared/inquiry/commands/recordGrievanceOutcome';
import { RESOLUTION_LABELS } from '../../shared/inquiry/commands/resolveInquiry';
import { GRIEVANCE_OUTCOMES, type GrievanceOutcome, RESPONSIBLE_ENTITIES, type ResponsibleEntity } from '../../shared/inquiry/events';
import { type GrievanceState, grievanceOf, type InquiryRecord } from '../../shared/inquiry/projection';
import { formatTypedDay } from '../../shared/time/typedInput';
import type { TimeZone } from '../../shared/time/types';
import { isoDayOf } from '../../shared/time/zone';
import { formatLong } from '../app/format';
import { Field, Options, RadioGroup } from '../components/Field';
import { StepForm } from '../components/StepForm';
import { useServices } from '../data/hooks';
import { NoteField, StepButton } from './steps/fields';
import { useWhen } from './steps/WhenField';
import './grievance.css';

/*
 * "Complaint (grievance)": whether the inquiry is a complaint, and the grievance record it keeps
 * (42 CFR 438.416): who is responsible, the reason, each review's date, the finding; the resolution
 * and its date are the inquiry's own. Every step is one timeline entry.
 */

type Step = 'classify' | 'review' | 'outcome' | 'notComplaint';

const ENTITY_OPTIONS = RESPONSIBLE_ENTITIES.map((e) => ({
  value: e,
  label: { mco: 'The MCO', agency: 'The agency', provider: 'A provider', other: 'Someone else' }[e],
}));
const OUTCOME_OPTIONS = GRIEVANCE_OUTCOMES.map((o) => ({ value: o, label: GRIEVANCE_OUTCOME_LABELS[o] }));
const STEP_BUTTON_IDS: Record<Step, string> = {
  classify: 'grievance-classify',
  review: 'grievance-review',
  outcome: 'grievance-outcome',
  notComplaint: 'grievance-not-complaint',
};

export function GrievancePanel({ inquiry, config }: { inquiry: InquiryRecord; config: AgencyConfig }) {
  const [step, setStep] = useState<Step | null>(null);
  const [done, setDone] = useState('');
  const titleRef = useRef<HTMLHeadingElement>(null);
  const g = grievanceOf(inquiry);
  const zone = config.timeZone;

  const returnTo = useRef<string | null>(null);
  /** Closes the form; focus goes back where the person was: its button, or the heading when that button has gone. */
  const close = (recorded?: string) => {
    returnTo.current = step ? STEP_BUTTON_IDS[step] : null;
    setStep(null);
    if (recorded) setDone(recorded);
  };
  useEffect(() => {
    if (step !== null || returnTo.current === null) return;
    const opener = document.getElementById(returnTo.current);
    returnTo.current = null;
    (opener ?? titleRef.current)?.focus();
  });
  const pick = (s: Step) => {
    setDone('');
    setStep((current) => (current === s ? null : s));
  };

  return (
    <section className="process grievance-panel" aria-labelledby="grievance-title">
      <h2 id="grievance-title" tabIndex={-1} ref={titleRef}>
        Complaint (grievance)
      </h2>
      {g ? (
        <GrievanceFacts inquiry={inquiry} g={g} zone={zone} />
      ) : (
        <p className="path">
          Logged as an <strong>inquiry</strong>, not a complaint. When the member or originator is expressing dissatisfaction with the MCO,
          a provider or the agency, classify it as a complaint: it then joins the grievance record and its report.
        </p>
      )}
      <fieldset className="step-buttons grievance-steps">
        <legend className="visually-hidden">Complaint steps</legend>
        {g ? (
          <>
            <StepButton id={STEP_BUTTON_IDS.review} current={step} step="review" onPick={pick}>
              Record a review
            </StepButton>
            <StepButton id={STEP_BUTTON_IDS.outcome} current={step} step="outcome" onPick={pick}>
              {g.outcome ? 'Change the outcome' : 'Record the outcome'}
            </StepButton>
            <StepButton id={STEP_BUTTON_IDS.classify} current={step} step="classify" onPick={pick}>
              Change the classification
            </StepButton>
            <StepButton id={STEP_BUTTON_IDS.notComplaint} current={step} step="notComplaint" onPick={pick}>
              Not a complaint
            </StepButton>
          </>
        ) : (
          <StepButton id={STEP_BUTTON_IDS.classify} current={step} step="classify" onPick={pick}>
            Classify as complaint
          </StepButton>
        )}
      </fieldset>
      <p role="status" className="visually-hidden">
        {done}
      </p>
      {step === 'classify' && <ClassifyForm inquiry={inquiry} g={g} config={config} onDone={close} />}
      {step === 'review' && <ReviewForm inquiry={inquiry} zone={zone} onDone={close} />}
      {step === 'outcome' && g && <OutcomeForm inquiry={inquiry} g={g} onDone={close} />}
      {step === 'notComplaint' && <NotComplaintForm inquiry={inquiry} onDone={close} />}
    </section>
  );
}

function GrievanceFacts({ inquiry, g, zone }: { inquiry: InquiryRecord; g: GrievanceState; zone: TimeZone }) {
  const resolution = inquiry.workflow.resolution;
  return (
    <>
      <p className="path">
        A <strong>complaint</strong>, classified by {g.classifiedBy.name} on {formatLong(g.classifiedAt, zone)}.
      </p>
      <dl className="grievance-facts">
        <div>
          <dt>Responsible</dt>
          <dd>{RESPONSIBLE_ENTITY_LABELS[g.responsibleEntity]}</dd>
        </div>
        <div>
          <dt>Reason category</dt>
          <dd>{g.reasonCategory}</dd>
        </div>
        <div>
          <dt>Date received</dt>
          <dd>{formatTypedDay(isoDayOf(inquiry.receivedAt, zone))}</dd>
        </div>
        <div className="wide">
          <dt>Reason</dt>
          <dd className="note-text">{g.reason}</dd>
        </div>
        <div className="wide">
          <dt>Reviews</dt>
          <dd>
            {g.reviews.length === 0 ? (
              'None recorded yet'
            ) : (
              <ul className="grievance-reviews">
                {g.reviews.map((r) => (
                  <li key={`${r.at}-${r.on}`}>
                    <strong>{formatTypedDay(r.on)}</strong> ({r.by.name}): <span className="note-text">{r.note}</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div className="span2">
          <dt>Outcome</dt>
          <dd>
            {g.outcome ? (
              <>
                <strong>{GRIEVANCE_OUTCOME_LABELS[g.outcome.outcome]}</strong> ({g.outcome.by.name}, {formatLong(g.outcome.at, zone)})
                {g.outcome.note ? `: ${g.outcome.note}` : ''}
              </>
            ) : (
              'Not yet determined'
            )}
          </dd>
        </div>
        <div>
          <dt>Resolution</dt>
          <dd>
            {resolution
              ? `${RESOLUTION_LABELS[resolution.type]}, ${formatTypedDay(isoDayOf(resolution.at, zone))}`
              : 'Not resolved yet (resolve it under Process)'}
          </dd>
        </div>
      </dl>
    </>
  );
}

function ClassifyForm({
  inquiry,
  g,
  config,
  onDone,
}: {
  inquiry: InquiryRecord;
  g: GrievanceState | null;
  config: AgencyConfig;
  onDone: (recorded?: string) => void;
}) {
  const { repo } = useServices();
  const [entity, setEntity] = useState<ResponsibleEntity>(g?.responsibleEntity ?? 'mco');
  const categories =
    g && !config.grievanceReasons.includes(g.reasonCategory) ? [...config.grievanceReasons, g.reasonCategory] : config.grievanceReasons;
  const [category, setCategory] = useState(g?.reasonCategory ?? '');
  const [reason, setReason] = useState(g?.reason ?? '');
  return (
    <StepForm
      className="grievance-form"
      title={g ? 'Change the classification' : 'Classify as a complaint (grievance)'}
      submitLabel={g ? 'Save the classification' : 'Record as complaint'}
      onDone={onDone}
      onSubmit={async () => {
        await repo.classifyAsComplaint(inquiry.id, { responsibleEntity: entity, reason, reasonCategory: category });
        return g ? 'Classification changed.' : 'Classified as a complaint.';
      }}
    >
      <RadioGroup
        id="complaint-entity"
        legend="Who the complaint is about"
        options={ENTITY_OPTIONS}
        value={entity}
        onChange={setEntity}
        required
      />
      <Field id="complaint-category" label="Reason category" required hint="What the annual managed-care report counts it under.">
        {(props) => (
          <select {...props} value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">Choose a reason…</option>
            <Options options={categories.map((c) => ({ value: c, label: c }))} />
          </select>
        )}
      </Field>
      <NoteField
        id="complaint-reason"
        label="General description of the reason"
        hint="In general words, without the member's name or ID: the grievance record is exported."
        value={reason}
        onChange={setReason}
        required
      />
    </StepForm>
  );
}

/** A review on the day it took place: the When says when (its day is the review's date in the record). */
function ReviewForm({ inquiry, zone, onDone }: { inquiry: InquiryRecord; zone: TimeZone; onDone: (recorded?: string) => void }) {
  const { repo, clock } = useServices();
  const [note, setNote] = useState('');
  const when = useWhen(inquiry);
  return (
    <StepForm
      className="grievance-form"
      title="Record a review of the complaint"
      submitLabel="Record review"
      onDone={onDone}
      when={{ ...when, label: 'When the review (or review meeting) took place', id: 'review-when' }}
      onSubmit={async (happened) => {
        await repo.recordGrievanceReview(inquiry.id, { note, ...happened });
        return `Review of ${formatTypedDay(isoDayOf(happened.happenedAt ?? clock.now(), zone))} recorded.`;
      }}
    >
      <NoteField id="review-note" label="Who reviewed it and what the review found" value={note} onChange={setNote} required />
    </StepForm>
  );
}

function OutcomeForm({ inquiry, g, onDone }: { inquiry: InquiryRecord; g: GrievanceState; onDone: (recorded?: string) => void }) {
  const { repo } = useServices();
  const [outcome, setOutcome] = useState<GrievanceOutcome>(g.outcome?.outcome ?? 'substantiated');
  const [note, setNote] = useState(g.outcome?.note ?? '');
  const when = useWhen(inquiry);
  return (
    <StepForm
      className="grievance-form"
      title="The outcome of the complaint"
      submitLabel="Record outcome"
      onDone={onDone}
      when={{ ...when, label: 'When it was decided', id: 'complaint-outcome-when' }}
      onSubmit={async (happened) => {
        await repo.recordGrievanceOutcome(inquiry.id, { outcome, note, ...happened });
        return `Outcome recorded: ${GRIEVANCE_OUTCOME_LABELS[outcome]}.`;
      }}
    >
      <RadioGroup id="complaint-outcome" legend="Finding" options={OUTCOME_OPTIONS} value={outcome} onChange={setOutcome} required />
      <NoteField id="complaint-outcome-note" label="What the finding rests on" value={note} onChange={setNote} />
    </StepForm>
  );
}

function NotComplaintForm({ inquiry, onDone }: { inquiry: InquiryRecord; onDone: (recorded?: string) => void }) {
  const { repo } = useServices();
  const [note, setNote] = useState('');
  return (
    <StepForm
      className="grievance-form"
      title="Not a complaint: reclassify as an inquiry"
      submitLabel="Reclassify as inquiry"
      onDone={onDone}
      onSubmit={async () => {
        await repo.classifyAsInquiry(inquiry.id, { note });
        return 'Reclassified as an inquiry.';
      }}
    >
      <p className="hint">It leaves the grievance record; its classification, reviews and outcome stay in the timeline.</p>
      <NoteField id="not-complaint-note" label="Why it is not a complaint" value={note} onChange={setNote} required />
    </StepForm>
  );
}
