import { describe, expect, it } from 'vitest';
import { type AgencyConfig, DEFAULT_AGENCY_CONFIG } from './agencyConfig';
import { describeConfigChanges } from './configChanges';
import { DIRE_NEED } from './testing';
import { describeIssues, pathKey, validateAgencyConfig } from './validateConfig';

const base = (): AgencyConfig => structuredClone(DEFAULT_AGENCY_CONFIG);

/** The issues of an invalid config as { 'path.key': message }. */
function issuesOf(config: unknown): Record<string, string> {
  const result = validateAgencyConfig(config);
  if (result.ok) throw new Error('expected the config to be refused');
  return Object.fromEntries(result.issues.map((i) => [pathKey(i.path), i.message]));
}

describe('validateAgencyConfig', () => {
  it('accepts the default configuration and one with an added level', () => {
    expect(validateAgencyConfig(DEFAULT_AGENCY_CONFIG)).toEqual({ ok: true, config: DEFAULT_AGENCY_CONFIG });
    const next = base();
    next.priorityLevels.push(DIRE_NEED);
    next.suggestionRules.push({ priority: 'dire-need', keywords: ['eviction notice'], categories: ['Billing'] });
    const result = validateAgencyConfig(next);
    expect(result.ok).toBe(true);
  });

  it('words each schema problem for the field it belongs to', () => {
    const c = base() as unknown as Record<string, unknown> & AgencyConfig;
    c.priorityLevels[0] = { ...c.priorityLevels[0], label: '' } as AgencyConfig['priorityLevels'][number];
    (c.priorityLevels[1] as { firstContactDeadline: { amount: number } }).firstContactDeadline.amount = 0;
    c.outreachMaxAttempts = 2.5;
    c.calendar.officeHours[1] = { open: '8:00', close: '16:30' };
    c.calendar.officeHours[2] = { open: '10:00', close: '09:00' };
    c.calendar.holidayRegion = 'XX-YY';
    c.calendar.closures = [{ day: '2026-02-30' as never, name: ' ' }];
    (c.mcos[0] as AgencyConfig['mcos'][number]).name = '';
    c.categories = [];
    expect(issuesOf(c)).toEqual({
      'priorityLevels.0.label': 'Give the priority level a name.',
      'priorityLevels.1.firstContactDeadline.amount': 'Enter the deadline as a number greater than 0 (at most 10,000).',
      outreachMaxAttempts: 'Enter a whole number of attempts from 1 to 10.',
      // No "target later than deadline" for level 1: its deadline is already wrong.
      // The malformed opening time is the problem on Monday; "open before close" is only said on Tuesday.
      'calendar.officeHours.1.open': 'Enter the opening time as HH:MM on a 24-hour clock, for example 08:00.',
      'calendar.officeHours.2.close': 'Opening must be before closing, on the same day.',
      'calendar.holidayRegion': 'The holiday library has no such region. Enter a country code, optionally with a state, for example US-IA.',
      'calendar.closures.0.day': 'Enter a real day as mm/dd/yyyy, for example 12/24/2026.',
      'calendar.closures.0.name': 'Name the closure, for example "Staff training".',
      'mcos.0.name': 'Give the MCO a name.',
      categories: 'Keep at least one category.',
    });
  });

  it('says when text is too long, with the limit', () => {
    const c = base();
    c.routing[0] = { issueType: 'x'.repeat(121), checkFirst: '', contact: '' };
    expect(issuesOf(c)).toEqual({ 'routing.0.issueType': 'Keep the issue type to 120 characters or fewer.' });
  });

  it('refuses a week with no office hours at all', () => {
    const c = base();
    c.calendar.officeHours = [null, null, null, null, null, null, null];
    expect(issuesOf(c)).toEqual({ 'calendar.officeHours': 'At least one weekday needs office hours.' });
  });

  it('compares a target with its deadline across business hours and days (a business day is 8.5 hours here)', () => {
    const c = base();
    c.priorityLevels[0] = {
      ...DIRE_NEED,
      id: 'high',
      label: 'High',
      firstContactTarget: { amount: 1, unit: 'businessDays' },
      firstContactDeadline: { amount: 8, unit: 'businessHours' },
    };
    expect(issuesOf(c)).toEqual({
      'priorityLevels.0.firstContactTarget.amount': 'The target (1 business days) is later than the deadline (8 business hours).',
    });
    c.priorityLevels[0].firstContactDeadline.amount = 8.5;
    expect(validateAgencyConfig(c).ok).toBe(true);
    // Clock hours and business time cannot be compared: left to the person.
    c.priorityLevels[0].firstContactDeadline = { amount: 1, unit: 'clockHours' };
    expect(validateAgencyConfig(c).ok).toBe(true);
  });

  it('refuses two levels, categories, sub-categories or MCO departments of the same name, in any case', () => {
    const c = base();
    c.priorityLevels.push({ ...DIRE_NEED, label: ' high ' });
    c.categories.push({ name: 'pharmacy', subcategories: [] });
    c.categories[0]?.subcategories.push('PROVIDER NETWORK');
    c.mcos[0]?.departments.push({ name: 'member services', contacts: [] });
    expect(issuesOf(c)).toEqual({
      'priorityLevels.2.label': 'Another priority level is already called "high". Give each level its own name.',
      'categories.10.name': 'Another category is already called "pharmacy".',
      'categories.0.subcategories.3': '"Access to care" already has a sub-category called "PROVIDER NETWORK".',
      'mcos.0.departments.3.name': 'Iowa Total Care already has a department called "member services".',
    });
  });

  it('lets a name or alias belong to one MCO only', () => {
    const c = base();
    c.mcos[1]?.aliases.push('itc');
    c.mcos.push({ id: 'new-mco', name: 'Wellpoint', active: true, aliases: [], departments: [] });
    expect(issuesOf(c)).toEqual({
      'mcos.1.aliases.2': '"itc" already names Iowa Total Care. A name or alias may belong to one MCO only.',
      'mcos.3.name': '"Wellpoint" already names Wellpoint Iowa. A name or alias may belong to one MCO only.',
    });
  });

  it('checks MCO contact phone numbers and e-mail addresses, and accepts them empty or with an extension', () => {
    const c = base();
    const dept = c.mcos[0]?.departments[0];
    if (!dept) throw new Error('fixture');
    dept.contacts = [
      { name: 'Escalations', phone: '515-555-01', email: 'escalations@', hours: '' },
      { name: 'Supervisor', phone: '1-800-555-0100 ext. 12', email: 'sup@itc.example.org', hours: '' },
      { name: 'Fax desk', phone: '', email: '', hours: '' },
    ];
    expect(issuesOf(c)).toEqual({
      'mcos.0.departments.0.contacts.0.phone':
        'Enter a 10-digit phone number with area code, for example 515-555-0123 (an extension like x12 may follow).',
      'mcos.0.departments.0.contacts.0.email': 'Enter an e-mail address like name@example.org, or leave it empty.',
    });
  });

  it('checks suggestion rules name a level and categories that exist and can match something', () => {
    const c = base();
    c.suggestionRules = [
      { priority: 'dire-need', keywords: ['eviction'], categories: ['Housing'] },
      { priority: 'high', keywords: [], categories: [] },
      { priority: 'high', keywords: ['!!'], categories: ['behavioral HEALTH'] },
    ];
    expect(issuesOf(c)).toEqual({
      'suggestionRules.0.priority': 'Choose a priority level that exists.',
      'suggestionRules.0.categories.0': 'There is no category "Housing".',
      'suggestionRules.1.keywords': 'Give the rule at least one keyword or category, or remove it.',
      'suggestionRules.2.keywords.0': '"!!" has no letters or digits, so it can never match.',
    });
  });

  it('refuses a Medicaid ID pattern that does not compile, duplicate closures and routing entries', () => {
    const c = base();
    c.medicaidId.pattern = '^\\d{7[A-Z]$(';
    c.calendar.closures = [
      { day: '2026-12-24' as never, name: 'Christmas Eve' },
      { day: '2026-12-24' as never, name: 'Staff party' },
    ];
    c.routing.push({ ...(c.routing[0] as AgencyConfig['routing'][number]) });
    const issues = issuesOf(c);
    expect(issues['medicaidId.pattern']).toMatch(/^This is not a valid pattern \(/);
    expect(issues['calendar.closures.1.day']).toBe('There is already a closure on this day.');
    expect(issues['routing.3.issueType']).toBe('This issue type is already in the directory; edit that entry instead.');
  });

  it('names where each problem is, for a message away from the form', () => {
    const c = base();
    const dept = c.mcos[0]?.departments[0];
    if (!dept?.contacts[0]) throw new Error('fixture');
    dept.contacts[0].email = 'nope';
    c.priorityLevels[0] = { ...(c.priorityLevels[0] as AgencyConfig['priorityLevels'][number]), label: '' };
    const result = validateAgencyConfig(c);
    if (result.ok) throw new Error('expected refusal');
    // Checks across fields (the e-mail) are reported together with the schema's (the empty name).
    expect(describeIssues(c, result.issues)).toBe(
      'Priority level 1: Give the priority level a name. MCO "Iowa Total Care", department "Member Services", contact "Member Services escalations": Enter an e-mail address like name@example.org, or leave it empty.',
    );
  });

  it('refuses what is not a configuration at all without throwing', () => {
    expect(validateAgencyConfig(null).ok).toBe(false);
    expect(validateAgencyConfig({ version: 2 }).ok).toBe(false);
  });
});

describe('describeConfigChanges', () => {
  it('says nothing when nothing changed', () => {
    expect(describeConfigChanges(base(), base())).toEqual([]);
  });

  it('describes policy and calendar changes in the agency’s words', () => {
    const after = base();
    after.priorityLevels.push(DIRE_NEED);
    const high = after.priorityLevels[0];
    if (!high) throw new Error('fixture');
    high.label = 'High priority';
    high.firstContactDeadline = { amount: 1, unit: 'businessDays' };
    after.outreachMaxAttempts = 3;
    after.calendar.officeHours[5] = { open: '08:00', close: '12:00' };
    after.calendar.holidayTypes = ['public', 'bank'];
    after.calendar.closures = [{ day: '2026-12-24' as never, name: 'Christmas Eve' }];
    after.calendar.holidaysRemoved = ['2026-06-19' as never];
    expect(describeConfigChanges(base(), after)).toEqual([
      'Priority level "High": renamed "High priority"; deadline 4 business hours → 1 business day.',
      'Priority level "Dire need" added: first contact within 12 clock hours, deadline 24 clock hours, following the High process.',
      'Outreach attempts before "unable to reach" is offered: 2 → 3.',
      'Office hours on Friday: 08:00–16:30 → 08:00–12:00.',
      'Holiday types that close the office: public → public, bank.',
      'Open on 06/19/2026 despite the holiday.',
      'Closure added: 12/24/2026, Christmas Eve.',
    ]);
  });

  it('describes MCO, routing, taxonomy and rule changes', () => {
    const after = base();
    const itc = after.mcos[0];
    if (!itc) throw new Error('fixture');
    itc.active = false;
    after.mcos.push({ id: 'cigna', name: 'Cigna', active: true, aliases: [], departments: [] });
    after.routing.pop();
    after.categories.push({ name: 'Housing', subcategories: [] });
    after.suggestionRules = [];
    expect(describeConfigChanges(base(), after)).toEqual([
      'MCO Iowa Total Care deactivated.',
      'MCO added: Cigna.',
      'Routing directory edited (2 entries).',
      'Categories edited: added Housing.',
      'Priority suggestion rules edited (0 rules).',
    ]);
  });
});

describe('a target later than its deadline in the same unit', () => {
  it('is filed under the target', () => {
    const c = base();
    const high = c.priorityLevels[0];
    if (!high) throw new Error('fixture');
    high.firstContactTarget.amount = 5;
    expect(issuesOf(c)).toEqual({
      'priorityLevels.0.firstContactTarget.amount': 'The first-contact target must not be later than the deadline.',
    });
  });
});
