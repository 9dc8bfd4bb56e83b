import { useState } from 'react';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { StepForm } from '../../components/StepForm';
import { useServices } from '../../data/hooks';
import { NoteField } from './fields';

export function ReopenForm({ inquiry, onDone }: { inquiry: InquiryRecord; onDone: () => void }) {
  const { repo } = useServices();
  const [reason, setReason] = useState('');
  return (
    <StepForm title="Reopen the inquiry" submitLabel="Reopen" onDone={onDone} onSubmit={() => repo.reopen(inquiry.id, { reason })}>
      <NoteField id="reopen-reason" label="Why it is reopened" value={reason} onChange={setReason} required />
    </StepForm>
  );
}
