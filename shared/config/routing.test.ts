import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from './agencyConfig';
import { filterRouting } from './routing';

const entries = DEFAULT_AGENCY_CONFIG.routing;
const types = (q: string) => filterRouting(entries, q).map((e) => e.issueType);

describe('filterRouting', () => {
  it('keeps every entry, in order, for an empty query', () => {
    expect(types('')).toEqual(entries.map((e) => e.issueType));
    expect(types('   ')).toHaveLength(3);
  });
  it('finds words anywhere in an entry, in any case, all words required', () => {
    expect(types('PHARM')).toEqual(['Pharmacy prior authorization delayed or denied']);
    expect(types('unit lead')).toEqual([
      'Member not enrolled with an MCO (fee-for-service)',
      'Dire need: loss of care, medication or housing within 24 hours',
    ]);
    expect(types('unit lead housing')).toEqual(['Dire need: loss of care, medication or housing within 24 hours']);
    expect(types('dental')).toEqual([]);
  });
});
