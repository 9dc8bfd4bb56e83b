import type { ConfigPath } from '../../shared/config/validateConfig';
import { SettingsPage, useConfigEditor } from './configEditor';
import { CONFIG_PAGES } from './configPages';
import { Closures } from './policy/Closures';
import { anchorOf, build, POLICY_NOTE, toDraft } from './policy/draft';
import { Holidays } from './policy/Holidays';
import { OfficeHours } from './policy/OfficeHours';
import { PriorityLevels } from './policy/PriorityLevels';
import { Warnings } from './policy/Warnings';
import type { SettingsScreenProps } from './settingsScreen';

/** Settings → Policy and calendar: priority levels and targets, outreach attempts, office hours, holidays, closures. */
export function PolicySettings({ config }: SettingsScreenProps) {
  const editor = useConfigEditor(config, toDraft, build, { savedNote: POLICY_NOTE, anchor: anchorOf });
  const { draft, setDraft, errorOf } = editor;
  const err = (...path: ConfigPath) => errorOf(path);
  const section = { draft, setDraft, err };

  return (
    <SettingsPage {...editor.page} {...CONFIG_PAGES.policy}>
      <PriorityLevels {...section} />
      <Warnings {...section} />
      <OfficeHours {...section} />
      <Holidays {...section} config={config} />
      <Closures {...section} />
    </SettingsPage>
  );
}
