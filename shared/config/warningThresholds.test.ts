import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG, normaliseAgencyConfig } from './agencyConfig';
import { describeConfigChanges } from './configChanges';
import { validateAgencyConfig } from './validateConfig';

const withThresholds = (warningThresholds: unknown) => ({ ...DEFAULT_AGENCY_CONFIG, warningThresholds });

describe('warning thresholds in the agency configuration', () => {
  it('default to 50, 75 and 90 %', () => {
    expect(DEFAULT_AGENCY_CONFIG.warningThresholds).toEqual([50, 75, 90]);
  });

  it('a stored configuration from before the setting gets the default, and keeps everything else', () => {
    const { warningThresholds: _gone, ...old } = { ...DEFAULT_AGENCY_CONFIG, outreachMaxAttempts: 4 };
    const read = normaliseAgencyConfig(old);
    expect(read.warningThresholds).toEqual([50, 75, 90]);
    expect(read.outreachMaxAttempts).toBe(4);
  });

  it('a stored list that is not valid falls back to the default thresholds only', () => {
    const read = normaliseAgencyConfig({ ...withThresholds([90, 50]), outreachMaxAttempts: 3 });
    expect(read.warningThresholds).toEqual([50, 75, 90]);
    expect(read.outreachMaxAttempts).toBe(3);
  });

  it('accepts an empty list (no warnings) and up to five ascending values from 1 to 99', () => {
    expect(validateAgencyConfig(withThresholds([])).ok).toBe(true);
    expect(validateAgencyConfig(withThresholds([1, 20, 40, 60, 99])).ok).toBe(true);
  });

  it.each([
    [
      [75, 50],
      ['warningThresholds'],
      'List the warning thresholds from the smallest to the largest, each one once, for example 50, 75, 90.',
    ],
    [
      [50, 50],
      ['warningThresholds'],
      'List the warning thresholds from the smallest to the largest, each one once, for example 50, 75, 90.',
    ],
    [[10, 20, 30, 40, 50, 60], ['warningThresholds'], 'Keep at most 5 warning thresholds.'],
    [[0, 50], ['warningThresholds', 0], 'Each warning threshold is a whole percentage from 1 to 99.'],
    [[50, 100], ['warningThresholds', 1], 'Each warning threshold is a whole percentage from 1 to 99.'],
    [[50.5], ['warningThresholds', 0], 'Each warning threshold is a whole percentage from 1 to 99.'],
  ])('refuses %j with a message by the field', (list, path, message) => {
    const result = validateAgencyConfig(withThresholds(list));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toContainEqual({ path, message });
  });

  it('a change is named in the settings history', () => {
    expect(describeConfigChanges(DEFAULT_AGENCY_CONFIG, { ...DEFAULT_AGENCY_CONFIG, warningThresholds: [60, 80] })).toEqual([
      'Warning thresholds: 50 %, 75 %, 90 % → 60 %, 80 %.',
    ]);
    expect(describeConfigChanges(DEFAULT_AGENCY_CONFIG, { ...DEFAULT_AGENCY_CONFIG, warningThresholds: [] })).toEqual([
      'Warning thresholds: 50 %, 75 %, 90 % → none.',
    ]);
  });
});
