import { useId, useState } from 'react';
import type { AgencyConfig } from '../../../shared/config/agencyConfig';
import type { InquiryRecord } from '../../../shared/inquiry/projection';
import { Field, Options } from '../../components/Field';
import { StepForm } from '../../components/StepForm';
import { useServices } from '../../data/hooks';
import { NoteField } from './fields';
import { useWhen } from './WhenField';

/** A referral to an MCO department, offering the departments and contacts of the MCO directory. */
export function ReferralForm({ inquiry, config, onDone }: { inquiry: InquiryRecord; config: AgencyConfig; onDone: () => void }) {
  const { repo } = useServices();
  const mcos = config.mcos.filter((m) => m.active || m.id === inquiry.mcoId);
  const [mcoId, setMcoId] = useState(inquiry.mcoId || mcos[0]?.id || '');
  const mco = config.mcos.find((m) => m.id === mcoId);
  const [department, setDepartment] = useState(mco?.departments[0]?.name ?? '');
  const contacts = mco?.departments.find((d) => d.name === department)?.contacts ?? [];
  const [contact, setContact] = useState('');
  const [note, setNote] = useState('');
  const listId = useId();
  const when = useWhen(inquiry);
  return (
    <StepForm
      title="Refer to the MCO"
      submitLabel="Record referral"
      onDone={onDone}
      when={when}
      onSubmit={(happened) => repo.referToMco(inquiry.id, { mcoId, department, contact, note, ...happened })}
    >
      <Field id="refer-mco" label="MCO" required>
        {(props) => (
          <select
            {...props}
            value={mcoId}
            onChange={(e) => {
              setMcoId(e.target.value);
              setDepartment(config.mcos.find((m) => m.id === e.target.value)?.departments[0]?.name ?? '');
            }}
          >
            <Options options={mcos.map((m) => ({ value: m.id, label: m.name }))} />
          </select>
        )}
      </Field>
      <Field id="refer-department" label="Department" required hint="From the MCO directory; type another if it is not listed.">
        {(props) => (
          <>
            <input {...props} list={`${listId}-dept`} value={department} onChange={(e) => setDepartment(e.target.value)} />
            <datalist id={`${listId}-dept`}>
              {mco?.departments.map((d) => (
                <option key={d.name} value={d.name} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field id="refer-contact" label="Contact at the MCO">
        {(props) => (
          <>
            <input {...props} list={`${listId}-contact`} value={contact} onChange={(e) => setContact(e.target.value)} />
            <datalist id={`${listId}-contact`}>
              {contacts.map((c) => (
                <option key={c.name} value={[c.name, c.phone, c.email].filter(Boolean).join(', ')} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <NoteField id="refer-note" label="Note" value={note} onChange={setNote} />
    </StepForm>
  );
}
