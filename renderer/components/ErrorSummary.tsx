import type { Ref } from 'react';

/**
 * What needs fixing before a form can be saved, each item a link that moves focus to its field.
 * `ref` (with a tabIndex) lets the form move focus to the summary itself.
 */
export function ErrorSummary({
  what,
  items,
  ref,
}: {
  what: string;
  items: readonly { id: string; text: string }[];
  ref?: Ref<HTMLDivElement>;
}) {
  if (items.length === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={ref ? -1 : undefined} ref={ref}>
      <h2>
        {items.length === 1 ? '1 thing needs fixing' : `${items.length} things need fixing`} before {what} can be saved
      </h2>
      <ul>
        {items.map((s) => (
          <li key={`${s.id}|${s.text}`}>
            <a
              href={`#${s.id}`}
              onClick={(e) => {
                e.preventDefault();
                document.getElementById(s.id)?.focus();
              }}
            >
              {s.text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Why a save or an action failed, said at once (an alert); nothing when there is nothing to say. */
export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}
