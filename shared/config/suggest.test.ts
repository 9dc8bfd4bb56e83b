import { describe, expect, it } from 'vitest';
import { type AgencyConfig, DEFAULT_AGENCY_CONFIG } from './agencyConfig';
import { suggestPriority, wordsOf } from './suggest';
import { DIRE_NEED } from './testing';

const config: Pick<AgencyConfig, 'suggestionRules' | 'priorityLevels'> = {
  priorityLevels: [...DEFAULT_AGENCY_CONFIG.priorityLevels, DIRE_NEED],
  suggestionRules: [
    { priority: 'dire-need', keywords: ['out of medication', 'eviction notice'], categories: [] },
    { priority: 'high', keywords: ['hospital', 'ER', 'follow-up'], categories: ['Behavioral health'] },
    { priority: 'escalated', keywords: [], categories: ['Billing'] },
  ],
};

const suggest = (description: string, category = '') => suggestPriority(config, { description, category });

describe('wordsOf', () => {
  it('lowers case and splits at anything that is not a letter or digit', () => {
    expect(wordsOf("Member's ride -- OUT-of-medication, 2 days")).toEqual(['member', 's', 'ride', 'out', 'of', 'medication', '2', 'days']);
    expect(wordsOf('  ')).toEqual([]);
    expect(wordsOf('Café ÉLAN')).toEqual(['café', 'élan']);
  });
});

describe('suggestPriority', () => {
  it('suggests the priority of a rule whose keyword appears as a whole word, in any case', () => {
    expect(suggest('Member was admitted to the HOSPITAL last night.')).toEqual({ priority: 'high', because: 'mentions "hospital"' });
    expect(suggest('Went to the ER twice')).toEqual({ priority: 'high', because: 'mentions "ER"' });
  });

  it('does not match a keyword inside a longer word', () => {
    expect(suggest('Was hospitalized in May')).toBeNull();
    expect(suggest('The provider was never paid')).toBeNull(); // "ER" inside "provider", "never"
    expect(suggest('Hospitals nearby are full')).toBeNull();
  });

  it('matches a keyword of several words only when they appear together and in order', () => {
    expect(suggest('She is OUT OF   medication since Friday')).toEqual({ priority: 'dire-need', because: 'mentions "out of medication"' });
    expect(suggest('Out-of-medication')).toEqual({ priority: 'dire-need', because: 'mentions "out of medication"' });
    expect(suggest('Medication ran out of stock')).toBeNull();
    expect(suggest('out of town, no medication issue')).toBeNull();
    expect(suggest('needs a follow up call')).toEqual({ priority: 'high', because: 'mentions "follow-up"' });
  });

  it('matches at the very start and end of the text and next to punctuation', () => {
    expect(suggest('hospital')).toEqual({ priority: 'high', because: 'mentions "hospital"' });
    expect(suggest('(eviction notice)')).toEqual({ priority: 'dire-need', because: 'mentions "eviction notice"' });
    expect(suggest('Discharged from the hospital.')).toEqual({ priority: 'high', because: 'mentions "hospital"' });
  });

  it('suggests from the category, matched by name in any case', () => {
    expect(suggest('Needs a new counsellor', 'Behavioral health')).toEqual({
      priority: 'high',
      because: 'category is "Behavioral health"',
    });
    expect(suggest('Billed for a visit', 'billing')).toEqual({ priority: 'escalated', because: 'category is "Billing"' });
    expect(suggest('Billed for a visit', 'Pharmacy')).toBeNull();
    expect(suggest('Billed for a visit', '')).toBeNull();
  });

  it('takes the first rule that matches, in the order the agency listed them', () => {
    // Both the Dire need rule (keyword) and the High rule (keyword and category) match: Dire need is first.
    expect(suggest('In the hospital and out of medication', 'Behavioral health')).toEqual({
      priority: 'dire-need',
      because: 'mentions "out of medication"',
    });
    // The High rule matches on its keyword before its category.
    expect(suggest('hospital stay', 'Behavioral health')).toEqual({ priority: 'high', because: 'mentions "hospital"' });
    // The Billing rule comes after the High rule.
    expect(suggest('Billed after a hospital visit', 'Billing')).toEqual({ priority: 'high', because: 'mentions "hospital"' });
  });

  it('skips a rule whose priority level no longer exists, and suggests nothing without rules', () => {
    const withoutDire = { ...config, priorityLevels: DEFAULT_AGENCY_CONFIG.priorityLevels };
    expect(suggestPriority(withoutDire, { description: 'out of medication', category: '' })).toBeNull();
    expect(suggestPriority(withoutDire, { description: 'out of medication at the hospital', category: '' })).toEqual({
      priority: 'high',
      because: 'mentions "hospital"',
    });
    expect(suggestPriority({ ...config, suggestionRules: [] }, { description: 'hospital', category: 'Billing' })).toBeNull();
  });

  it('ignores a keyword with no letters or digits', () => {
    const odd = { ...config, suggestionRules: [{ priority: 'high', keywords: ['!!!'], categories: [] }] };
    expect(suggestPriority(odd, { description: 'Help!!!', category: '' })).toBeNull();
  });

  it('suggests High for the default rules on the words the seeds use', () => {
    expect(
      suggestPriority(DEFAULT_AGENCY_CONFIG, { description: 'Member is being discharged; discharge planner called', category: '' }),
    ).toEqual({
      priority: 'high',
      because: 'mentions "discharge"',
    });
    expect(
      suggestPriority(DEFAULT_AGENCY_CONFIG, { description: 'Ride to dialysis did not come.', category: 'Transportation' }),
    ).toBeNull();
  });
});
