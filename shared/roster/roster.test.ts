import { describe, expect, it } from 'vitest';
import type { CommandContext } from '../inquiry/commands/context';
import { BEN, ct, LEE, testContext } from '../inquiry/commands/testKit';
import { type InquiryEvent, parseEvent } from '../inquiry/events';
import type { Instant } from '../time/types';
import { addPerson, editPerson, joinRoster, legacyPeople, validateRosterInput } from './commands';
import {
  assignedToInactive,
  assigneeGroups,
  EMPTY_ROSTER,
  foldRoster,
  historyOf,
  type Roster,
  rosterEntryFor,
  rosterPeople,
  withPeopleAtWork,
} from './roster';

const MONDAY = ct(2026, 11, 30, 9);
/** One context per actor and desk, so ids never repeat within a test. */
const ctxFor = (actor = LEE, deviceId = 'DESKA'): CommandContext => testContext(MONDAY, { actor, deviceId });
const fold = (events: readonly InquiryEvent[], roster: Roster = EMPTY_ROSTER) => foldRoster(roster, events);

describe('the roster', () => {
  it('adds a colleague a lead names, with role and e-mail, as active', () => {
    const ctx = ctxFor(LEE);
    const [added] = addPerson(EMPTY_ROSTER, { name: ' Marcus Lee ', role: 'esr', email: 'marcus.lee@hhs.iowa.gov' }, ctx);
    expect(parseEvent(added).ok).toBe(true);
    const roster = fold([added]);
    expect(rosterPeople(roster).map(({ name, role, email, active }) => ({ name, role, email, active }))).toEqual([
      { name: 'Marcus Lee', role: 'esr', email: 'marcus.lee@hhs.iowa.gov', active: true },
    ]);
  });

  it('refuses a bad e-mail, a missing role, a short name and a name already on it, saying how to fix each', () => {
    const roster = fold(addPerson(EMPTY_ROSTER, { name: 'Marcus Lee', role: 'esr', email: '' }, ctxFor(LEE)));
    expect(validateRosterInput(roster, { name: 'P', role: undefined as never, email: 'priya@' })).toEqual({
      ok: false,
      errors: {
        name: 'Enter the name as colleagues know it (at least 2 characters).',
        role: 'Choose the role.',
        email: 'Enter one e-mail address like name@agency.gov, or leave it empty.',
      },
    });
    expect(validateRosterInput(roster, { name: 'marcus  LEE', role: 'esr', email: '' })).toEqual({
      ok: false,
      errors: { name: 'Marcus Lee is on the roster already. Give the full name to tell two people apart.' },
    });
  });

  it('lets only leads and supervisors keep it; anyone joins it as themselves', () => {
    expect(() => addPerson(EMPTY_ROSTER, { name: 'Priya Shah', role: 'lead', email: '' }, ctxFor(BEN))).toThrow(
      'Only a unit lead or a supervisor can add people to the roster.',
    );
    const joined = fold(joinRoster(EMPTY_ROSTER, { id: BEN.id, name: BEN.name, role: 'esr' }, ctxFor(BEN)));
    expect(joined[BEN.id]).toMatchObject({ name: 'Ben Cho', role: 'esr', active: true, added: true });
    expect(joinRoster(joined, { id: BEN.id, name: BEN.name, role: 'esr' }, ctxFor(BEN))).toEqual([]);
  });

  it('deactivates a person: they stay listed with their history, leave the pickers, and their work reads as with someone inactive', () => {
    const ctx = ctxFor(LEE);
    const added = addPerson(EMPTY_ROSTER, { name: 'Marcus Lee', role: 'esr', email: '' }, ctx);
    const id = added[0].payload.personId;
    const edits = editPerson(fold(added), id, { active: false }, ctx);
    const roster = fold([...added, ...edits]);
    expect(roster[id]?.active).toBe(false);
    expect(historyOf([...added, ...edits], id).map((e) => e.type)).toEqual(['PersonAdded', 'PersonEdited']);
    expect(assigneeGroups(roster, null, { escalated: true })).toEqual([]);
    expect(assignedToInactive(roster, { id, name: 'Marcus Lee' })).toBe(true);
    // The current assignee stays a choice, marked, so saving another change never drops them.
    expect(assigneeGroups(roster, { id, name: 'Marcus Lee' }, { escalated: true })).toEqual([
      { label: 'Assigned now', options: [{ id, name: 'Marcus Lee', note: 'inactive' }] },
    ]);
  });

  it('groups active people by role, ESRs first for an Escalated inquiry', () => {
    const ctx = ctxFor(LEE);
    let roster = EMPTY_ROSTER;
    for (const [name, role] of [
      ['Dana Whitfield', 'liaison'],
      ['Marcus Lee', 'esr'],
      ['Priya Shah', 'lead'],
      ['Tom Keller', 'supervisor'],
    ] as const)
      roster = fold(addPerson(roster, { name, role, email: '' }, ctx), roster);
    const labels = (escalated: boolean) =>
      assigneeGroups(roster, null, { escalated }).map((g) => `${g.label}: ${g.options.map((o) => o.name)}`);
    expect(labels(true)).toEqual([
      'ESRs: Marcus Lee',
      'Member liaisons: Dana Whitfield',
      'Unit leads: Priya Shah',
      'Leads / supervisors: Tom Keller',
    ]);
    expect(labels(false)[0]).toBe('Member liaisons: Dana Whitfield');
  });

  it('keeps people named in the old log as inactive entries, matched by name, never twice', () => {
    const ctx = ctxFor(LEE);
    const roster = fold(addPerson(EMPTY_ROSTER, { name: 'Marcus Lee', role: 'esr', email: '' }, ctx));
    const events = legacyPeople(
      roster,
      [
        { id: 'legacy:marcus-lee', name: 'MARCUS LEE' },
        { id: 'legacy:jo-baker', name: 'Jo Baker' },
        { id: 'legacy:jo-baker-2', name: 'jo baker' },
      ],
      ctx,
    );
    expect(events.map((e) => e.payload)).toEqual([
      { personId: 'legacy:jo-baker', fields: { name: 'Jo Baker', role: null, email: '', active: false }, legacy: true },
    ]);
    const after = fold(events, roster);
    expect(after['legacy:jo-baker']).toMatchObject({ active: false, legacy: true });
    // Inactive, yet a lead can pick them again once reactivated; an inquiry they have keeps them as a choice.
    expect(assigneeGroups(after, { id: 'legacy:jo-baker', name: 'Jo Baker' }, { escalated: false }).at(-1)).toEqual({
      label: 'Assigned now',
      options: [{ id: 'legacy:jo-baker', name: 'Jo Baker', note: 'inactive' }],
    });
    expect(legacyPeople(after, [{ id: 'legacy:jo-baker', name: 'Jo Baker' }], ctx)).toEqual([]);
  });
});

