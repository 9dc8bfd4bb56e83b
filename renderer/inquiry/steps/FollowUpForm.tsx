import { useState } from 'react';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { StepForm } from '../../components/StepForm';
import { useServices } from '../../data/hooks';
import { NoteField } from './fields';

export function FollowUpForm({ inquiry, onDone }: { inquiry: InquiryRecord; onDone: () => void }) {
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
