import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG, DEFAULT_GRIEVANCE_REASONS, normaliseAgencyConfig } from './agencyConfig';
import { describeConfigChanges } from './configChanges';
import { validateAgencyConfig } from './validateConfig';

describe('config.grievanceReasons', () => {
  it('a configuration stored before the list existed reads with the default list', () => {
    const { grievanceReasons: _none, ...older } = DEFAULT_AGENCY_CONFIG;
    expect(normaliseAgencyConfig(older).grievanceReasons).toEqual([...DEFAULT_GRIEVANCE_REASONS]);
    const parsed = validateAgencyConfig(older);
    expect(parsed.ok && parsed.config.grievanceReasons).toEqual([...DEFAULT_GRIEVANCE_REASONS]);
  });

  it('refuses an empty list, an empty reason and a reason listed twice (any case), each at its place', () => {
    const check = (grievanceReasons: string[]) => {
      const r = validateAgencyConfig({ ...DEFAULT_AGENCY_CONFIG, grievanceReasons });
      return r.ok ? [] : r.issues.map((i) => [i.path.join('.'), i.message]);
    };
    expect(check([])).toEqual([['grievanceReasons', 'Keep at least one grievance reason.']]);
    expect(check(['Access to care', '  '])).toEqual([['grievanceReasons.1', 'Name the reason, or remove it.']]);
    expect(check(['Access to care', 'Transportation', 'ACCESS TO CARE '])).toEqual([
      ['grievanceReasons.2', '"ACCESS TO CARE" is already a grievance reason.'],
    ]);
  });

  it('says what changed in the settings history', () => {
    const after = { ...DEFAULT_AGENCY_CONFIG, grievanceReasons: ['Interpreter services', ...DEFAULT_GRIEVANCE_REASONS.slice(1)] };
    expect(describeConfigChanges(DEFAULT_AGENCY_CONFIG, after)).toEqual([
      'Grievance reasons edited: added Interpreter services; removed Access to care.',
    ]);
    const reordered = { ...DEFAULT_AGENCY_CONFIG, grievanceReasons: [...DEFAULT_GRIEVANCE_REASONS].reverse() };
    expect(describeConfigChanges(DEFAULT_AGENCY_CONFIG, reordered)).toEqual(['Grievance reasons edited (order).']);
  });
});
