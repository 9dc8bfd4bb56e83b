import { Field } from '../../components/Field';
import { fieldId } from '../configEditor';
import { Section, type SectionProps } from './UI';

/** The shares of a step's business time at which the desk warns. */
export function Warnings({ draft, setDraft, err }: SectionProps) {
  return (
    <Section
      legend="Warnings"
      hint={
        <>
          Besides due and overdue, the desk warns when a step has used these shares of its business time (from its start to its target, or
          to its deadline when it has no target). Desktop notifications come only in office hours; what happened while the office was closed
          is summed up in one notification when it opens.
        </>
      }
    >
      <Field
        id={fieldId(['warningThresholds'])}
        label="Warn at these percentages of the business time"
        hint="Whole numbers from 1 to 99, smallest first, at most 5, separated by commas; for example 50, 75, 90. Leave empty for no warnings."
        error={err('warningThresholds')}
        className="narrow"
      >
        {(p) => (
          <input
            {...p}
            value={draft.warningThresholds}
            onChange={(e) => setDraft((d) => ({ ...d, warningThresholds: e.target.value }))}
            inputMode="numeric"
            autoComplete="off"
          />
        )}
      </Field>
    </Section>
  );
}
