import { useState } from 'react';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { RadioGroup } from '../../components/Field';
import { StepForm } from '../../components/StepForm';
import { useServices } from '../../data/hooks';
import { NoteField } from './fields';
import { useWhen } from './WhenField';

export function ReportBackForm({ inquiry, onDone }: { inquiry: InquiryRecord; onDone: () => void }) {
  const { repo } = useServices();
  const [contacted, setContacted] = useState<'yes' | 'no'>('yes');
  const [note, setNote] = useState('');
  const referral = inquiry.workflow.referral;
  const when = useWhen(inquiry, referral ? { at: referral.at, what: 'the referral to the MCO' } : undefined);
  return (
    <StepForm
      title="The MCO reported back"
      submitLabel="Record report-back"
      onDone={onDone}
      when={when}
      onSubmit={(happened) => repo.recordMcoReportBack(inquiry.id, { memberContacted: contacted === 'yes', note, ...happened })}
    >
      <RadioGroup
        id="report-contacted"
        legend="Has the MCO contacted the member?"
        options={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'Not yet' },
        ]}
        value={contacted}
        onChange={setContacted}
      />
      <NoteField id="report-note" label="What the MCO reported" value={note} onChange={setNote} required />
    </StepForm>
  );
}
