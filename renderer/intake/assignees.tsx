import { useMemo } from 'react';
import type { AgencyConfig } from '../../shared/config/agencyConfig';
import type { PersonRef } from '../../shared/people';
import { type AssigneeGroup, assigneeGroups, optionsOf } from '../../shared/roster/roster';
import type { ControlProps } from '../components/Field';
import { useRoster } from '../data/hooks';

/** Whether a priority level is on the Escalated path (an ESR works it). */
export const isEscalated = (config: AgencyConfig, priority: string): boolean =>
  config.priorityLevels.find((p) => p.id === priority)?.path === 'escalated';

/**
 * Whom an inquiry can be assigned to (SPEC.md "The unit's roster"): the roster's active people grouped by
 * role, ESRs first for an Escalated inquiry, and the current assignee even when inactive. `people` is the
 * same list flat, for validating the choice.
 */
export function useAssignees(current: PersonRef | null, escalated: boolean): { groups: AssigneeGroup[]; people: PersonRef[] } {
  const roster = useRoster();
  return useMemo(() => {
    const groups = assigneeGroups(roster, current, { escalated });
    return { groups, people: optionsOf(groups) };
  }, [roster, current, escalated]);
}

/** The assignee select: "Unassigned", then one group per role. */
export function AssigneeSelect({
  groups,
  value,
  onChange,
  controlProps,
}: {
  groups: readonly AssigneeGroup[];
  value: string;
  onChange: (value: string) => void;
  controlProps: ControlProps;
}) {
  return (
    <select {...controlProps} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">Unassigned</option>
      {groups.map((g) => (
        <optgroup key={g.label} label={g.label}>
          {g.options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.note ? `${o.name} (${o.note})` : o.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
