import { useEffect, useId, useRef } from 'react';

/**
 * "Discard what you typed?" asked in place when a person cancels a form they have changed (issue 16): Discard
 * (focused) goes on with the cancel, Keep editing (or Escape) puts the focus back where it was.
 */
export function ConfirmDiscard({ what, onDiscard, onKeep }: { what: string; onDiscard: () => void; onKeep: () => void }) {
  const titleId = useId();
  const discard = useRef<HTMLButtonElement>(null);
  useEffect(() => discard.current?.focus(), []);
  return (
    <div
      className="confirm-discard"
      role="alertdialog"
      aria-labelledby={titleId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onKeep();
        }
      }}
    >
      <p id={titleId}>Discard {what}? What you typed is lost.</p>
      <div className="actions">
        <button type="button" className="danger" ref={discard} onClick={onDiscard}>
          Discard
        </button>
        <button type="button" className="secondary" onClick={onKeep}>
          Keep editing
        </button>
      </div>
    </div>
  );
}
