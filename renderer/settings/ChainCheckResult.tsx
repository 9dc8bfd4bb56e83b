import { useId } from 'react';
import { deskCodeOf } from '../../shared/inquiry/chainReport';
import { leadsTheUnit, type Profile } from '../../shared/people';
import type { TimeZone } from '../../shared/time/types';
import type { ImportCheck } from '../data/verifyImport';
import { BreaksTable } from './VerifyLog';
import './verify.css';

const count = (n: number) => n.toLocaleString('en-US');
/** Breaks listed in the preview (the count is exact; Verify the log lists them all after an import). */
const LISTED = 50;

/**
 * The preview's check of every hash chain in a copy (renderer/data/verifyImport.ts): clean, or its breaks
 * by case number, event and place, with the lead's decision to import it anyway.
 */
export function ChainCheckResult({
  check,
  zone,
  profile,
  accepted,
  onAccepted,
  disabled,
}: {
  check: ImportCheck;
  zone: TimeZone;
  profile: Profile;
  accepted: boolean;
  onAccepted: (accepted: boolean) => void;
  disabled: boolean;
}) {
  const id = useId();
  const { totals, desks, ownDeviceId } = check.chains;
  const otherGaps = totals.gaps;
  const own = ownDeviceId
    ? `This desk in the file: ${deskCodeOf(ownDeviceId)} (${check.ownFrom === 'device' ? 'its identity record' : 'the desk code in its header'}).`
    : 'The file does not say which desk it belongs to: gaps in its chains are counted as not received.';
  const checked = `${count(totals.chained)} chained ${totals.chained === 1 ? 'event' : 'events'} on ${count(desks.length)} ${desks.length === 1 ? 'desk' : 'desks'}, ${count(totals.notChained)} not chained.`;
  const gaps =
    otherGaps > 0
      ? ` ${count(otherGaps)} ${otherGaps === 1 ? 'gap' : 'gaps'} in other desks’ chains: events not on that desk yet (not a break).`
      : '';
  if (totals.breaks === 0)
    return (
      <div className="verify-import">
        <p className="data-ok">
          Hash chains checked: no breaks. {checked}
          {gaps}
        </p>
        <p className="muted">{own}</p>
      </div>
    );
  const lead = leadsTheUnit(profile.role);
  return (
    <div className="verify-import">
      <p className="data-warn">
        <strong>
          Hash chains checked: {count(totals.breaks)} {totals.breaks === 1 ? 'break' : 'breaks'}.
        </strong>{' '}
        Events in this file were changed, removed or put in outside the app after their desk recorded them. {checked}
        {gaps}
      </p>
      <p className="muted">{own}</p>
      <BreaksTable
        breaks={check.chains.breaks.slice(0, LISTED)}
        caption={totals.breaks > LISTED ? `Broken events in the file (the first ${LISTED})` : 'Broken events in the file'}
        zone={zone}
        linkCases={false}
      />
      {lead ? (
        <div className="field checkbox">
          <label className="choice verify-choice">
            <input
              id={`${id}-accept`}
              type="checkbox"
              checked={accepted}
              onChange={(e) => onAccepted(e.target.checked)}
              disabled={disabled}
            />{' '}
            Import it anyway, with its {totals.breaks === 1 ? 'break' : `${count(totals.breaks)} breaks`}. Your name and the time are
            recorded with the import, and the breaks stay listed in Verify the log and marked on their inquiries.
          </label>
        </div>
      ) : (
        <p className="form-error">Only a unit lead can import a file with breaks. Ask a unit lead to look at it.</p>
      )}
    </div>
  );
}
