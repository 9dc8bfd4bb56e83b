import type { AgencyConfig } from '../../shared/config/agencyConfig';
import { DEFAULT_GRIEVANCE_REASONS } from '../../shared/config/agencyConfig';
import { type BuildResult, Cell, fieldId, SettingsPage, useConfigEditor } from './configEditor';
import { CONFIG_PAGES } from './configPages';
import { focusLater, ListTable, moved, RowActions, without } from './listEditor';
import type { SettingsScreenProps } from './settingsScreen';

interface ReasonDraft {
  key: string;
  text: string;
}
interface ReasonsDraft {
  reasons: ReasonDraft[];
}

let keySeq = 0;
const toDraft = (c: AgencyConfig): ReasonsDraft => ({ reasons: c.grievanceReasons.map((text, i) => ({ key: `reason-${i}`, text })) });
const build = (d: ReasonsDraft, config: AgencyConfig): BuildResult => ({
  next: { ...config, grievanceReasons: d.reasons.map((r) => r.text.trim()) },
  issues: [],
});

/**
 * Settings → Grievance reasons: the categories a complaint is counted under in the grievance report
 * (the annual managed-care report's reasons). Removing one leaves complaints that have it as they are.
 */
export function GrievanceReasons({ config }: SettingsScreenProps) {
  const editor = useConfigEditor(config, toDraft, build);
  const { draft, setDraft, errorOf } = editor;
  const add = () => {
    const i = draft.reasons.length;
    setDraft((d) => ({ reasons: [...d.reasons, { key: `reason-new-${++keySeq}`, text: '' }] }));
    focusLater(fieldId(['grievanceReasons', i]));
  };

  return (
    <SettingsPage {...editor.page} {...CONFIG_PAGES.grievances}>
      <ListTable caption="Grievance reasons" columns={['Reason']}>
        {draft.reasons.map((r, i) => {
          const name = r.text.trim() || `reason ${i + 1}`;
          return (
            <tr key={r.key}>
              <td>
                <Cell id={fieldId(['grievanceReasons', i])} label={`Reason ${i + 1}`} error={errorOf(['grievanceReasons', i])}>
                  {(p) => (
                    <input
                      {...p}
                      value={r.text}
                      onChange={(e) =>
                        setDraft((d) => ({ reasons: d.reasons.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)) }))
                      }
                    />
                  )}
                </Cell>
              </td>
              <td>
                <RowActions
                  name={name}
                  idPrefix={`grievance-reason-${r.key}`}
                  index={i}
                  count={draft.reasons.length}
                  onMove={(by) => setDraft((d) => ({ reasons: moved(d.reasons, i, by) }))}
                  onRemove={() => setDraft((d) => ({ reasons: without(d.reasons, i) }))}
                  removeFocus="grievance-reason-add"
                />
              </td>
            </tr>
          );
        })}
      </ListTable>
      {errorOf(['grievanceReasons']) && (
        <p className="field-error" id={fieldId(['grievanceReasons'])} tabIndex={-1}>
          {errorOf(['grievanceReasons'])}
        </p>
      )}
      <div className="section-actions">
        <button type="button" id="grievance-reason-add" className="secondary" onClick={add}>
          Add a reason
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => setDraft(() => ({ reasons: DEFAULT_GRIEVANCE_REASONS.map((text) => ({ key: `reason-new-${++keySeq}`, text })) }))}
        >
          Use the default list
        </button>
      </div>
    </SettingsPage>
  );
}
