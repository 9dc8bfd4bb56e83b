import { Field } from '../components/Field';
import { PIN_MAX } from './pin';

export interface PinFieldValues {
  pin: string;
  confirm: string;
}
export type PinFieldErrors = Partial<Record<keyof PinFieldValues, string>>;

/** A new PIN, typed twice. Digits only, masked; the browser is told not to remember it. */
export function PinFields({
  idPrefix,
  values,
  errors,
  onChange,
  label = 'PIN',
  confirmLabel = 'Type the PIN again',
}: {
  idPrefix: string;
  values: PinFieldValues;
  errors: PinFieldErrors;
  onChange: (values: PinFieldValues) => void;
  label?: string;
  confirmLabel?: string;
}) {
  const input = (key: keyof PinFieldValues) => ({
    type: 'password' as const,
    inputMode: 'numeric' as const,
    autoComplete: 'new-password',
    maxLength: PIN_MAX,
    value: values[key],
    onChange: (e: { target: { value: string } }) => onChange({ ...values, [key]: e.target.value.replace(/\s/g, '') }),
  });
  return (
    <div className="pin-fields">
      <Field
        id={`${idPrefix}-pin`}
        label={label}
        required
        hint="4 to 12 digits. You type it to unlock the desk."
        error={errors.pin}
        className="narrow"
      >
        {(p) => <input {...p} {...input('pin')} />}
      </Field>
      <Field id={`${idPrefix}-confirm`} label={confirmLabel} required error={errors.confirm} className="narrow">
        {(p) => <input {...p} {...input('confirm')} />}
      </Field>
    </div>
  );
}

/** The messages for a new PIN typed twice, or null when it can be used. */
export function pinFieldErrors(values: PinFieldValues, problem: (pin: string) => string | null): PinFieldErrors | null {
  const pinError = problem(values.pin);
  if (pinError) return { pin: pinError };
  if (values.confirm === '') return { confirm: 'Type the PIN a second time, to be sure it is the one you meant.' };
  if (values.confirm !== values.pin) return { confirm: 'The two PINs are not the same. Type the same PIN in both fields.' };
  return null;
}
