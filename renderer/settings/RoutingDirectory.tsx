import type { AgencyConfig } from '../../shared/config/agencyConfig';
import type { ConfigPath } from '../../shared/config/validateConfig';
import { type BuildResult, fieldId, SettingsPage, useConfigEditor } from './configEditor';
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
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());
  const set = (i: number, patch: Partial<EntryDraft>) =>
    setDraft((d) => ({ ...d, entries: d.entries.map((e, j) => (j === i ? { ...e, ...patch } : e)) }));
  const move = (i: number, by: -1 | 1, focusId: string) => {
    setDraft((d) => {
      const entries = [...d.entries];
      const [entry] = entries.splice(i, 1);
      if (entry) entries.splice(i + by, 0, entry);
      return { ...d, entries };
    });
    focusLater(focusId);
  };
  const add = () => {
    const i = draft.entries.length;
    setDraft((d) => ({ ...d, entries: [...d.entries, { key: `route-new-${++keySeq}`, issueType: '', checkFirst: '', contact: '' }] }));
    focusLater(fieldId(['routing', i, 'issueType']));
  };

  return (
    <SettingsPage
      {...editor.page}
      titleId="routing-title"
      title="Routing directory"
      intro={
        <p className="muted">
          The quick reference liaisons open beside an inquiry: for each kind of issue, what to check first and whom to contact. Listed in
          this order in the panel.
        </p>
      }
    >
      {draft.entries.length === 0 && <p className="muted">The directory is empty. Add the first issue type.</p>}
      <table className="settings-table routing-table">
        <caption className="visually-hidden">Routing directory</caption>
        <thead>
          <tr>
            <th scope="col">Issue type</th>
            <th scope="col">Check first</th>
            <th scope="col">Contact</th>
            <th scope="col">
              <span className="visually-hidden">Order and removal</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {draft.entries.map((e, i) => {
            const name = e.issueType.trim() || `entry ${i + 1}`;
            const up = `routing-${e.key}-up`;
            const down = `routing-${e.key}-down`;
            return (
              <tr key={e.key}>
                <td>
                  <Cell
                    id={fieldId(['routing', i, 'issueType'])}
                    label={`Issue type ${i + 1}`}
                    error={errorOf(['routing', i, 'issueType'])}
                  >
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
                  <div className="row-actions">
                    <button
                      aria-label={`Move up: ${name}`}
                      type="button"
                      id={up}
                      className="link-button"
                      disabled={i === 0}
                      onClick={() => move(i, -1, up)}
                    >
                      Move up
                    </button>
                    <button
                      aria-label={`Move down: ${name}`}
                      type="button"
                      id={down}
                      className="link-button"
                      disabled={i === draft.entries.length - 1}
                      onClick={() => move(i, 1, down)}
                    >
                      Move down
                    </button>
                    <button
                      aria-label={`Remove ${name}`}
                      type="button"
                      className="link-button"
                      onClick={() => {
                        setDraft((d) => ({ ...d, entries: d.entries.filter((_, j) => j !== i) }));
                        focusLater('routing-add');
                      }}
                    >
                      Remove
                    </button>
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="section-actions">
        <button type="button" id="routing-add" className="secondary" onClick={add}>
          Add an issue type
        </button>
      </div>
    </SettingsPage>
  );
}

interface CellProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/** A control in a table cell: its label for screen readers only (the column header shows it), its error below it. */
export function Cell({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error: string | undefined;
  children: (props: CellProps) => React.ReactNode;
}) {
  const props: CellProps = { id };
  if (error) {
    props['aria-invalid'] = true;
    props['aria-describedby'] = `${id}-error`;
  }
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      {children(props)}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export type { ConfigPath };
