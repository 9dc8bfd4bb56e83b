import type { ReactNode } from 'react';
import { TableHead } from '../components/TableHead';

/*
 * The parts of the settings screens' ordered lists (grievance reasons, the routing directory, categories,
 * suggestion rules): each item moves up or down or goes, by keyboard, and focus stays where the person is.
 */

/** Focus moves to a control once it is drawn (after an add, to its first field; after a remove, to the add button). */
export const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

/** The list with item `i` moved one place up (-1) or down (1). */
export function moved<T>(list: readonly T[], i: number, by: -1 | 1): T[] {
  const out = [...list];
  const [item] = out.splice(i, 1);
  if (item !== undefined) out.splice(i + by, 0, item);
  return out;
}

/** The list with item `i` changed by `patch`. */
export const patchAt = <T,>(list: readonly T[], i: number, patch: Partial<T>): T[] =>
  list.map((x, j) => (j === i ? { ...x, ...patch } : x));

/** The list without item `i`. */
export const without = <T,>(list: readonly T[], i: number): T[] => list.filter((_, j) => j !== i);

/**
 * Move up, Move down and Remove for item `index` of `count`. A moved item keeps focus on the button
 * pressed (ids `${idPrefix}-up` and `-down`); after a remove, focus goes to `removeFocus` (the add button).
 */
export function RowActions({
  name,
  idPrefix,
  index,
  count,
  onMove,
  onRemove,
  removeFocus,
}: {
  name: string;
  idPrefix: string;
  index: number;
  count: number;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  removeFocus: string;
}) {
  const button = (by: -1 | 1, text: string, id: string, disabled: boolean) => (
    <button
      aria-label={`${text}: ${name}`}
      type="button"
      id={id}
      className="link-button"
      disabled={disabled}
      onClick={() => {
        onMove(by);
        focusLater(id);
      }}
    >
      {text}
    </button>
  );
  return (
    <div className="row-actions">
      {button(-1, 'Move up', `${idPrefix}-up`, index === 0)}
      {button(1, 'Move down', `${idPrefix}-down`, index === count - 1)}
      <button
        aria-label={`Remove ${name}`}
        type="button"
        className="link-button"
        onClick={() => {
          onRemove();
          focusLater(removeFocus);
        }}
      >
        Remove
      </button>
    </div>
  );
}

/** A settings list as a table: one row an item, its controls in the cells, its order and removal in the last. */
export function ListTable({
  caption,
  className,
  columns,
  children,
}: {
  caption: string;
  className?: string;
  columns: string[];
  children: ReactNode;
}) {
  return (
    <table className={className ? `settings-table ${className}` : 'settings-table'}>
      <caption className="visually-hidden">{caption}</caption>
      <TableHead columns={columns} actions="Order and removal" />
      <tbody>{children}</tbody>
    </table>
  );
}
