import { type FormEvent, useState } from 'react';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import { failureText } from '../../shared/errors';
import { RESOLUTION_LABELS, resolutionBlocked } from '../../shared/inquiry/commands/resolveInquiry';
import { RESOLUTIONS, type Resolution } from '../../shared/inquiry/events';
import type { InquiryRecord } from '../../shared/inquiry/projection';
import type { Profile } from '../../shared/people';
import { FormError } from '../components/ErrorSummary';
import { RadioGroup } from '../components/Field';
import { useServices } from '../data/hooks';
import { NoteField } from './steps/fields';

/**
 * An open inquiry from the old log waits for a unit lead (docs/events.md "ImportReviewed"): kept open, its
 * first contact is due again from now under today's policy; closed, it is resolved. Until then nothing on it
 * is due, and it is in "Imported — to review", not in Due today or Overdue.
 */
export function ImportReviewPanel({ inquiry, config, profile }: { inquiry: InquiryRecord; config: AgencyConfig; profile: Profile }) {
  const { repo } = useServices();
  const options = RESOLUTIONS.map((r) => ({ value: r, blocked: resolutionBlocked(inquiry, r, config.outreachMaxAttempts) }));
  const [resolution, setResolution] = useState<Resolution>('agency');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const lead = profile.role === 'lead';

  async function run(input: Parameters<typeof repo.execute<'reviewImported'>>[2]) {
    setBusy(true);
    setError(undefined);
    try {
      await repo.execute('reviewImported', inquiry.id, input);
      document.getElementById('main')?.focus();
    } catch (e) {
      setError(`Nothing was recorded: ${failureText(e)}`);
      setBusy(false);
    }
  }
  function close(e: FormEvent) {
    e.preventDefault();
    const blocked = options.find((o) => o.value === resolution)?.blocked;
    if (blocked) return setError(blocked);
    if (!text.trim()) {
      setError('Say what was done to resolve it.');
      document.getElementById('review-close-text')?.focus();
      return;
    }
    void run({ decision: 'closed', resolution, text });
  }

  return (
    <section className="import-review" aria-labelledby="import-review-title">
      <h2 id="import-review-title">From the old log: waiting for a unit lead's review</h2>
      <p>
        This inquiry was open in the old log. Its old targets are history, so nothing on it is due until a unit lead keeps it open (the
        first contact is then due from now) or closes it.
      </p>
      {!lead ? (
        <p className="muted">A unit lead reviews it from the "Imported — to review" queue.</p>
      ) : (
        <>
          <FormError message={error} />
          <div className="row-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => void run({ decision: 'kept_open' })}>
              Keep open, due from now
            </button>
          </div>
          <form className="import-review-close" onSubmit={close} noValidate aria-label="Close it with a resolution">
            <RadioGroup
              id="review-close-how"
              legend="Or close it: how it ended"
              options={options.filter((o) => !o.blocked).map((o) => ({ value: o.value, label: RESOLUTION_LABELS[o.value] }))}
              value={resolution}
              onChange={setResolution}
            />
            <NoteField id="review-close-text" label="What was done" value={text} onChange={setText} required />
            <button type="submit" disabled={busy}>
              Close the inquiry
            </button>
          </form>
        </>
      )}
    </section>
  );
}
