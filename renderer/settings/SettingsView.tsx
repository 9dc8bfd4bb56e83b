import type { ComponentType } from 'react';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import type { Profile } from '../../shared/people';
import { formatLong } from '../app/format';
import { hrefOf } from '../app/router';
import { focusOnMount } from '../components/focusOnMount';
import { useConfigHistory, useStoredAgencyConfig } from '../data/settingsHooks';
import { LockSettings } from '../lock/LockSettings';
import { CONFIG_PAGES } from './configPages';
import { DataSettings } from './DataSettings';
import { GrievanceReasons } from './GrievanceReasons';
import { McoDirectory } from './McoDirectory';
import { PeopleSettings } from './PeopleSettings';
import { PolicySettings } from './PolicySettings';
import { RoutingDirectory } from './RoutingDirectory';
import { SyncSettings } from './SyncSettings';
import type { SettingsScreenProps } from './settingsScreen';
import { Taxonomy } from './Taxonomy';
import { VerifyLog } from './VerifyLog';
import './settings.css';

interface Section {
  /** The route: `#/settings/<id>`. */
  id: string;
  title: string;
  summary: string;
  /** null: listed, but not part of this build yet. */
  Screen: ComponentType<SettingsScreenProps> | null;
}

/** The sections of Settings, in the order listed. A new section is one entry here. */
export const SETTINGS_SECTIONS: readonly Section[] = [
  {
    id: 'policy',
    title: CONFIG_PAGES.policy.title,
    summary: 'Priority levels and their first-contact targets, outreach attempts, office hours, holidays and closures.',
    Screen: PolicySettings,
  },
  {
    id: 'people',
    title: 'People',
    summary: 'The unit’s roster: colleagues work can be assigned to, their roles and e-mail addresses.',
    Screen: PeopleSettings,
  },
  {
    id: 'mcos',
    title: CONFIG_PAGES.mcos.title,
    summary: 'MCOs, their departments and contacts; import contacts from a CSV file.',
    Screen: McoDirectory,
  },
  {
    id: 'routing',
    title: CONFIG_PAGES.routing.title,
    summary: 'For each issue type: what to check first and whom to contact.',
    Screen: RoutingDirectory,
  },
  {
    id: 'taxonomy',
    title: CONFIG_PAGES.taxonomy.title,
    summary: 'Issue categories and sub-categories, and the rules that suggest a priority at intake.',
    Screen: Taxonomy,
  },
  {
    id: 'grievances',
    title: CONFIG_PAGES.grievances.title,
    summary: 'The reasons a complaint is counted under in the grievance report.',
    Screen: GrievanceReasons,
  },
  {
    id: 'data',
    title: 'Data and backups',
    summary: 'Whether the browser keeps the log, daily backups and restoring one, full export and import.',
    Screen: DataSettings,
  },
  {
    id: 'verify',
    title: 'Verify the log',
    summary: 'Check every desk’s hash chain for events changed, removed or put in outside the app, and sign the summary off.',
    Screen: VerifyLog,
  },
  { id: 'lock', title: 'Lock and PIN', summary: 'When the desk locks itself, and your PIN.', Screen: LockSettings },
  { id: 'sync', title: 'Sync', summary: 'Share one log with other desks through a network folder.', Screen: SyncSettings },
];

/** `#/settings` (the list of sections and recent changes) and `#/settings/<section>`. */
export function SettingsView({ section, profile }: { section: string | null; profile: Profile }) {
  const config = useStoredAgencyConfig();
  if (config === undefined)
    return (
      <p className="loading" aria-busy="true">
        Opening the settings…
      </p>
    );
  if (section === null) return <SettingsIndex config={config} />;
  const found = SETTINGS_SECTIONS.find((s) => s.id === section);
  if (!found?.Screen)
    return (
      <section aria-labelledby="settings-missing-title">
        <h1 id="settings-missing-title" tabIndex={-1} ref={focusOnMount}>
          {found ? found.title : 'No such settings page'}
        </h1>
        <p>{found ? 'This part of Settings is not available in this build yet.' : 'There is no settings page at this address.'}</p>
        <p>
          <a href={hrefOf({ name: 'settings', section: null })}>Back to Settings</a>
        </p>
      </section>
    );
  const { Screen } = found;
  return <Screen config={config} profile={profile} />;
}

function SettingsIndex({ config }: { config: AgencyConfig }) {
  const history = useConfigHistory();
  const zone = config.timeZone;
  return (
    <section className="settings-index" aria-labelledby="settings-title">
      <h1 id="settings-title" tabIndex={-1} ref={focusOnMount}>
        Settings
      </h1>
      <p className="muted">
        Settings apply to this desk. A policy change applies to inquiries logged after it; what was due on earlier inquiries never changes.
      </p>
      <ul className="settings-sections">
        {SETTINGS_SECTIONS.map((s) => (
          <li key={s.id}>
            {s.Screen ? (
              <a className="settings-section-link" href={hrefOf({ name: 'settings', section: s.id })}>
                {s.title}
              </a>
            ) : (
              <span className="settings-section-link unavailable">{s.title}</span>
            )}
            <p className="muted">{s.Screen ? s.summary : `${s.summary} Not available in this build yet.`}</p>
          </li>
        ))}
      </ul>
      <h2>Recent changes</h2>
      {history === undefined ? null : history.length === 0 ? (
        <p className="muted">No settings have been changed on this desk yet.</p>
      ) : (
        <ol className="settings-history">
          {history.slice(0, 20).map((entry) => (
            <li key={entry.at}>
              <p className="entry-meta">
                <strong>{formatLong(entry.at, zone)}</strong> by {entry.by?.name ?? 'someone without a profile'}
              </p>
              <ul>
                {entry.changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