describe('two leads editing the same person on two desks', () => {
  const TOM = { id: 'p-tom', name: 'Tom Keller', role: 'supervisor' } as const;

  it('converge field by field, last writer wins by stamp, whatever order each desk receives the edits in', () => {
    const a1 = ctxFor(LEE, 'DESKA');
    const b1 = testContext((MONDAY + 1000) as Instant, { actor: TOM, deviceId: 'DESKB' });
    const deskA = () => a1;
    const deskB = () => b1;
    const added = addPerson(EMPTY_ROSTER, { name: 'Marcus Lee', role: 'esr', email: '' }, deskA());
    const id = added[0].payload.personId;
    const base = fold(added);
    // Concurrent: A renames him and sets an e-mail; B sets another e-mail and deactivates him, a moment later.
    const a = editPerson(base, id, { name: 'Marcus J. Lee', email: 'mlee@hhs.iowa.gov' }, deskA());
    const b = editPerson(base, id, { email: 'marcus.lee@hhs.iowa.gov', active: false }, deskB());
    const orders = [[...added, ...a, ...b], [...added, ...b, ...a], [...b, ...a, ...added], [...a, ...added, ...b].reverse()];
    const results = orders.map((events) => fold(events)[id]);
    for (const r of results) expect(r).toEqual(results[0]);
    // B's e-mail was stamped after A's: it wins on every desk; each desk's other field stands.
    expect(results[0]).toMatchObject({ name: 'Marcus J. Lee', email: 'marcus.lee@hhs.iowa.gov', active: false, added: true });
  });

  it('folds one event at a time onto the stored roster to the same result as the whole stream', () => {
    const a1 = ctxFor(LEE, 'DESKA');
    const b1 = testContext((MONDAY + 1000) as Instant, { actor: TOM, deviceId: 'DESKB' });
    const deskA = () => a1;
    const deskB = () => b1;
    const added = addPerson(EMPTY_ROSTER, { name: 'Priya Shah', role: 'lead', email: '' }, deskA());
    const id = added[0].payload.personId;
    const edits = [
      ...editPerson(fold(added), id, { role: 'supervisor' }, deskB()),
      ...editPerson(fold(added), id, { email: 'priya@hhs.iowa.gov' }, deskA()),
    ];
    const stepwise = ([...edits].reverse() as InquiryEvent[]).concat(added).reduce<Roster>((r, e) => foldRoster(r, [e]), EMPTY_ROSTER);
    expect(stepwise).toEqual(fold([...added, ...edits]));
  });
});

