import { useState } from 'react';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { StepForm } from '../../components/StepForm';
import { useServices } from '../../data/hooks';
import { NoteField } from './fields';
import { useWhen } from './WhenField';

export function FollowUpForm({ inquiry, onDone }: { inquiry: InquiryRecord; onDone: () => void }) {
  const { repo } = useServices();
  const [note, setNote] = useState('');
  const referral = inquiry.workflow.referral;
  const when = useWhen(inquiry, referral ? { at: referral.at, what: 'the referral to the MCO' } : undefined);
  return (
    <StepForm
      title="Followed up with the MCO"
      submitLabel="Record follow-up"
      onDone={onDone}
      when={when}
      onSubmit={(happened) => repo.recordMcoFollowUp(inquiry.id, { note, ...happened })}
    >
      <NoteField id="followup-note" label="Whom you reached and what they said" value={note} onChange={setNote} required />
    </StepForm>
  );
}
