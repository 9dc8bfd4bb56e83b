import { useMemo } from 'react';
import type { PriorityLevel } from '../../../shared/config/agencyConfig';
import { Field, Options } from '../../components/Field';
import { useLogSnapshot } from '../../data/hooks';
import { fieldId } from '../configEditor';
import { focusLater, patchAt } from '../listEditor';
import { type LevelDraft, newKey, type Unit } from './draft';
import { Section, type SectionProps } from './UI';

const UNITS: { value: Unit; label: string }[] = [
  { value: 'businessHours', label: 'business hours' },
  { value: 'businessDays', label: 'business days' },
  { value: 'clockHours', label: 'clock hours' },
];
const PATHS: { value: PriorityLevel['path']; label: string }[] = [
  { value: 'high', label: 'High: the liaison works it' },
  { value: 'escalated', label: 'Escalated: an ESR works it' },
];

/** The priority levels, each with its process and first-contact target and deadline, and the outreach attempts. */
export function PriorityLevels({ draft, setDraft, err }: SectionProps) {
  const snapshot = useLogSnapshot();
  const openByLevel = useMemo(() => {
    const counts = new Map<string, number>();
    for (const row of snapshot.rows) if (row.status === 'open') counts.set(row.priority, (counts.get(row.priority) ?? 0) + 1);
    return counts;
  }, [snapshot.rows]);

  const setLevel = (i: number, patch: Partial<LevelDraft>) => setDraft((d) => ({ ...d, levels: patchAt(d.levels, i, patch) }));
  const addLevel = () => {
    const i = draft.levels.length;
    setDraft((d) => ({
      ...d,
      levels: [
        ...d.levels,
        {
          key: newKey('new-level-'),
          id: null,
          label: '',
          path: 'high',
          targetAmount: '',
          targetUnit: 'clockHours',
          deadlineAmount: '',
          deadlineUnit: 'clockHours',
        },
      ],
    }));
    focusLater(fieldId(['priorityLevels', i, 'label']));
  };
  const removeLevel = (i: number) => {
    setDraft((d) => ({ ...d, levels: d.levels.filter((_, j) => j !== i) }));
    focusLater('policy-add-level');
  };

  return (
    <Section
      legend="Priority levels"
      hint={
        <>
          Business hours and days count office time only; clock hours count every hour, nights and weekends included. The process says who
          works the inquiry: on the High process the liaison, with the MCO follow-up due at end of day; on the Escalated process an ESR,
          with the follow-up due 1 business day after the referral.
        </>
      }
    >
      {draft.levels.map((level, i) => {
        const inUse = level.id === null ? 0 : (openByLevel.get(level.id) ?? 0);
        const lastOne = draft.levels.length === 1;
        const blockedId = `policy-level-${level.key}-blocked`;
        return (
          <fieldset key={level.key} className="settings-card level-card">
            <legend>{level.label.trim() || `New level ${i + 1}`}</legend>
            <div className="level-grid">
              <Field id={fieldId(['priorityLevels', i, 'label'])} label="Name" required error={err('priorityLevels', i, 'label')}>
                {(p) => <input {...p} value={level.label} onChange={(e) => setLevel(i, { label: e.target.value })} autoComplete="off" />}
              </Field>
              <Field id={fieldId(['priorityLevels', i, 'path'])} label="Process" error={err('priorityLevels', i, 'path')} className="wide">
                {(p) => (
                  <select {...p} value={level.path} onChange={(e) => setLevel(i, { path: e.target.value as PriorityLevel['path'] })}>
                    <Options options={PATHS} />
                  </select>
                )}
              </Field>
              <DurationInput
                level={i}
                which="firstContactTarget"
                label="First-contact target"
                unitLabel="Target counted in"
                amount={level.targetAmount}
                unit={level.targetUnit}
                onAmount={(targetAmount) => setLevel(i, { targetAmount })}
                onUnit={(targetUnit) => setLevel(i, { targetUnit })}
                err={err}
              />
              <DurationInput
                level={i}
                which="firstContactDeadline"
                label="First-contact deadline"
                unitLabel="Deadline counted in"
                amount={level.deadlineAmount}
                unit={level.deadlineUnit}
                onAmount={(deadlineAmount) => setLevel(i, { deadlineAmount })}
                onUnit={(deadlineUnit) => setLevel(i, { deadlineUnit })}
                err={err}
              />
            </div>
            <div className="card-actions">
              {inUse > 0 || lastOne ? (
                <>
                  <button type="button" className="secondary" aria-disabled="true" aria-describedby={blockedId} onClick={() => undefined}>
                    Remove {level.label.trim() || 'level'}
                  </button>
                  <p id={blockedId} className="hint">
                    {lastOne
                      ? 'The only level cannot be removed.'
                      : `${inUse.toLocaleString('en-US')} open ${inUse === 1 ? 'inquiry has' : 'inquiries have'} this level, so it cannot be removed. Resolve them or change their priority first.`}
                  </p>
                </>
              ) : (
                <button type="button" className="secondary" onClick={() => removeLevel(i)}>
                  Remove {level.label.trim() || 'level'}
                </button>
              )}
            </div>
          </fieldset>
        );
      })}
      <div>
        <button type="button" id="policy-add-level" className="secondary" onClick={addLevel}>
          Add a priority level
        </button>
      </div>
      <Field
        id={fieldId(['outreachMaxAttempts'])}
        label="Outreach attempts before “unable to reach” is offered"
        hint="Unanswered calls, voicemails, letters or e-mails to the member (seed 003 uses 2)."
        error={err('outreachMaxAttempts')}
        className="narrow"
      >
        {(p) => (
          <input
            {...p}
            value={draft.outreachMaxAttempts}
            onChange={(e) => setDraft((d) => ({ ...d, outreachMaxAttempts: e.target.value }))}
            inputMode="numeric"
            autoComplete="off"
          />
        )}
      </Field>
      <Field
        id={fieldId(['unitLeadCallbackDays'])}
        label="Unit lead callback, for a member with no MCO: due after (business days)"
        hint="At the close of that business day after the inquiry was received; 1 is the end of the next business day. No priority is asked."
        error={err('unitLeadCallbackDays')}
        className="narrow"
      >
        {(p) => (
          <input
            {...p}
            value={draft.unitLeadCallbackDays}
            onChange={(e) => setDraft((d) => ({ ...d, unitLeadCallbackDays: e.target.value }))}
            inputMode="numeric"
            autoComplete="off"
          />
        )}
      </Field>
      <Field
        id={fieldId(['memberEscalationsInbox'])}
        label="Member Escalations inbox"
        hint="The MCO gate’s message (case number only) opens as an e-mail to it."
        error={err('memberEscalationsInbox')}
        className="narrow"
      >
        {(p) => (
          <input
            {...p}
            type="email"
            value={draft.memberEscalationsInbox}
            onChange={(e) => setDraft((d) => ({ ...d, memberEscalationsInbox: e.target.value }))}
            autoComplete="off"
          />
        )}
      </Field>
    </Section>
  );
}

/** A duration of the policy (a target or a deadline): its amount as typed and the unit it is counted in. */
function DurationInput({
  level,
  which,
  label,
  unitLabel,
  amount,
  unit,
  onAmount,
  onUnit,
  err,
}: {
  level: number;
  which: 'firstContactTarget' | 'firstContactDeadline';
  label: string;
  unitLabel: string;
  amount: string;
  unit: Unit;
  onAmount: (v: string) => void;
  onUnit: (v: Unit) => void;
  err: SectionProps['err'];
}) {
  return (
    <>
      <Field
        id={fieldId(['priorityLevels', level, which, 'amount'])}
        label={label}
        required
        error={err('priorityLevels', level, which, 'amount')}
      >
        {(p) => <input {...p} value={amount} onChange={(e) => onAmount(e.target.value)} inputMode="decimal" autoComplete="off" />}
      </Field>
      <Field id={fieldId(['priorityLevels', level, which, 'unit'])} label={unitLabel}>
        {(p) => (
          <select {...p} value={unit} onChange={(e) => onUnit(e.target.value as Unit)}>
            <Options options={UNITS} />
          </select>
        )}
      </Field>
    </>
  );
}
