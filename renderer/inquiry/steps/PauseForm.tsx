import { useState } from 'react';
import { TIMER_LABELS } from '../../../shared/inquiry/commands/pauseTimer';
import { PAUSE_WAITS, type PausableTimer } from '../../../shared/inquiry/events';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { RadioGroup } from '../../components/Field';
import { StepForm } from '../../components/StepForm';
import { useServices } from '../../data/hooks';
import { NoteField } from './fields';

export function PauseForm({ inquiry, timer, onDone }: { inquiry: InquiryRecord; timer: PausableTimer; onDone: () => void }) {
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
