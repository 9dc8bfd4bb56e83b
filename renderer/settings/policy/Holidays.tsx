import type { AgencyConfig } from '../../../shared/config/agencyConfig';
import { HOLIDAY_TYPES, type HolidayType } from '../../../shared/time/holidays';
import { presetLabel, STATE_PRESET_IDS, STATE_PRESETS, type StatePresetId } from '../../../shared/time/statePresets';
import { Field } from '../../components/Field';
import { fieldId } from '../configEditor';
import { ClosedDaysPreviewPanel } from './ClosedDaysPreview';
import { toggle } from './draft';
import { Section, type SectionProps } from './UI';

const HOLIDAY_TYPE_LABELS: Record<HolidayType, string> = {
  public: 'Public holidays',
  bank: 'Bank holidays',
  school: 'School holidays',
  optional: 'Optional holidays (e.g. Christmas Eve)',
  observance: 'Observances (e.g. Day after Thanksgiving)',
};

/** Which holidays close the office, and the closed days of the coming year that follow from them. */
export function Holidays({ draft, setDraft, err, config }: SectionProps & { config: AgencyConfig }) {
  return (
    <Section legend="Holidays">
      <Field
        id="policy-state-preset"
        label="Closed days"
        hint={
          draft.statePreset
            ? `The paid holidays of ${STATE_PRESETS[draft.statePreset].citation}. ${STATE_PRESETS[draft.statePreset].weekendRule}`
            : "The holiday library's holidays of the types ticked below, for the region."
        }
        className="narrow"
      >
        {(p) => (
          <select
            {...p}
            value={draft.statePreset}
            onChange={(e) => {
              const preset = e.target.value as StatePresetId | '';
              setDraft((d) => ({ ...d, statePreset: preset, holidayRegion: preset ? STATE_PRESETS[preset].region : d.holidayRegion }));
            }}
          >
            {STATE_PRESET_IDS.map((id) => (
              <option key={id} value={id}>
                {presetLabel(id)}
              </option>
            ))}
            <option value="">Custom: the holiday library's holidays by type</option>
          </select>
        )}
      </Field>
      {draft.statePreset === '' && (
        <>
          <Field
            id={fieldId(['calendar', 'holidayRegion'])}
            label="Holiday region"
            hint="Country and state code from the holiday library, for example US-IA"
            error={err('calendar', 'holidayRegion')}
            className="narrow"
          >
            {(p) => (
              <input
                {...p}
                value={draft.holidayRegion}
                onChange={(e) => setDraft((d) => ({ ...d, holidayRegion: e.target.value }))}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          <fieldset className="field">
            <legend>Holidays that close the office</legend>
            <div className="choices">
              {HOLIDAY_TYPES.map((t) => (
                <label key={t} className="choice">
                  <input
                    type="checkbox"
                    id={`policy-holiday-type-${t}`}
                    checked={draft.holidayTypes.includes(t)}
                    onChange={(e) => setDraft((d) => ({ ...d, holidayTypes: toggle(d.holidayTypes, t, e.target.checked) }))}
                  />
                  {HOLIDAY_TYPE_LABELS[t]}
                </label>
              ))}
            </div>
          </fieldset>
        </>
      )}
      <ClosedDaysPreviewPanel draft={draft} config={config} setDraft={setDraft} />
    </Section>
  );
}
