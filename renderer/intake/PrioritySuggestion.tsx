import type { AgencyConfig } from '../../shared/config/agencyConfig';
import { suggestPriority } from '../../shared/config/suggest';
import './suggestion.css';

/**
 * "Suggested: High (mentions "hospital") — Use suggestion" beside the priority choice, from the agency's
 * suggestion rules (Settings → Categories and suggestions). Only a suggestion: nothing is chosen until the
 * person presses the button or picks a priority. Says nothing when no rule matches or the choice already agrees.
 */
export function PrioritySuggestion({
  config,
  description,
  category,
  chosen,
  onUse,
  radioId,
}: {
  config: Pick<AgencyConfig, 'suggestionRules' | 'priorityLevels'>;
  description: string;
  category: string;
  chosen: string;
  onUse: (priority: string) => void;
  /** The id of the radio button of a level, to move focus there once the suggestion is used. */
  radioId: (priority: string) => string;
}) {
  const suggestion = suggestPriority(config, { description, category });
  const label = suggestion && config.priorityLevels.find((p) => p.id === suggestion.priority)?.label;
  const show = suggestion !== null && label !== undefined && suggestion.priority !== chosen;
  return (
    <div className="priority-suggestion" role="status">
      {show && (
        <p>
          <span>
            Suggested: <strong>{label}</strong> ({suggestion.because})
          </span>{' '}
          <button
            type="button"
            className="secondary"
            onClick={() => {
              onUse(suggestion.priority);
              requestAnimationFrame(() => document.getElementById(radioId(suggestion.priority))?.focus());
            }}
          >
            Use suggestion
          </button>
        </p>
      )}
    </div>
  );
}
