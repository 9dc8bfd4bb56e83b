import type { AgencyConfig, SuggestionRule } from './agencyConfig';

/**
 * Priority suggestions (SPEC.md "The process", step 3): the agency's rules may suggest a priority from the
 * description and the category, and a person always decides. The intake form shows the suggestion with its
 * reason ("Suggested: High (mentions "hospital")") and a button to use it; nothing is ever chosen for them.
 */

export interface PrioritySuggestion {
  /** The id of the suggested priority level. */
  priority: string;
  /** Why, in words a liaison reads beside the suggestion: `mentions "hospital"`, `category is "Behavioral health"`. */
  because: string;
}

/**
 * Words of a text for whole-word matching: lower case, split at anything that is not a letter or a digit,
 * so "Out-of-medication" and "out of  medication" are both the words out, of, medication, and "member's"
 * holds the word "member".
 */
export function wordsOf(text: string): string[] {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('en-US')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Whether `phrase` (one or more words) appears in `words` as whole, consecutive words. */
function containsPhrase(words: readonly string[], phrase: readonly string[]): boolean {
  if (phrase.length === 0 || phrase.length > words.length) return false;
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
}

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase('en-US') === b.trim().toLocaleLowerCase('en-US');

/** The reason one rule matches, or null. Keywords are tried in the rule's order, then the category. */
function ruleMatch(rule: SuggestionRule, words: readonly string[], category: string): string | null {
  for (const keyword of rule.keywords) if (containsPhrase(words, wordsOf(keyword))) return `mentions "${keyword.trim()}"`;
  if (category.trim() !== '') {
    const named = rule.categories.find((c) => sameName(c, category));
    if (named !== undefined) return `category is "${named.trim()}"`;
  }
  return null;
}

/**
 * The priority the agency's rules suggest for an inquiry, or null when no rule matches. Rules are tried in
 * order and the first match wins; a keyword matches whole words in any case (several words must appear
 * together, in order); a category matches by name in any case. A rule naming a priority level the agency
 * no longer has is skipped.
 */
export function suggestPriority(
  config: Pick<AgencyConfig, 'suggestionRules' | 'priorityLevels'>,
  input: { description: string; category: string },
): PrioritySuggestion | null {
  const levels = new Set(config.priorityLevels.map((p) => p.id));
  const words = wordsOf(input.description);
  for (const rule of config.suggestionRules) {
    if (!levels.has(rule.priority)) continue;
    const because = ruleMatch(rule, words, input.category);
    if (because !== null) return { priority: rule.priority, because };
  }
  return null;
}
