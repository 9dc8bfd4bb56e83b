import { ROLE_SHORT, ROLES, type Role } from '../../shared/people';
import { Field } from './Field';

/** A person's fields as typed: name, role ('' not chosen yet), e-mail ('' none). */
export interface PersonDraft {
  name: string;
  role: Role | '';
  email: string;
}
export type PersonDraftErrors = Partial<Record<keyof PersonDraft, string>>;

/**
 * A person's name and role, and their e-mail where it is asked (the roster's forms: Settings → People's Add and Edit,
 * the lock screen's "someone not on the roster"), with their messages beside each. Ids are `<idPrefix>-name`,
 * `-role`, `-email`, so a form focuses the first field with a problem.
 */
export function PersonFieldSet({
  idPrefix,
  draft,
  errors,
  onChange,
  withEmail = true,
  labels = { name: 'Name', role: 'Role' },
  className,
}: {
  idPrefix: string;
  draft: PersonDraft;
  errors: PersonDraftErrors;
  /** The changed draft, and which field changed (its message can go). */
  onChange: (draft: PersonDraft, key: keyof PersonDraft) => void;
  withEmail?: boolean;
  labels?: { name: string; role: string };
  className?: string;
}) {
  const set = (key: keyof PersonDraft) => (e: { target: { value: string } }) => onChange({ ...draft, [key]: e.target.value }, key);
  return (
    <div className={className}>
      <Field id={`${idPrefix}-name`} label={labels.name} required error={errors.name}>
        {(p) => <input {...p} value={draft.name} onChange={set('name')} autoComplete="off" />}
      </Field>
      <Field id={`${idPrefix}-role`} label={labels.role} required error={errors.role}>
        {(p) => (
          <select {...p} value={draft.role} onChange={set('role')}>
            <option value="">Choose the role…</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_SHORT[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {withEmail && (
        <Field id={`${idPrefix}-email`} label="E-mail" hint="Optional: hand-off messages open addressed to it." error={errors.email}>
          {(p) => <input {...p} type="email" value={draft.email} onChange={set('email')} autoComplete="off" />}
        </Field>
      )}
    </div>
  );
}
