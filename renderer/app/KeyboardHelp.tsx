import { useEffect, useRef } from 'react';
import { TableHead } from '../components/TableHead';

/** Every shortcut of the app, where it works and what it does: the same table as README.md "Keyboard". */
export const SHORTCUTS: readonly { where: string; keys: string; does: string }[] = [
  { where: 'Anywhere', keys: '?', does: 'this keyboard help' },
  { where: 'Anywhere', keys: 'Alt+N', does: 'new inquiry, with the focus in its first field' },
  { where: 'Anywhere', keys: 'Ctrl+L (⌘L)', does: 'lock the desk' },
  { where: 'Anywhere', keys: 'Tab at the top of the page', does: '"Skip to main content", past the header and the queues' },
  { where: 'Log', keys: '/', does: 'search' },
  { where: 'Log table', keys: '↑ ↓ Home End', does: 'move between rows (Enter on a case number opens it)' },
  { where: 'Log table', keys: '← →', does: 'move along a row; a cut-off cell shows its whole text' },
  { where: 'Forms', keys: 'Ctrl+Enter', does: 'save or record' },
  { where: 'Forms', keys: 'Esc', does: 'cancel (asks first when something was typed)' },
  { where: 'Desktop app (menu)', keys: 'Ctrl+N (⌘N)', does: 'new inquiry' },
  { where: 'Desktop app (menu)', keys: 'Ctrl+F (⌘F)', does: "find: the log's search box" },
  { where: 'Desktop app (menu)', keys: 'Ctrl+J (⌘J)', does: 'next due item: opens the inquiry that wants attention first' },
  { where: 'Desktop app (menu)', keys: 'Ctrl+Shift+L (⌘⇧L)', does: 'back to the log' },
];

/**
 * The keyboard help (issue 16): a modal dialog (the page behind is inert, so the focus stays in it), closed by Escape
 * or its button, the focus then back where it was.
 */
export function KeyboardHelp({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const from = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const d = dialog.current;
    if (d && !d.open) d.showModal?.();
    return () => {
      // Closed before it leaves the page (a modal dialog removed while open leaves the focus on the body), then the
      // focus goes back, after the browser's own focus fix-up.
      if (d?.open) d.close();
      requestAnimationFrame(() => {
        if (from?.isConnected) from.focus();
      });
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      className="keyboard-help"
      aria-labelledby="keyboard-help-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="keyboard-help-title">Keyboard shortcuts</h2>
      <table>
        <caption className="visually-hidden">Every shortcut, where it works and what it does</caption>
        <TableHead columns={['Where', 'Keys', 'Does']} />
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={`${s.where}|${s.keys}`}>
              <td>{s.where}</td>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </dialog>
  );
}
