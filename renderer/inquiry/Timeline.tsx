import { type FormEvent, useMemo, useState } from 'react';
import { type AgencyConfig, mcoName, type PolicyDuration, priorityLabel } from '../../shared/config/agencyConfig';
import { DomainError, failureText } from '../../shared/errors';
import { oldLogLine } from '../../shared/import/people';
import { NOTE_MAX_LENGTH } from '../../shared/inquiry/commands/addNote';
import { RESPONSIBLE_ENTITY_LABELS } from '../../shared/inquiry/commands/classifyAsComplaint';
import { TIMER_LABELS } from '../../shared/inquiry/commands/pauseTimer';
import { GRIEVANCE_OUTCOME_LABELS } from '../../shared/inquiry/commands/recordGrievanceOutcome';
import { messageSentText } from '../../shared/inquiry/commands/recordMessageSent';
import { RESOLUTION_LABELS } from '../../shared/inquiry/commands/resolveInquiry';
import { snoozeTimeText } from '../../shared/inquiry/commands/snoozeWarnings';
import type { InquiryEvent, InquiryImported } from '../../shared/inquiry/events';
import { FIELD_LABELS } from '../../shared/inquiry/fields';
import { happenedAt, recordedLater } from '../../shared/inquiry/happened';
import { maskPhone } from '../../shared/inquiry/mask';
import type { Profile } from '../../shared/people';
import { supersededEdits } from '../../shared/sync/conflicts';
import { formatTypedDay } from '../../shared/time/typedInput';
import { asInstant, type Instant, type TimeZone } from '../../shared/time/types';
import { isoDayOf } from '../../shared/time/zone';
import { formatLong, formatTime } from '../app/format';
import { HistoryMark } from '../chain/HistoryMark';
import { usePending } from '../components/usePending';
import { findingsByEvent, useChainFindings } from '../data/chainHooks';
import { useInquiry, useServices, useTimeline } from '../data/hooks';
import { useWhen, useWhenState, WhenField } from './steps/WhenField';
import '../chain/history.css';
import { ImportedMark, ImportedRecord } from '../leads/ImportedEntry';
import { displayValue } from './display';

