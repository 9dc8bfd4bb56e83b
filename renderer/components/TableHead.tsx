/** A column header: its words, or its words and a class (`num`: a column of figures, right-aligned). */
export type Column = string | { label: string; className: string };

/** A column of figures (right-aligned, as its cells are). */
export const num = (label: string): Column => ({ label, className: 'num' });

/**
 * A table's column headers. With `actions`, a last column (the rows' actions) named for screen readers only.
 */
export function TableHead({ columns, actions }: { columns: readonly Column[]; actions?: string }) {
  return (
    <thead>
      <tr>
        {columns.map((c) =>
          typeof c === 'string' ? (
            <th key={c} scope="col">
              {c}
            </th>
          ) : (
            <th key={c.label} scope="col" className={c.className}>
              {c.label}
            </th>
          ),
        )}
        {actions !== undefined && (
          <th scope="col">
            <span className="visually-hidden">{actions}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
