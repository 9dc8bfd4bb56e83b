import { useEffect, useState } from 'react';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import { failureText } from '../../shared/errors';
import { oldLogLine } from '../../shared/import/people';
import { FIELD_LABELS, type FieldName, MEMBER_IDENTIFIERS } from '../../shared/inquiry/fields';
import { formOfFields, type IntakeErrors, type IntakeForm, validateEdit } from '../../shared/inquiry/intake';
import { maskFreeText } from '../../shared/inquiry/mask';
import { awaitingImportReview, grievanceOf, type InquiryRecord, STATUS_LABELS } from '../../shared/inquiry/projection';
import type { Profile } from '../../shared/people';
import { formatLong } from '../app/format';
import { hrefOf } from '../app/router';
import { FormError } from '../components/ErrorSummary';
import { focusOnMount } from '../components/focusOnMount';
import { afterPaint } from '../data/afterPaint';
import { useAgencyConfig, useInquiry, useServices } from '../data/hooks';
import { isEscalated, useAssignees } from '../intake/assignees';
import { ControlInput } from '../intake/ControlInput';
import { AssignmentPanel } from './Assignment';
import { CaseCard, CopyCaseNumber } from './CaseCard';
import { Collapsible } from './Collapsible';
import { displayValue } from './display';
import { controlsOfGroup, EDIT_GROUPS, type EditGroup } from './editGroups';
import { GrievancePanel } from './GrievancePanel';
import { ImportReviewPanel } from './ImportReviewPanel';
import { ProcessPanel } from './ProcessPanel';
import { RoutingPanel } from './RoutingPanel';
import { Timeline } from './Timeline';

const SECTIONS: { title: string; groups: string[] }[] = [
  { title: 'Received', groups: ['received', 'source', 'originator'] },
  { title: 'Member', groups: ['memberName', 'medicaidId', 'memberDob', 'memberPhone', 'callback'] },
  { title: 'MCO, priority and owner', groups: ['mco', 'priority', 'assignee'] },
  { title: 'Issue', groups: ['category', 'description', 'expectedOutcome', 'rootCause'] },
];
const GROUP_BY_KEY = new Map(EDIT_GROUPS.map((g) => [g.key, g]));

/** One inquiry: its details (each editable, every edit a timeline entry) and its timeline. */
export function InquiryView({ id, profile }: { id: string; profile: Profile }) {
  const inquiry = useInquiry(id);
  const config = useAgencyConfig();
  const [reveal, setReveal] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [assignedHere, setAssignedHere] = useState(false);
  const bodyShown = useAfterFirstPaint();

  if (inquiry === undefined) return <p aria-busy="true">Opening the inquiry…</p>;
  if (inquiry === null)
    return (
      <section aria-labelledby="missing-title">
        <h1 id="missing-title" tabIndex={-1} ref={focusOnMount}>
          Inquiry not found
        </h1>
        <p>This inquiry is not in the log on this desk. It may not have synced here yet.</p>
        <a href={hrefOf({ name: 'log' })}>Back to the log</a>
      </section>
    );

  const zone = config.timeZone;
  return (
    <article className="inquiry" aria-labelledby="inquiry-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href={hrefOf({ name: 'log' })}>Log</a> <span aria-hidden="true">›</span> <span>{inquiry.caseNumber}</span>
      </nav>
      <header className="inquiry-header">
        <h1 id="inquiry-title" tabIndex={-1} ref={focusOnMount}>
          Inquiry {inquiry.caseNumber}
        </h1>
        <span className={`badge status-${inquiry.status}`}>{STATUS_LABELS[inquiry.status]}</span>
        {inquiry.priority && (
          <span className={`badge priority-${inquiry.priority}`}>{displayValue('priority', inquiry.priority, config, true)}</span>
        )}
        {grievanceOf(inquiry) && <span className="badge badge-complaint">Complaint</span>}
        <span className="inquiry-actions">
          {/* The note box is past every panel in the Tab order (the timeline's column comes last): one key away. */}
          <button type="button" className="secondary" onClick={() => document.getElementById('note-text')?.focus()}>
            Add a note
          </button>
          <button type="button" className="secondary reveal-all" aria-pressed={reveal} onClick={() => setReveal((r) => !r)}>
            {reveal ? 'Hide member details' : 'Reveal member details'}
          </button>
          <CopyCaseNumber caseNumber={inquiry.caseNumber} />
          <button type="button" className="secondary" onClick={() => window.print()}>
            Print
          </button>
        </span>
      </header>
      <p className="muted logged-line">
        {inquiry.imported
          ? oldLogLine(
              {
                receivedAt: inquiry.loggedAt,
                loggedBy: inquiry.imported.loggedBy ?? '',
                importedBy: inquiry.imported.importedBy?.name ?? inquiry.loggedBy.name,
                importedAt: inquiry.imported.at,
              },
              zone,
            )
          : `Logged ${formatLong(inquiry.loggedAt, zone)} by ${inquiry.loggedBy.name}`}
        . Last change {formatLong(inquiry.updatedAt, zone)}.
      </p>
      <CaseCard inquiry={inquiry} config={config} reveal={reveal} />
      {awaitingImportReview(inquiry) && <ImportReviewPanel inquiry={inquiry} config={config} profile={profile} />}
      {bodyShown && (
        <div className="inquiry-body">
          <div className="details">
            <AssignmentPanel
              inquiry={inquiry}
              config={config}
              profile={profile}
              focusHandOff={assignedHere}
              onReassign={() => setEditing('assignee')}
            />
            <Collapsible name="process" title="Process">
              <ProcessPanel inquiry={inquiry} config={config} profile={profile} />
            </Collapsible>
            <RoutingPanel />
            <GrievancePanel inquiry={inquiry} config={config} />
            {SECTIONS.map((s) => (
              <Collapsible key={s.title} name={`section:${s.title}`} title={s.title}>
                <section className="detail-section" aria-label={s.title}>
                  <h2>{s.title}</h2>
                  <div className="detail-rows">
                    {s.groups.map((key) => {
                      const group = GROUP_BY_KEY.get(key) as EditGroup;
                      return editing === key ? (
                        <GroupEditor
                          key={key}
                          group={group}
                          inquiry={inquiry}
                          config={config}
                          onDone={(saved) => {
                            setEditing(null);
                            if (saved && key === 'assignee') setAssignedHere(true);
                          }}
                        />
                      ) : (
                        <GroupView
                          key={key}
                          group={group}
                          inquiry={inquiry}
                          config={config}
                          reveal={reveal}
                          onEdit={() => setEditing(key)}
                          disabled={editing !== null}
                        />
                      );
                    })}
                  </div>
                </section>
              </Collapsible>
            ))}
          </div>
          <Timeline inquiryId={inquiry.id} config={config} reveal={reveal} profile={profile} />
        </div>
      )}
    </article>
  );
}

