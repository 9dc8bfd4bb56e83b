import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../config/agencyConfig';
import { mailtoOf } from '../mailto';
import { CASE, Desk } from './commands/testKit';
import type { InquiryFields } from './fields';
import { handOffMessage, redactIdentifiers, unitLeadMessage } from './message';

const MEMBER = { memberName: 'Patricia Lee-Hoang', medicaidId: '1234567A', memberDob: '1984-03-15' as InquiryFields['memberDob'] };
const redact = (text: string) => redactIdentifiers(text, MEMBER);

/** A not-enrolled member's inquiry (routed to the unit lead) with the given description and expected outcome. */
const notEnrolled = (description: string, expectedOutcome = 'A ride for Friday.') =>
  new Desk({ ...MEMBER, memberPhone: '(515) 555-0142', mcoEnrollment: 'not_enrolled', mcoId: '', description, expectedOutcome }).record;

/** Every way the member can be identified that a description might quote. */
const IDENTIFIERS = [
  'patricia',
  'lee',
  'hoang',
  '1234567',
  '1984',
  '03/15',
  '3/15',
  'march 15',
  '15 march',
  'mar 15',
  '555-0142',
  '5550142',
  '555 0142',
  '555.0142',
  'p.hoang',
  'example.com',
];
const leaks = (text: string) => IDENTIFIERS.filter((s) => text.toLowerCase().includes(s));

describe('unitLeadMessage', () => {
  it('carries the case number only: no priority, no issue text, in these exact words', () => {
    expect(unitLeadMessage(notEnrolled('Patricia Lee-Hoang (1234567A) ride to dialysis did not come.'))).toEqual({
      subject: `Unit lead callback: case ${CASE}`,
      body: [
        `Case ${CASE} needs a unit lead callback: the member is not enrolled with an MCO.`,
        '',
        `Open case ${CASE} in Liaison Log (Unit lead callbacks) for the member's details and the issue.`,
        'Do not add member identifiers to this e-mail.',
      ].join('\n'),
    });
  });
});

describe('handOffMessage', () => {
  const at = (t: number) => new Date(t).toISOString();
  const escalated = (description: string, expectedOutcome = 'A ride for Friday.') =>
    new Desk({ ...MEMBER, memberPhone: '(515) 555-0142', priority: 'escalated', description, expectedOutcome }).record;

  it('carries the case number, priority, first-contact times, category, source and the issue, in these exact words', () => {
    const record = escalated('Ride to dialysis did not come.');
    const targets = record.workflow.targets;
    expect(targets).not.toBeNull();
    expect(handOffMessage(record, DEFAULT_AGENCY_CONFIG, { name: 'Marcus Lee' }, at)).toEqual({
      subject: `Assigned to you: case ${CASE}`,
      body: [
        `Marcus Lee, case ${CASE} is assigned to you.`,
        '',
        'Priority: Escalated',
        `First contact target: ${at(targets?.firstContactTarget ?? 0)}`,
        `First contact deadline: ${at(targets?.firstContactDeadline ?? 0)}`,
        'Category: Transportation › Missed ride',
        'Source: Call Center CSR',
        '',
        'Issue:',
        'Ride to dialysis did not come.',
        '',
        'What is needed to resolve it:',
        'A ride for Friday.',
        '',
        `Open case ${CASE} in Liaison Log (My inquiries) for the member's details. Do not add member identifiers to this e-mail.`,
      ].join('\n'),
    });
  });

  it('says so when there is no description, expected outcome or category', () => {
    const record = { ...escalated('', ''), category: '', subcategory: '' };
    const body = handOffMessage(record, DEFAULT_AGENCY_CONFIG, { name: 'Marcus Lee' }, at).body;
    expect(body).toContain('Category: not set\n');
    expect(body).toContain('Issue:\n(no description)\n');
    expect(body).toContain('What is needed to resolve it:\n(not recorded)\n');
  });

  it('keeps every member identifier out, even when the description quotes the name, the ID, the DOB in several formats, a phone and an e-mail', () => {
    const description = [
      'Patricia Lee-Hoang (Medicaid ID 1234567A, DOB 03/15/1984) called from 515-555-0142.',
      'Her daughter (p.hoang@example.com, (515) 555 0142) says PATRICIA missed dialysis; Ms. Lee-Hoang’s ride never came.',
      'DOB also given as 3/15/84, 1984-03-15, 1984/03/15, 03.15.1984, 03151984, March 15, 1984, Mar. 15th 1984 and 15 March 1984.',
      'Her ID was typed as MID1234567A and 1234567a; call back on +1 515.555.0142 or 5155550142.',
    ].join('\n');
    const message = handOffMessage(
      escalated(description, 'Call Patricia about the 1234567A claim.'),
      DEFAULT_AGENCY_CONFIG,
      { name: 'Sam Ortiz' },
      () => 'Mon 9:00 AM',
    );
    expect(leaks(message.subject)).toEqual([]);
    expect(leaks(message.body)).toEqual([]);
    // What the liaison wrote about the issue survives.
    expect(message.body).toContain('missed dialysis');
    expect(message.body).toContain('ride never came');
    // And so does it in the mailto: link, decoded.
    expect(leaks(decodeURIComponent(mailtoOf('sam.ortiz@hhs.iowa.gov', message)))).toEqual([]);
  });
});

