import { useState } from 'react';
import type { AgencyConfig } from '../../../shared/config/agencyConfig';
import { RESOLUTION_LABELS, resolutionBlocked } from '../../../shared/inquiry/commands/resolveInquiry';
import { RESOLUTIONS, type Resolution } from '../../../shared/inquiry/events';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { RadioGroup } from '../../components/Field';
import { StepForm } from '../../components/StepForm';
import { useServices } from '../../data/hooks';
import { NoteField } from './fields';
import { useWhen } from './WhenField';

export function ResolveForm({ inquiry, config, onDone }: { inquiry: InquiryRecord; config: AgencyConfig; onDone: () => void }) {
  const { repo } = useServices();
  const options = RESOLUTIONS.map((r) => ({ value: r, blocked: resolutionBlocked(inquiry, r, config.outreachMaxAttempts) }));
  const [resolution, setResolution] = useState<Resolution>(options.find((o) => !o.blocked)?.value ?? 'agency');
  const [text, setText] = useState('');
  const blocked = options.find((o) => o.value === resolution)?.blocked;
  const when = useWhen(inquiry);
  return (
    <StepForm
      title="Resolve the inquiry"
      submitLabel="Resolve"
      onDone={onDone}
      when={when}
      onSubmit={(happened) => repo.resolve(inquiry.id, { resolution, text, ...happened })}
    >
      <RadioGroup
        id="resolve-how"
        legend="How it ended"
        options={options.map((o) => ({ value: o.value, label: RESOLUTION_LABELS[o.value] }))}
        value={resolution}
        onChange={setResolution}
        error={blocked ?? undefined}
      />
      <NoteField id="resolve-text" label="What was done" value={text} onChange={setText} required />
    </StepForm>
  );
}
