import { maskMedicaidId, maskName } from '../../shared/inquiry/mask';
import type { LogRow } from '../../shared/log/logRow';
import { useLogTableContext } from './logTableContext';

/** Member identifiers, masked until the person deliberately reveals this one row. */
export function MemberCell({ row }: { row: LogRow }) {
  const { revealed, toggleReveal } = useLogTableContext();
  const shown = revealed.has(row.id);
  return (
    <span className="member-cell">
      <span className={shown ? 'revealed' : 'masked'}>
        {shown ? row.memberName : maskName(row.memberName)}
        {row.medicaidId && <span className="muted"> {shown ? row.medicaidId : maskMedicaidId(row.medicaidId)}</span>}
      </span>
      <button
        type="button"
        className="link-button reveal"
        aria-pressed={shown}
        aria-label={`${shown ? 'Hide' : 'Reveal'} member for ${row.caseNumber}`}
        onClick={() => toggleReveal(row.id)}
      >
        {shown ? 'Hide' : 'Reveal'}
      </button>
    </span>
  );
}
