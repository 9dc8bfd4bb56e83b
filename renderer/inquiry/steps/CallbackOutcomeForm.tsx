import { useState } from 'react';
import type { CallbackOutcome } from '../../../shared/inquiry/commands/closeCallback';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { RadioGroup } from '../../components/Field';
import { StepForm } from '../../components/StepForm';
import { useServices } from '../../data/hooks';
import { NoteField } from './fields';
import { useWhen } from './WhenField';

const OUTCOMES: { value: CallbackOutcome; label: string }[] = [
  { value: 'reached', label: 'Reached' },
  { value: 'no_answer', label: 'No answer' },
  { value: 'voicemail', label: 'Left a voicemail' },
  { value: 'cancelled', label: 'Cancelled' },
];

export function CallbackOutcomeForm({ inquiry, callbackId, onDone }: { inquiry: InquiryRecord; callbackId: string; onDone: () => void }) {
  const { repo } = useServices();
  const [outcome, setOutcome] = useState<CallbackOutcome>('reached');
  const [note, setNote] = useState('');
  const scheduledAt = inquiry.workflow.callbacks.find((c) => c.id === callbackId)?.scheduledAt;
  const when = useWhen(inquiry, scheduledAt !== undefined ? { at: scheduledAt, what: 'the callback was scheduled' } : undefined);
  return (
    <StepForm
      title="Record the callback"
      submitLabel="Record outcome"
      onDone={onDone}
      when={when}
      onSubmit={(happened) => repo.closeCallback(inquiry.id, { callbackId, outcome, note, ...happened })}
    >
      <RadioGroup id="callback-outcome" legend="Outcome" options={OUTCOMES} value={outcome} onChange={setOutcome} />
      <NoteField id="callback-outcome-note" label="Note" value={note} onChange={setNote} />
    </StepForm>
  );
}