/** The inquiry's timeline, newest first, with the note composer on top. Entries are never edited or removed. */
export function Timeline({
  inquiryId,
  config,
  reveal,
  profile,
}: {
  inquiryId: string;
  config: AgencyConfig;
  reveal: boolean;
  profile: Profile;
}) {
  const events = useTimeline(inquiryId);
  const zone = config.timeZone;
  // Edits overwritten by a simultaneous edit on another desk (sync): kept and flagged, never hidden.
  const superseded = useMemo(() => supersededEdits(events ?? []), [events]);
  // Entries the history checks found changed, put in or cut off from their desk's chain (renderer/chain/).
  const findings = useChainFindings();
  const broken = useMemo(() => findingsByEvent(findings ?? []), [findings]);
  // The import that brought the inquiry from the old log: who logged it there, who imported it and when.
  const origin = events?.find((e): e is InquiryImported => e.type === 'InquiryImported' && e.payload.kind === 'new');
  return (
    <section className="timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <NoteComposer inquiryId={inquiryId} profile={profile} />
      {events === undefined ? (
        <p aria-busy="true">Loading the timeline…</p>
      ) : (
        <ol className="timeline-list" aria-label="Timeline entries, newest first">
          {[...events].reverse().map((e) => (
            <li key={e.id} className={`entry entry-${e.type}${broken.has(e.id) ? ' entry-tampered' : ''}`}>
              <p className="entry-meta">
                <strong>{e.actor.name}</strong> <EntryTime event={e} zone={zone} />
                {e.imported && e.type !== 'InquiryImported' && <ImportedMark />}
              </p>
              <EntryBody event={e} config={config} reveal={reveal} origin={origin} />
              {broken.has(e.id) && <HistoryMark event={e} findings={broken.get(e.id) ?? []} zone={zone} />}
              {superseded.has(e.id) && e.type === 'FieldEdited' && (
                <p className="entry-superseded">
                  Not kept: {superseded.get(e.id)?.actor.name} changed {FIELD_LABELS[e.payload.field]} at the same time on another desk, and
                  that value is the one in force. This one stays here in case it was the right one.
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/**
 * When the entry happened, and when it was recorded if later: "Mon, Nov 23, 2026, 10:05 AM CST (recorded 2:20 PM)",
 * the recording's date too when it was another day.
 */
export function EntryTime({ event, zone }: { event: InquiryEvent; zone: TimeZone }) {
  const happened = happenedAt(event);
  const iso = (at: Instant) => new Date(at).toISOString();
  return (
    <>
      <time dateTime={iso(happened)}>{formatLong(happened, zone)}</time>
      {recordedLater(event) && (
        <span className="entry-recorded">
          {' '}
          (recorded{' '}
          <time dateTime={iso(event.at)}>
            {isoDayOf(event.at, zone) === isoDayOf(happened, zone) ? formatTime(event.at, zone) : formatLong(event.at, zone)}
          </time>
          )
        </span>
      )}
    </>
  );
}

function EntryBody({
  event: e,
  config,
  reveal,
  origin,
}: {
  event: InquiryEvent;
  config: AgencyConfig;
  reveal: boolean;
  origin: InquiryImported | undefined;
}) {
  switch (e.type) {
    case 'InquiryLogged':
      if (e.imported && origin)
        return (
          <p>
            {oldLogText(e.at, origin, config.timeZone)}, as {e.payload.caseNumber}.
          </p>
        );
      return <p>Logged the inquiry as {e.payload.caseNumber}.</p>;
    case 'NoteAdded':
      return <p className="note-text">{e.payload.text}</p>;
    case 'FieldEdited':
      return (
        <p>
          Changed <strong>{FIELD_LABELS[e.payload.field]}</strong> from{' '}
          <span className="old-value">{displayValue(e.payload.field, e.payload.from, config, reveal)}</span> to{' '}
          <span className="new-value">{displayValue(e.payload.field, e.payload.to, config, reveal)}</span>.
        </p>
      );
    default:
      return <WorkflowEntry event={e} config={config} reveal={reveal} />;
  }
}

/** The first line of an imported inquiry's history, from its InquiryLogged time and the import's audit record. */
function oldLogText(receivedAt: Instant, origin: InquiryImported, zone: AgencyConfig['timeZone']): string {
  const column = origin.payload.mapping.indexOf('loggedBy');
  const loggedBy = column < 0 ? '' : (origin.payload.cells[column] ?? '');
  return oldLogLine({ receivedAt, loggedBy, importedBy: origin.actor.name, importedAt: origin.at }, zone);
}

const PARTY = { member: 'the member', originator: 'the originator' } as const;
const METHOD = { call: 'Called', voicemail: 'Left a voicemail for', letter: 'Sent a letter to', email: 'E-mailed' } as const;
const OUTCOME = { reached: 'Reached', no_answer: 'No answer', voicemail: 'Left a voicemail', cancelled: 'Cancelled' } as const;

function Note({ text }: { text: string }) {
  return text ? <p className="note-text">{text}</p> : null;
}

function WorkflowEntry({ event: e, config, reveal }: { event: WorkflowEvent; config: AgencyConfig; reveal: boolean }) {
  const zone = config.timeZone;
  const when = (at: Instant) => formatLong(at, zone);
  switch (e.type) {
    case 'TargetsSet': {
      const p = e.payload;
      // No priority: a member with no MCO, the unit lead's callback (shared/inquiry/commands/targets.ts).
      if (p.priority === '')
        return (
          <p>
            <strong>Unit lead callback</strong> due by {when(p.firstContactDeadline)} (the close of {durationText(p.policy.deadline)} after
            receipt).
          </p>
        );
      return (
        <p>
          First contact for <strong>{priorityLabel(config, p.priority)}</strong> ({durationText(p.policy.target)} target,{' '}
          {durationText(p.policy.deadline)} deadline from receipt): target {when(p.firstContactTarget)}, deadline{' '}
          {when(p.firstContactDeadline)}.
        </p>
      );
    }
    case 'RoutedToUnitLead':
      return (
        <p>
          <strong>Sent to the unit lead callback queue.</strong> {e.payload.reason}
        </p>
      );
    case 'OutreachRecorded':
      return (
        <>
          <p>
            {METHOD[e.payload.method]} {PARTY[e.payload.party]}:{' '}
            <strong>{e.payload.reached ? 'reached' : 'not reached (an outreach attempt)'}</strong>.
          </p>
          <Note text={e.payload.note} />
        </>
      );
    case 'McoReferred':
      return (
        <>
          <p>
            Referred to <strong>{mcoName(config, e.payload.mcoId)}</strong>, {e.payload.department}
            {e.payload.contact ? ` (${e.payload.contact})` : ''}. MCO to contact the member by {when(e.payload.mcoContactDue)}; follow up by{' '}
            {when(e.payload.followUpDue)} if it has not reported back.
          </p>
          <Note text={e.payload.note} />
        </>
      );
    case 'McoReportedBack':
      return (
        <>
          <p>
            <strong>The MCO reported back</strong>:{' '}
            {e.payload.memberContacted ? 'it has contacted the member' : 'it has not contacted the member yet'}.
          </p>
          <Note text={e.payload.note} />
        </>
      );
    case 'McoFollowedUp':
      return (
        <>
          <p>
            <strong>Followed up with the MCO.</strong> Next follow-up due {when(e.payload.nextFollowUpDue)} if it has still not reported
            back.
          </p>
          <Note text={e.payload.note} />
        </>
      );
    case 'CallbackScheduled':
      return (
        <>
          <p>
            Scheduled a callback to {PARTY[e.payload.party]} at <strong>{when(e.payload.at)}</strong> on{' '}
            <span className={reveal ? undefined : 'masked'}>{reveal ? e.payload.number : maskPhone(e.payload.number)}</span>, by{' '}
            {e.payload.caller.name}.
          </p>
          <Note text={e.payload.note} />
        </>
      );
    case 'CallbackClosed':
      return (
        <>
          <p>
            Callback: <strong>{OUTCOME[e.payload.outcome]}</strong>.
          </p>
          <Note text={e.payload.note} />
        </>
      );
    case 'TimerPaused':
      return (
        <>
          <p>
            <strong>Paused the {TIMER_LABELS[e.payload.timer]}</strong>
            {e.payload.waitingFor === 'member_contact'
              ? ' until the member is reached'
              : e.payload.waitingFor === 'mco_report'
                ? ' until the MCO reports back'
                : ''}
            .
          </p>
          <Note text={e.payload.reason} />
        </>
      );
    case 'TimerResumed':
      return (
        <p>
          <strong>
            {e.payload.automatic ? 'The awaited event resumed' : 'Resumed'} the {TIMER_LABELS[e.payload.timer]}
          </strong>
          : {e.payload.target !== null ? `target ${when(e.payload.target)}, ` : ''}
          {e.payload.target !== null ? 'deadline' : 'due'} {when(e.payload.deadline)} (paused time left out).
        </p>
      );
    case 'InquiryResolved':
      return (
        <>
          <p>
            <strong>Resolved: {RESOLUTION_LABELS[e.payload.resolution]}.</strong>
          </p>
          <Note text={e.payload.text} />
        </>
      );
    case 'InquiryReopened':
      return (
        <>
          <p>
            <strong>Reopened.</strong>
          </p>
          <Note text={e.payload.reason} />
        </>
      );
    case 'ClassifiedAsComplaint':
      return (
        <>
          <p>
            <strong>Classified as a complaint (grievance)</strong>
            {`: responsible ${RESPONSIBLE_ENTITY_LABELS[e.payload.responsibleEntity]}; reason category ${e.payload.reasonCategory}.`}
          </p>
          <Note text={e.payload.reason} />
        </>
      );
    case 'ClassifiedAsInquiry':
      return (
        <>
          <p>
            <strong>Reclassified as an inquiry, not a complaint.</strong>
          </p>
          <Note text={e.payload.note} />
        </>
      );
    case 'GrievanceReviewed':
      return (
        <>
          <p>
            <strong>Complaint reviewed</strong> on {formatTypedDay(e.payload.reviewedOn)}.
          </p>
          <Note text={e.payload.note} />
        </>
      );
    case 'InquiryImported':
      return <ImportedRecord event={e} reveal={reveal} />;
    case 'GrievanceOutcomeRecorded':
      return (
        <>
          <p>
            <strong>Complaint outcome: {GRIEVANCE_OUTCOME_LABELS[e.payload.outcome]}.</strong>
          </p>
          <Note text={e.payload.note} />
        </>
      );
    case 'WarningsSnoozed':
      return (
        <p>
          <strong>Warnings snoozed until {snoozeTimeText(e.payload.until, zone)}</strong> by {e.actor.name}
          {e.payload.reason ? `: ${e.payload.reason}` : ''}. Overdue still notifies.
        </p>
      );
    case 'ImportReviewed':
      return (
        <>
          <p>
            <strong>Reviewed the inquiry from the old log</strong>:{' '}
            {e.payload.decision === 'kept_open' ? 'kept open; its first contact is due again from this moment.' : 'closed.'}
          </p>
          <Note text={e.payload.note} />
        </>
      );
    case 'MessageSent':
      return <p>{messageSentText(e.payload)}</p>;
    case 'SnoozeEnded':
      return (
        <>
          <p>
            <strong>Snooze ended</strong> by {e.actor.name}: warnings notify again.
          </p>
          <Note text={e.payload.note} />
        </>
      );
  }
}

type WorkflowEvent = Exclude<InquiryEvent, { type: 'InquiryLogged' | 'NoteAdded' | 'FieldEdited' }>;

/** "2 business hours", "1 business day", "24 hours". */
export function durationText(d: PolicyDuration): string {
  const unit = { businessHours: 'business hour', businessDays: 'business day', clockHours: 'hour' }[d.unit];
  return `${d.amount} ${unit}${d.amount === 1 ? '' : 's'}`;
}

function NoteComposer({ inquiryId, profile }: { inquiryId: string; profile: Profile }) {
  const { repo } = useServices();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const saving = usePending();
  // A note may say when what it tells happened (optional: most notes are about now).
  const inquiry = useInquiry(inquiryId);
  const when = useWhen({ receivedAt: inquiry?.receivedAt ?? asInstant(0) });
  const whenState = useWhenState(when);
  const [withWhen, setWithWhen] = useState(false);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const happened = withWhen ? whenState.read() : {};
    if (happened === null) {
      document.getElementById(`note-when-${whenState.faultyInput()}`)?.focus();
      return;
    }
    if (!saving.start()) return;
    try {
      await repo.addNote(inquiryId, text, happened);
      setText('');
      setError(null);
      setWithWhen(false);
      whenState.reset();
    } catch (err) {
      if (withWhen && err instanceof DomainError && err.field === 'happenedAt') {
        whenState.refuse(err.message);
        document.getElementById('note-when-day')?.focus();
      } else {
        setError(failureText(err));
        document.getElementById('note-text')?.focus();
      }
    } finally {
      saving.end();
    }
  }

  return (
    <form className="note-composer" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor="note-text">Add a note as {profile.displayName}</label>
      <textarea
        id="note-text"
        rows={3}
        value={text}
        maxLength={NOTE_MAX_LENGTH + 500}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'note-error note-hint' : 'note-hint'}
      />
      <p id="note-hint" className="hint">
        Ctrl+Enter adds the note. Notes cannot be edited or removed; add a new note to correct one.
      </p>
      {error && (
        <p id="note-error" className="field-error">
          {error}
        </p>
      )}
      {withWhen && <WhenField idPrefix="note-when" setup={when} state={whenState} />}
      <div className="actions">
        <button type="submit" className="primary" disabled={saving.shown}>
          Add note
        </button>
        <button
          type="button"
          className="link-button"
          aria-expanded={withWhen}
          onClick={() => {
            if (withWhen) whenState.reset();
            setWithWhen(!withWhen);
          }}
        >
          {withWhen ? 'It happened now' : 'It happened earlier…'}
        </button>
      </div>
    </form>
  );
}
