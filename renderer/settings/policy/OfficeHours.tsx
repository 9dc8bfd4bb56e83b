import { Field, Options } from '../../components/Field';
import { TableHead } from '../../components/TableHead';
import { Cell, fieldId } from '../configEditor';
import { patchAt } from '../listEditor';
import { type DayDraft, WEEK_ORDER, WEEKDAYS } from './draft';
import { Section, type SectionProps } from './UI';

/** The zones of US state agencies (a stored zone not listed here is offered too). */
const US_ZONES: { zone: string; name: string }[] = [
  { zone: 'America/New_York', name: 'Eastern (America/New York)' },
  { zone: 'America/Detroit', name: 'Eastern, Michigan (America/Detroit)' },
  { zone: 'America/Indiana/Indianapolis', name: 'Eastern, Indiana (America/Indiana/Indianapolis)' },
  { zone: 'America/Kentucky/Louisville', name: 'Eastern, Kentucky (America/Kentucky/Louisville)' },
  { zone: 'America/Chicago', name: 'Central (America/Chicago)' },
  { zone: 'America/Indiana/Knox', name: 'Central, Indiana (America/Indiana/Knox)' },
  { zone: 'America/North_Dakota/Center', name: 'Central, North Dakota (America/North Dakota/Center)' },
  { zone: 'America/Denver', name: 'Mountain (America/Denver)' },
  { zone: 'America/Boise', name: 'Mountain, Idaho (America/Boise)' },
  { zone: 'America/Phoenix', name: 'Mountain, no daylight saving time (America/Phoenix)' },
  { zone: 'America/Los_Angeles', name: 'Pacific (America/Los Angeles)' },
  { zone: 'America/Anchorage', name: 'Alaska (America/Anchorage)' },
  { zone: 'Pacific/Honolulu', name: 'Hawaii (Pacific/Honolulu)' },
  { zone: 'America/Puerto_Rico', name: 'Atlantic (America/Puerto Rico)' },
  { zone: 'Pacific/Guam', name: 'Chamorro (Pacific/Guam)' },
];

/** The agency's time zone and its office hours, weekday by weekday. */
export function OfficeHours({ draft, setDraft, err }: SectionProps) {
  const setDay = (w: number, patch: Partial<DayDraft>) => setDraft((d) => ({ ...d, week: patchAt(d.week, w, patch) }));
  return (
    <Section legend="Office hours">
      <TimeZoneField value={draft.timeZone} error={err('timeZone')} onChange={(timeZone) => setDraft((d) => ({ ...d, timeZone }))} />
      {err('calendar', 'officeHours') && (
        <p id={fieldId(['calendar', 'officeHours'])} className="field-error" tabIndex={-1}>
          {err('calendar', 'officeHours')}
        </p>
      )}
      <div className="scroll-x">
        <table className="settings-table week-table">
          <caption className="visually-hidden">Office hours by weekday</caption>
          <TableHead columns={['Day', 'Open', 'Opens at', 'Closes at']} />
          <tbody>
            {WEEK_ORDER.map((w) => {
              const day = draft.week[w] as DayDraft;
              return (
                <tr key={w}>
                  <th scope="row">{WEEKDAYS[w]}</th>
                  <td>
                    <label className="choice">
                      <input
                        type="checkbox"
                        id={`policy-day-${w}-open`}
                        checked={day.open}
                        onChange={(e) => setDay(w, { open: e.target.checked })}
                      />
                      Open on {WEEKDAYS[w]}
                    </label>
                  </td>
                  {EDGES.map(({ edge, field, words }) => (
                    <td key={edge}>
                      <TimeInput
                        id={fieldId(['calendar', 'officeHours', w, edge])}
                        label={`${WEEKDAYS[w]} ${words}`}
                        value={day[field]}
                        disabled={!day.open}
                        error={err('calendar', 'officeHours', w, edge)}
                        onChange={(time) => setDay(w, { [field]: time })}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Section>
  );
}

/** The two times of an office day: the configuration's edge, the draft's field, and the words of its label. */
const EDGES = [
  { edge: 'open', field: 'from', words: 'opens at' },
  { edge: 'close', field: 'to', words: 'closes at' },
] as const;

function TimeInput({
  id,
  label,
  value,
  disabled,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  disabled: boolean;
  error: string | undefined;
  onChange: (v: string) => void;
}) {
  return (
    <Cell id={id} label={label} error={error}>
      {(p) => (
        <input
          {...p}
          value={disabled ? '' : value}
          placeholder={disabled ? 'closed' : undefined}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          className="time-input"
        />
      )}
    </Cell>
  );
}

function TimeZoneField({ value, error, onChange }: { value: string; error: string | undefined; onChange: (v: string) => void }) {
  const zones = US_ZONES.some((z) => z.zone === value) ? US_ZONES : [{ zone: value, name: value.replace(/_/g, ' ') }, ...US_ZONES];
  return (
    <Field
      id={fieldId(['timeZone'])}
      label="Agency time zone"
      hint="Office hours, deadlines and the times shown are in this zone."
      error={error}
      className="narrow"
    >
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.target.value)}>
          <Options options={zones.map((z) => ({ value: z.zone, label: z.name }))} />
        </select>
      )}
    </Field>
  );
}
