import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addNote } from './commands/addNote';
import { editFields } from './commands/editFields';
import { ANA, ct, Desk, testContext } from './commands/testKit';
import { type InquiryEvent, parseEvent } from './events';
import { happenedAt } from './happened';

const NOW = ct(2026, 11, 23, 14, 0);

/** The sample inquiry received Mon 23 Nov 09:15, logged at 14:00 on another desk (DESKL). */
const desk = new Desk({ receivedAt: ct(2026, 11, 23, 9, 15) }, { at: NOW, deviceId: 'DESKL' });
const logged = desk.events;
const state = desk.record;
const note = addNote(state, { text: 'Vendor says parts arrive Friday.' }, testContext(NOW))[0];
const edits = editFields(
  state,
  {
    receivedAt: ct(2026, 11, 23, 8, 0),
    memberDob: '',
    mcoEnrollment: 'unknown',
    assignee: { id: 'p-ben', name: 'Ben Cho' },
    description: 'd'.repeat(4000),
  },
  testContext(NOW),
);
const COMMAND_EVENTS: InquiryEvent[] = [...logged, note, ...edits];

/** A plain-data copy, as it arrives over IPC or from the share. */
const wire = (e: InquiryEvent): Record<string, unknown> => JSON.parse(JSON.stringify(e)) as Record<string, unknown>;
const refused = (input: unknown): string => {
  const r = parseEvent(input);
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.event)}`);
  return r.message;
};

describe('parseEvent', () => {
  it.each(COMMAND_EVENTS.map((e) => [`${e.type} ${e.type === 'FieldEdited' ? e.payload.field : ''}`, e] as const))(
    'accepts the %s event a command produced, unchanged',
    (_, event) => {
      expect(parseEvent(wire(event))).toEqual({ ok: true, event });
    },
  );

  it('drops keys it does not know', () => {
    expect(parseEvent({ ...wire(note), extra: 'x', payload: { text: note.payload.text, html: '<b>' } })).toEqual({ ok: true, event: note });
  });

  it.each<[string, unknown]>([
    ['null', null],
    ['a string', 'NoteAdded'],
    ['a number', 42],
    ['an array', [wire(note)]],
  ])('refuses %s as the event', (_, input) => {
    expect(refused(input)).toMatch(/^event: Invalid input: expected object, received (null|string|number|array)$/);
  });

  it('refuses an unknown event type', () => {
    expect(refused({ ...wire(note), type: 'NoteDeleted' })).toBe(
      `type: Invalid discriminator value. Expected ${inquiryEventTypes.map((t) => `'${t}'`).join(' | ')}`,
    );
  });

  it('refuses an event without an actor, or with an unknown role', () => {
    const { actor: _, ...noActor } = wire(note);
    expect(refused(noActor)).toBe('actor: Invalid input: expected object, received undefined');
    expect(refused({ ...wire(note), actor: { ...ANA, role: 'boss' } })).toBe(
      'actor.role: Invalid option: expected one of "liaison"|"esr"|"lead"|"supervisor"',
    );
  });

  it('refuses an edit of a field that does not exist', () => {
    const e = wire(edits[0] as InquiryEvent);
    expect(refused({ ...e, payload: { field: 'ssn', from: '', to: '123-45-6789' } })).toMatch(
      /^payload\.field: Invalid option: expected one of "receivedAt"\|/,
    );
  });

  it('refuses an edit whose value does not fit its field', () => {
    const e = wire(edits[0] as InquiryEvent);
    expect(refused({ ...e, payload: { field: 'receivedAt', from: state.receivedAt, to: 'yesterday' } })).toBe(
      'payload.to: not a valid value for receivedAt',
    );
    expect(refused({ ...e, payload: { field: 'assignee', from: 'Ben', to: null } })).toBe('payload.from: not a valid value for assignee');
    expect(refused({ ...e, payload: { field: 'mcoEnrollment', from: 'enrolled', to: 'maybe' } })).toBe(
      'payload.to: not a valid value for mcoEnrollment',
    );
    expect(refused({ ...e, payload: { field: 'memberName', from: 'Pat Lee', to: 'P'.repeat(121) } })).toBe(
      'payload.to: not a valid value for memberName',
    );
  });

  it('refuses oversized text', () => {
    expect(refused({ ...wire(note), payload: { text: 'n'.repeat(8001) } })).toBe(
      'payload.text: Too big: expected string to have <=8000 characters',
    );
    const big = wire(logged[0] as InquiryEvent);
    const payload = big.payload as { fields: Record<string, unknown> };
    expect(refused({ ...big, payload: { ...payload, fields: { ...payload.fields, description: 'd'.repeat(4001) } } })).toBe(
      'payload.fields.description: Too big: expected string to have <=4000 characters',
    );
    expect(refused({ ...wire(edits[4] as InquiryEvent), payload: { field: 'description', from: '', to: 'd'.repeat(4001) } })).toMatch(
      /^payload\.to: /,
    );
  });

  it('refuses an empty note', () => {
    expect(refused({ ...wire(note), payload: { text: '' } })).toBe('payload.text: Too small: expected string to have >=1 characters');
  });

  it('refuses a bad envelope: another format version, a device id with punctuation, a stamp that is not an HLC', () => {
    expect(refused({ ...wire(note), v: 3 })).toBe('v: Invalid option: expected one of 1|2');
    expect(refused({ ...wire(note), deviceId: 'desk-a' })).toBe('deviceId: Invalid string: must match pattern /^[0-9A-Za-z]{1,64}$/');
    expect(refused({ ...wire(note), hlc: '~~~~~~~~~~~~~~~~~~~~' })).toBe('hlc: not an HLC stamp');
    expect(refused({ ...wire(note), at: -1 })).toBe('at: Too small: expected number to be >=0');
  });

  describe('format 2: when it happened', () => {
    const earlier = ct(2026, 11, 23, 10, 5);
    const said = addNote(state, { text: 'The MCO called at 10:05.', happenedAt: earlier }, testContext(NOW))[0];

    it('new events are written in format 2; one a person dated earlier keeps both times', () => {
      expect(note.v).toBe(2);
      expect(note).not.toHaveProperty('happenedAt');
      expect(said).toMatchObject({ v: 2, at: NOW, happenedAt: earlier });
      expect(parseEvent(wire(said))).toEqual({ ok: true, event: said });
      expect(happenedAt(said)).toBe(earlier);
      expect(happenedAt(note)).toBe(NOW);
    });

    it('an event of format 1 (stored or synced by an older app) still decodes, and happened when it was recorded', () => {
      const old = { ...wire(note), v: 1 };
      const r = parseEvent(old);
      expect(r).toEqual({ ok: true, event: { ...note, v: 1 } });
      if (r.ok) expect(happenedAt(r.event)).toBe(r.event.at);
    });

    it('refuses a happened time in format 1, after the recording, or not a time', () => {
      expect(refused({ ...wire(said), v: 1 })).toBe('happenedAt: not in event format 1');
      expect(refused({ ...wire(said), happenedAt: NOW + 60_000 })).toBe('happenedAt: after the event was recorded');
      expect(refused({ ...wire(said), happenedAt: 'yesterday' })).toMatch(/^happenedAt: /);
    });
  });

  it('lists every problem, separated by semicolons', () => {
    expect(refused({ ...wire(note), v: 3, deviceId: '' }).split('; ')).toEqual([
      'deviceId: Invalid string: must match pattern /^[0-9A-Za-z]{1,64}$/',
      'v: Invalid option: expected one of 1|2',
    ]);
  });

  it('never throws on anything, and always explains a refusal', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = parseEvent(input);
        expect(r.ok).toBe(false);
        expect(r.ok ? '' : r.message).not.toBe('');
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws when any one part of a real event is replaced by anything', () => {
    const paths: [string, string | null][] = [
      ['id', null],
      ['inquiryId', null],
      ['actor', null],
      ['deviceId', null],
      ['hlc', null],
      ['at', null],
      ['v', null],
      ['type', null],
      ['payload', null],
      ['payload', 'field'],
      ['payload', 'from'],
      ['payload', 'to'],
      ['payload', 'text'],
      ['payload', 'fields'],
      ['payload', 'caseNumber'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...COMMAND_EVENTS), fc.constantFrom(...paths), fc.anything(), (event, [key, inner], value) => {
        const input = wire(event);
        if (inner === null) input[key] = value;
        else input[key] = { ...(input[key] as object), [inner]: value };
        const r = parseEvent(input);
        if (r.ok) expect(inquiryEventTypes).toContain(r.event.type);
        else expect(r.message).not.toBe('');
      }),
      { numRuns: 1000 },
    );
  });
});

const inquiryEventTypes = [
  'InquiryLogged',
  'NoteAdded',
  'FieldEdited',
  'TargetsSet',
  'OutreachRecorded',
  'McoReferred',
  'McoReportedBack',
  'McoFollowedUp',
  'CallbackScheduled',
  'CallbackClosed',
  'RoutedToUnitLead',
  'TimerPaused',
  'TimerResumed',
  'InquiryResolved',
  'InquiryReopened',
  'InquiryImported',
  'ClassifiedAsComplaint',
  'ClassifiedAsInquiry',
  'GrievanceReviewed',
  'GrievanceOutcomeRecorded',
  'WarningsSnoozed',
  'SnoozeEnded',
  'ImportReviewed',
  'MessageSent',
  // The roster's (on ROSTER_STREAM).
  'PersonAdded',
  'PersonEdited',
];
