import type { AgencyConfig } from '../../shared/config/agencyConfig';
import { type BuildResult, Cell, fieldId, SettingsPage, useConfigEditor } from './configEditor';
import { CONFIG_PAGES } from './configPages';
import { focusLater, ListTable, moved, patchAt, RowActions, without } from './listEditor';
import type { SettingsScreenProps } from './settingsScreen';

interface EntryDraft {
  key: string;
  issueType: string;
  checkFirst: string;
  contact: string;
}
interface RoutingDraft {
  entries: EntryDraft[];
}

let keySeq = 0;
const toDraft = (c: AgencyConfig): RoutingDraft => ({ entries: c.routing.map((r, i) => ({ key: `route-${i}`, ...r })) });
const build = (d: RoutingDraft, config: AgencyConfig): BuildResult => ({
  next: {
    ...config,
    routing: d.entries.map((e) => ({ issueType: e.issueType.trim(), checkFirst: e.checkFirst.trim(), contact: e.contact.trim() })),
  },
  issues: [],
});

/** Settings → Routing directory (seed 002): for each issue type, what to check first and whom to contact. */
export function RoutingDirectory({ config }: SettingsScreenProps) {
  const editor = useConfigEditor(config, toDraft, build);
  const { draft, setDraft, errorOf } = editor;
  const set = (i: number, patch: Partial<EntryDraft>) => setDraft((d) => ({ ...d, entries: patchAt(d.entries, i, patch) }));
  const add = () => {
    const i = draft.entries.length;
    setDraft((d) => ({ ...d, entries: [...d.entries, { key: `route-new-${++keySeq}`, issueType: '', checkFirst: '', contact: '' }] }));
    focusLater(fieldId(['routing', i, 'issueType']));
  };

  return (
    <SettingsPage {...editor.page} {...CONFIG_PAGES.routing}>
      {draft.entries.length === 0 && <p className="muted">The directory is empty. Add the first issue type.</p>}
      <ListTable caption="Routing directory" className="routing-table" columns={['Issue type', 'Check first', 'Contact']}>
        {draft.entries.map((e, i) => {
          const name = e.issueType.trim() || `entry ${i + 1}`;
          return (
            <tr key={e.key}>
              <td>
                <Cell id={fieldId(['routing', i, 'issueType'])} label={`Issue type ${i + 1}`} error={errorOf(['routing', i, 'issueType'])}>
                  {(p) => <textarea {...p} value={e.issueType} rows={2} onChange={(ev) => set(i, { issueType: ev.target.value })} />}
                </Cell>
              </td>
              <td>
                <Cell
                  id={fieldId(['routing', i, 'checkFirst'])}
                  label={`Check first for ${name}`}
                  error={errorOf(['routing', i, 'checkFirst'])}
                >
                  {(p) => <textarea {...p} value={e.checkFirst} rows={2} onChange={(ev) => set(i, { checkFirst: ev.target.value })} />}
                </Cell>
              </td>
              <td>
                <Cell id={fieldId(['routing', i, 'contact'])} label={`Contact for ${name}`} error={errorOf(['routing', i, 'contact'])}>
                  {(p) => <textarea {...p} value={e.contact} rows={2} onChange={(ev) => set(i, { contact: ev.target.value })} />}
                </Cell>
              </td>
              <td>
                <RowActions
                  name={name}
                  idPrefix={`routing-${e.key}`}
                  index={i}
                  count={draft.entries.length}
                  onMove={(by) => setDraft((d) => ({ ...d, entries: moved(d.entries, i, by) }))}
                  onRemove={() => setDraft((d) => ({ ...d, entries: without(d.entries, i) }))}
                  removeFocus="routing-add"
                />
              </td>
            </tr>
          );
        })}
      </ListTable>
      <div className="section-actions">
        <button type="button" id="routing-add" className="secondary" onClick={add}>
          Add an issue type
        </button>
      </div>
    </SettingsPage>
  );
}