describe('mailtoOf', () => {
  it('writes one address, the subject and the body percent-encoded, lines ending CRLF', () => {
    expect(mailtoOf('member.escalations@hhs.iowa.gov', { subject: 'Case 1 & 2?', body: 'a\nb' })).toBe(
      'mailto:member.escalations@hhs.iowa.gov?subject=Case%201%20%26%202%3F&body=a%0D%0Ab',
    );
    expect(mailtoOf('', { subject: 's', body: '' })).toBe('mailto:?subject=s&body=');
  });
});

describe('redactIdentifiers', () => {
  it('replaces the member’s name, whole or by part, in any case, and keeps the words around it', () => {
    expect(redact('Patricia Lee-Hoang called. PATRICIA said Lee-Hoang’s ride, and Hoang’s, never came.')).toBe(
      '[removed] called. [removed] said [removed]’s ride, and [removed]’s, never came.',
    );
  });

  it('replaces each part of a hyphenated or comma-written name', () => {
    expect(redact('Mrs. Lee called; Hoang family.')).toBe('Mrs. [removed] called; [removed] family.');
    expect(redactIdentifiers('Smith called about John.', { ...MEMBER, memberName: 'Smith, John' })).toBe(
      '[removed] called about [removed].',
    );
  });

  it('does not remove a name part inside a longer word', () => {
    expect(redactIdentifiers('Annual review with Ann.', { ...MEMBER, memberName: 'Ann Berg' })).toBe('Annual review with [removed].');
  });

  it('leaves name parts shorter than 3 letters alone unless the whole name is quoted', () => {
    expect(redactIdentifiers('Al Wu called; Al is ok.', { ...MEMBER, memberName: 'Al Wu' })).toBe('[removed] called; Al is ok.');
  });

  it('replaces the Medicaid ID in any case, even run together with a label', () => {
    expect(redact('ID 1234567A, id 1234567a, MID1234567A, #1234567A.')).toBe('ID [removed], id [removed], MID[removed], #[removed].');
  });

  it.each([
    ['1984-03-15'],
    ['03/15/1984'],
    ['3/15/1984'],
    ['3/15/84'],
    ['03-15-1984'],
    ['03.15.1984'],
    ['1984/03/15'],
    ['03151984'],
    ['March 15, 1984'],
    ['march 15 1984'],
    ['Mar 15, 1984'],
    ['Mar. 15th, 1984'],
    ['15 March 1984'],
    ['15th of March, 1984'],
  ])('replaces the date of birth written %s', (dob) => {
    expect(redact(`Born ${dob}; ok.`)).toBe('Born [removed]; ok.');
  });

  it.each([['515-555-0142'], ['(515) 555-0142'], ['515.555.0142'], ['515 555 0142'], ['+1 515 555 0142'], ['5155550142']])(
    'replaces a phone number written %s',
    (phone) => {
      expect(redact(`Call ${phone} today.`)).toBe('Call [removed] today.');
    },
  );

  it('replaces e-mail addresses and SSN-shaped numbers', () => {
    expect(redact('Write to p.hoang+care@example.com or SSN 123-45-6789.')).toBe('Write to [removed] or SSN [removed].');
  });

  it('leaves ordinary text, short numbers and times alone', () => {
    const text = 'Ride at 9:30 on Friday; 2 trips, 15 miles, room 204.';
    expect(redact(text)).toBe(text);
  });

  it('handles a record with no identifiers recorded', () => {
    expect(redactIdentifiers('Member called about a ride.', { memberName: '', medicaidId: '', memberDob: '' })).toBe(
      'Member called about a ride.',
    );
  });

  it('treats regular-expression characters in a name literally', () => {
    expect(redactIdentifiers('Called (a.b) and a+b.', { ...MEMBER, memberName: '(a.b) a+b' })).toBe('Called [removed] and [removed].');
  });
});

describe('redactIdentifiers: the member’s phone numbers', () => {
  it('replaces the member’s number quoted as a local 7-digit number', () => {
    expect(
      redactIdentifiers('Call 555-0142 or 555 0188 after 3.', {
        ...MEMBER,
        memberPhone: '(515) 555-0142',
        callbackPhone: '(515) 555-0188 x12',
      }),
    ).toBe('Call [removed] or [removed] after 3.');
  });

  it('replaces the member’s whole number, area code and all, when the text quotes it in full', () => {
    for (const quoted of ['515-555-0142', '(515) 555-0142', '+1 515 555 0142'])
      expect(redactIdentifiers(`Call ${quoted} today.`, { ...MEMBER, memberPhone: '(515) 555-0142', callbackPhone: '515-555-0142' })).toBe(
        'Call [removed] today.',
      );
  });

  it('keeps other short numbers', () => {
    expect(redactIdentifiers('Room 555-0199.', { ...MEMBER, memberPhone: '(515) 555-0142' })).toBe('Room 555-0199.');
  });
});

describe('redactIdentifiers: no over-reach from a birth date', () => {
  it('does not take a short number for a compact birth date', () => {
    expect(redactIdentifiers('Room 1101, floor 2.', { ...MEMBER, memberDob: '2001-01-01' as InquiryFields['memberDob'] })).toBe(
      'Room 1101, floor 2.',
    );
  });
});