/**
 * False until the frame after this screen first painted. The inquiry's header and case card (what it is about,
 * whose it is, where it stands) paint first; the details, the process and the timeline follow a frame later, so
 * a saved inquiry or one opened from the log shows at once rather than after laying out the whole page.
 */
function useAfterFirstPaint(): boolean {
  const [shown, setShown] = useState(() => typeof requestAnimationFrame !== 'function');
  useEffect(() => {
    if (shown) return;
    let live = true;
    void afterPaint().then(() => {
      if (live) setShown(true);
    });
    return () => {
      live = false;
    };
  }, [shown]);
  return shown;
}

/** Typed text that may quote the member (a name, an ID, a phone): masked with the identifiers until revealed. */
const FREE_TEXT: ReadonlySet<FieldName> = new Set(['description', 'expectedOutcome', 'rootCause', 'callbackAvailability']);

function GroupView({
  group,
  inquiry,
  config,
  reveal,
  onEdit,
  disabled,
}: {
  group: EditGroup;
  inquiry: InquiryRecord;
  config: AgencyConfig;
  reveal: boolean;
  onEdit: () => void;
  disabled: boolean;
}) {
  return (
    <div className="detail-row">
      <dl className="detail-pairs">
        {group.fields.map((f) => (
          <div key={f} className="detail-pair">
            <dt>{FIELD_LABELS[f]}</dt>
            <dd className={(MEMBER_IDENTIFIERS as readonly FieldName[]).includes(f) && !reveal ? 'masked' : undefined}>
              {FREE_TEXT.has(f) && !reveal
                ? maskFreeText(displayValue(f, inquiry[f], config, true), inquiry)
                : displayValue(f, inquiry[f], config, reveal)}
            </dd>
          </div>
        ))}
      </dl>
      <button
        type="button"
        className="link-button edit"
        onClick={onEdit}
        disabled={disabled}
        aria-label={`Edit ${group.label.toLowerCase()}`}
      >
        Edit
      </button>
    </div>
  );
}

function GroupEditor({
  group,
  inquiry,
  config,
  onDone,
}: {
  group: EditGroup;
  inquiry: InquiryRecord;
  config: AgencyConfig;
  /** `saved`: a change was stored (not a cancel, nor a save with nothing changed). */
  onDone: (saved?: boolean) => void;
}) {
  const { repo, clock } = useServices();
  const [form, setForm] = useState<IntakeForm>(() => formOfFields(inquiry, config.timeZone));
  // The roster's active people by role, ESRs first for an Escalated inquiry, and the assignee it has now.
  const { groups: assignees, people } = useAssignees(inquiry.assignee, isEscalated(config, form.priority));
  const [errors, setErrors] = useState<IntakeErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const controls = controlsOfGroup(group);
  const idPrefix = `edit-${group.key}`;

  async function save() {
    const changed = controls.filter((c) => form[c] !== formOfFields(inquiry, config.timeZone)[c]);
    if (changed.length === 0) return onDone();
    const patch = Object.fromEntries(controls.map((c) => [c, form[c]]));
    const result = validateEdit(inquiry, group.fields, patch, { now: clock.now(), config, people });
    if (!result.ok) {
      setErrors(result.errors);
      const first = controls.find((c) => result.errors[c]);
      if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
      return;
    }
    try {
      await repo.editFields(inquiry.id, result.values);
      onDone(true);
    } catch (err) {
      setFailure(`Not saved: ${failureText(err)}`);
    }
  }

  return (
    <div className="detail-row editing">
      <form
        className="editor"
        aria-label={`Edit ${group.label.toLowerCase()}`}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onDone(false);
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        {controls.map((c, i) => (
          <div key={c} ref={i === 0 ? (el) => el?.querySelector<HTMLElement>('input, select, textarea')?.focus() : undefined}>
            <ControlInput
              control={c}
              idPrefix={idPrefix}
              form={form}
              onChange={(control, value) => {
                setForm((f) => ({ ...f, [control]: value, ...(control === 'category' ? { subcategory: '' } : {}) }));
                setErrors((e) => ({ ...e, [control]: undefined }));
              }}
              error={errors[c]}
              config={config}
              assignees={assignees}
            />
          </div>
        ))}
        <FormError message={failure} />
        <div className="actions">
          <button type="submit" className="primary">
            Save change
          </button>
          <button type="button" className="secondary" onClick={() => onDone(false)}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
