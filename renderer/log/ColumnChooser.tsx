import { useId, useRef, useState } from 'react';
import {
  COLUMN_LABELS,
  DEFAULT_LOG_LAYOUT,
  FIXED_COLUMN,
  FLEX_COLUMN,
  type LogLayout,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  moveColumn,
  resizeColumn,
  toggleColumn,
} from '../../shared/log/logLayout';

/**
 * "Columns": which columns the log shows, their order and widths, by keyboard or mouse. A disclosure (not a dialog):
 * the log stays usable beside it; Escape closes it and puts the focus back on its button. Changes apply at once and
 * are remembered for the person (renderer/data/logLayout.ts).
 */
export function ColumnChooser({ layout, onLayout }: { layout: LogLayout; onLayout: (next: LogLayout) => void }) {
  const [open, setOpen] = useState(false);
  const [moved, setMoved] = useState('');
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const move = (column: (typeof layout.columns)[number]['id'], by: -1 | 1) => {
    const next = moveColumn(layout, column, by);
    onLayout(next);
    const at = next.columns.findIndex((c) => c.id === column);
    setMoved(`${COLUMN_LABELS[column]} is now column ${at + 1} of ${next.columns.length}.`);
  };
  return (
    <div className="column-chooser">
      <button
        type="button"
        className="secondary"
        ref={button}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => (open ? close() : setOpen(true))}
      >
        Columns
      </button>
      {open && (
        <section
          id={id}
          className="column-panel"
          aria-label="Columns of the log"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          <p className="hint">Show, order and size the log's columns. Remembered for you on this desk and kept in saved views.</p>
          <ol className="column-list">
            {layout.columns.map((c, i) => {
              const label = COLUMN_LABELS[c.id];
              return (
                <li key={c.id}>
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={!c.hidden}
                      disabled={c.id === FIXED_COLUMN}
                      onChange={(e) => onLayout(toggleColumn(layout, c.id, e.target.checked))}
                    />
                    {label}
                  </label>
                  <span className="column-actions">
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Move ${label} earlier`}
                      disabled={i === 0}
                      onClick={() => move(c.id, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Move ${label} later`}
                      disabled={i === layout.columns.length - 1}
                      onClick={() => move(c.id, 1)}
                    >
                      ↓
                    </button>
                    <label className="column-width">
                      <span className="visually-hidden">Width of {label} in pixels</span>
                      <input
                        type="number"
                        min={MIN_COLUMN_WIDTH}
                        max={MAX_COLUMN_WIDTH}
                        step={10}
                        value={c.width}
                        onChange={(e) => onLayout(resizeColumn(layout, c.id, e.target.valueAsNumber))}
                      />
                      <span aria-hidden="true">px{c.id === FLEX_COLUMN ? ' or more' : ''}</span>
                    </label>
                  </span>
                </li>
              );
            })}
          </ol>
          <p className="visually-hidden" aria-live="polite">
            {moved}
          </p>
          <div className="actions">
            <button type="button" className="secondary small" onClick={() => onLayout(DEFAULT_LOG_LAYOUT)}>
              Reset columns
            </button>
            <button type="button" className="primary small" onClick={close}>
              Done
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
