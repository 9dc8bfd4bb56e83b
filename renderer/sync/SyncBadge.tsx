import { hrefOf } from '../app/router';
import { ago, phaseText, useNow, useSync } from './useSync';
import './sync.css';

/**
 * The sync status always in view (the header): when the desk last synced, what waits to be
 * sent, or that something needs attention. A link to Settings → Sync, where the rest is.
 */
export function SyncBadge() {
  const { view } = useSync();
  const now = useNow();
  const { status } = view;
  const trouble = !view.desktop ? false : status.phase === 'problem' || status.phase === 'locked';
  let text: string;
  if (!view.desktop) text = 'Sync: desktop app only';
  else if (status.phase === 'not_set_up') text = 'Sync off';
  else if (status.phase === 'locked') text = 'Sync: passphrase needed';
  else if (status.phase === 'problem') text = status.problems.some((p) => p.blocking) ? 'Sync stopped' : 'Sync: attention';
  else if (status.phase === 'syncing') text = 'Syncing…';
  else text = status.lastSuccessAt ? `Synced ${ago(status.lastSuccessAt, now)}` : 'Not synced yet';
  const waiting =
    view.desktop && status.pending > 0 && status.phase !== 'not_set_up' ? ` · ${status.pending.toLocaleString('en-US')} to send` : '';
  const detail = view.desktop ? (status.problems[0]?.message ?? phaseText(status, view.desktop)) : phaseText(status, view.desktop);
  return (
    <a
      className={`sync-badge${trouble ? ' sync-badge-trouble' : ''}`}
      href={hrefOf({ name: 'settings', section: 'sync' })}
      title={detail}
      aria-label={`${text}${waiting}. Sync settings.`}
    >
      <span aria-hidden="true" className="sync-badge-mark">
        {trouble ? '⚠' : '⇅'}
      </span>
      {text}
      {waiting}
    </a>
  );
}
