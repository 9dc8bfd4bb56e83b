import { type AgencyConfig, SOURCES } from '../../shared/config/agencyConfig';
import { ENROLLMENT, ENROLLMENT_LABELS, FIELD_LABELS } from '../../shared/inquiry/fields';
import type { IntakeControl, IntakeForm } from '../../shared/inquiry/intake';
import type { AssigneeGroup } from '../../shared/roster/roster';
import { type ControlProps, Field, Options, RadioGroup } from '../components/Field';
import { AssigneeSelect } from './assignees';

// The fields' own labels (shared/inquiry/fields.ts), except where the form asks differently: the received time is
// typed as a day and a time, the originator is named as who referred the member, the assignee is chosen by id.
const LABELS: Record<IntakeControl, string> = {
  ...(({ receivedAt: _received, assignee: _assignee, ...same }) => same)(FIELD_LABELS),
  receivedDate: 'Date received',
  receivedTime: 'Time received',
  originatorName: 'Originator (referred by)',
  assigneeId: 'Assignee',
};

const HINTS: Partial<Record<IntakeControl, string>> = {
  receivedDate: 'mm/dd/yyyy',
  receivedTime: '14:05 or 2:05 pm, agency time',
  memberDob: 'mm/dd/yyyy',
};

/** One intake control, for editing a stored inquiry with the same rules and wording as intake. */
export function ControlInput({
  control,
  idPrefix,
  form,
  onChange,
  error,
  config,
  assignees,
}: {
  control: IntakeControl;
  idPrefix: string;
  form: IntakeForm;
  onChange: (control: IntakeControl, value: string) => void;
  error: string | undefined;
  config: AgencyConfig;
  /** The assignee picker's groups (useAssignees). */
  assignees: readonly AssigneeGroup[];
}) {
  const id = `${idPrefix}-${control}`;
  const value = form[control];
  const set = (e: { target: { value: string } }) => onChange(control, e.target.value);
  const field = (render: (p: object) => React.ReactNode) => (
    <Field
      id={id}
      label={LABELS[control]}
      hint={HINTS[control] ?? (control === 'medicaidId' ? config.medicaidId.description : undefined)}
      error={error}
    >
      {render}
    </Field>
  );
  const select = (options: readonly { value: string; label: string }[], empty: string) =>
    field((p) => (
      <select {...p} value={value} onChange={set}>
        <option value="">{empty}</option>
        <Options options={options} />
      </select>
    ));

  switch (control) {
    case 'mcoEnrollment':
      return (
        <RadioGroup
          id={id}
          legend={LABELS[control]}
          options={ENROLLMENT.map((v) => ({ value: v, label: ENROLLMENT_LABELS[v] }))}
          value={value}
          onChange={(v) => onChange(control, v)}
          error={error}
        />
      );
    case 'priority':
      return (
        <RadioGroup
          id={id}
          legend={LABELS[control]}
          options={config.priorityLevels.map((p) => ({ value: p.id, label: p.label }))}
          value={value}
          onChange={(v) => onChange(control, v)}
          error={error}
        />
      );
    case 'source':
      return select(
        SOURCES.map((s) => ({ value: s, label: s })),
        'Choose who referred it…',
      );
    case 'mcoId':
      return select(
        config.mcos.filter((m) => m.active || m.id === value).map((m) => ({ value: m.id, label: m.name })),
        'None',
      );
    case 'category':
      return select(
        config.categories.map((c) => ({ value: c.name, label: c.name })),
        'Choose a category…',
      );
    case 'subcategory':
      return select(
        (config.categories.find((c) => c.name === form.category)?.subcategories ?? []).map((s) => ({ value: s, label: s })),
        'None',
      );
    case 'assigneeId':
      return field((p) => (
        <AssigneeSelect groups={assignees} value={value} onChange={(v) => onChange(control, v)} controlProps={p as ControlProps} />
      ));
    case 'description':
    case 'expectedOutcome':
    case 'rootCause':
      return field((p) => <textarea {...p} value={value} onChange={set} rows={4} />);
    default:
      return field((p) => <input {...p} value={value} onChange={set} autoComplete="off" />);
  }
}
