import type { ReactNode } from 'react';

export interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  'aria-required'?: true;
}

/** A labelled form control with its hint and its error message, wired for screen readers. */
export function Field({
  id,
  label,
  required,
  hint,
  error,
  children,
  className,
  count,
}: {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string | undefined;
  children: (props: ControlProps) => ReactNode;
  className?: string;
  /** A live character count under the control, against the field's limit (issue 16). */
  count?: { length: number; limit: number };
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  const props: ControlProps = { id };
  if (error) props['aria-invalid'] = true;
  if (describedBy) props['aria-describedby'] = describedBy;
  if (required) props['aria-required'] = true;
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required"> (required)</span>}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children(props)}
      {count && <CharCount {...count} />}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A group of radio buttons with a legend, its hint and its error. */
export function RadioGroup<T extends string>({
  id,
  legend,
  required,
  options,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  required?: boolean;
  options: readonly { value: T; label: string }[];
  value: string;
  onChange: (value: T) => void;
  error?: string | undefined;
}) {
  return (
    <fieldset className={`field radio-group${error ? ' has-error' : ''}`} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>
        {legend}
        {required && <span className="required"> (required)</span>}
      </legend>
      <div className="choices">
        {options.map((o, i) => (
          <label key={o.value} className="choice">
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${o.value}`}
              name={id}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              aria-invalid={error ? true : undefined}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The options of a select, one per value (the value is the key). */
export function Options({ options }: { options: readonly { value: string | number; label: ReactNode }[] }) {
  return options.map((o) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  ));
}

/** From this share of a limit on, the count is said to a screen reader as it changes (not at every key before). */
const NEAR_LIMIT = 0.9;

/**
 * "1,234 of 4,000 characters" under a long field: always shown, said aloud near the limit, and past it says by how
 * much to shorten (the save refuses it with the same numbers).
 */
export function CharCount({ length, limit }: { length: number; limit: number }) {
  const near = length >= limit * NEAR_LIMIT;
  const over = length > limit;
  const text = over
    ? `${length.toLocaleString('en-US')} of ${limit.toLocaleString('en-US')} characters: shorten it by ${(length - limit).toLocaleString('en-US')}`
    : `${length.toLocaleString('en-US')} of ${limit.toLocaleString('en-US')} characters`;
  return (
    <p className={`char-count${near ? ' near' : ''}${over ? ' over' : ''}`} aria-live={near ? 'polite' : 'off'}>
      {text}
    </p>
  );
}