describe('people at work who no lead has added', () => {
  it('are listed as active people of their role, never twice by name, and a lead’s first change adds them for real', () => {
    const ctx = ctxFor(LEE);
    const onRoster = fold(addPerson(EMPTY_ROSTER, { name: 'Marcus Lee', role: 'esr', email: '' }, ctx));
    const listed = withPeopleAtWork(onRoster, [
      { id: 'p-dana', name: 'Dana Whitfield', role: 'liaison' },
      { id: 'p-marcus-desk', name: 'Marcus Lee', role: 'esr' },
    ]);
    expect(rosterPeople(listed).map((p) => [p.name, p.active, p.derived ?? false])).toEqual([
      ['Dana Whitfield', true, true],
      ['Marcus Lee', true, false],
    ]);
    const events = editPerson(listed, 'p-dana', { email: 'dana.whitfield@hhs.iowa.gov' }, ctx);
    expect(events.map((e) => e.type)).toEqual(['PersonAdded', 'PersonEdited']);
    expect(fold(events, onRoster)['p-dana']).toMatchObject({
      name: 'Dana Whitfield',
      role: 'liaison',
      email: 'dana.whitfield@hhs.iowa.gov',
    });
  });
});

describe('a person who set up their own desk before it joined the share', () => {
  const ctx = ctxFor(LEE);
  const roster = fold([
    ...addPerson(EMPTY_ROSTER, { name: 'Marcus Lee', role: 'esr', email: 'marcus.lee@hhs.iowa.gov' }, ctx),
    ...addPerson(EMPTY_ROSTER, { name: 'Priya Shah', role: 'lead', email: '' }, ctxFor(LEE)),
  ]);
  const marcus = rosterPeople(roster).find((p) => p.name === 'Marcus Lee');

  it('is offered the one active roster entry of their name (case and spacing aside) that no profile of the desk is', () => {
    expect(rosterEntryFor(roster, { id: 'p-desk-b', displayName: '  marcus  LEE ' }, ['p-desk-b'])).toEqual(marcus);
    expect(rosterEntryFor(roster, { id: 'p-desk-b', displayName: 'Marcus Leigh' }, ['p-desk-b'])).toBeUndefined();
  });

  it('is offered nothing when already on the roster as themselves, when the entry is someone at this desk, or inactive', () => {
    if (!marcus) throw new Error('no Marcus on the roster');
    expect(rosterEntryFor(roster, { id: marcus.id, displayName: 'Marcus Lee' }, [marcus.id])).toBeUndefined();
    expect(rosterEntryFor(roster, { id: 'p-desk-b', displayName: 'Marcus Lee' }, ['p-desk-b', marcus.id])).toBeUndefined();
    const inactive = fold(editPerson(roster, marcus.id, { active: false }, ctx), roster);
    expect(rosterEntryFor(inactive, { id: 'p-desk-b', displayName: 'Marcus Lee' }, ['p-desk-b'])).toBeUndefined();
  });

  it('is offered nothing when two active people share the name (two desks added them at once): the desk cannot tell which', () => {
    const twice = fold(addPerson(EMPTY_ROSTER, { name: 'Marcus Lee', role: 'esr', email: '' }, ctxFor(LEE, 'DESKB')), roster);
    expect(rosterPeople(twice).filter((p) => p.name === 'Marcus Lee')).toHaveLength(2);
    expect(rosterEntryFor(twice, { id: 'p-desk-b', displayName: 'Marcus Lee' }, ['p-desk-b'])).toBeUndefined();
  });
});
