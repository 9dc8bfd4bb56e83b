import { describe, expect, it } from 'vitest';
import { ROSTER_STREAM } from '../../shared/inquiry/events';
import { addPerson, editPerson } from '../../shared/roster/commands';
import { rosterPeople } from '../../shared/roster/roster';
import { type Desk, syncAll, team, tempShareEachTest } from './desks';
import { FIELDS } from './memoryHarness';

/**
 * The unit's roster across desks (docs/roster.md): its events travel like any other, so a colleague added on one
 * desk can be given work on another, and two leads editing the same person converge. Whole desks (Repo, Dexie,
 * engine) over a real temp folder.
 */

let desks: Desk[] = [];
const share = tempShareEachTest(() => desks.splice(0));

const listed = async (d: Desk) =>
  rosterPeople(await d.repo.roster())
    .filter((p) => !p.derived)
    .map(({ name, role, email, active }) => ({ name, role, email, active }));

describe('the roster on several desks', () => {
  it('a colleague added on one desk, and an inquiry assigned to them there, appear on the other', async () => {
    desks = await team(share.root, ['Priya Shah', 'Dana Whitfield'], { role: 'lead' });
    const [a, b] = desks as [Desk, Desk];
    const [added] = await a.repo.changeRoster((r, ctx) =>
      addPerson(r, { name: 'Marcus Lee', role: 'esr', email: 'marcus.lee@hhs.iowa.gov' }, ctx),
    );
    const marcus = added?.type === 'PersonAdded' ? added.payload.personId : '';
    const { id } = await a.repo.logInquiry({ ...FIELDS, priority: 'escalated', assignee: { id: marcus, name: 'Marcus Lee' } });
    await syncAll(desks);
    expect(await listed(b)).toEqual([{ name: 'Marcus Lee', role: 'esr', email: 'marcus.lee@hhs.iowa.gov', active: true }]);
    expect((await b.rows())[id]?.assignee).toEqual({ id: marcus, name: 'Marcus Lee' });
    // The roster's events never make an inquiry row.
    expect(Object.keys(await b.rows())).toEqual([id]);
    expect((await b.events()).filter((e) => e.inquiryId === ROSTER_STREAM).map((e) => e.type)).toEqual(['PersonAdded']);
  });

  it('two leads editing the same person offline converge field by field, and both desks keep the whole history', async () => {
    desks = await team(share.root, ['Priya Shah', 'Tom Keller'], { role: 'lead' });
    const [a, b] = desks as [Desk, Desk];
    const [added] = await a.repo.changeRoster((r, ctx) => addPerson(r, { name: 'Marcus Lee', role: 'esr', email: '' }, ctx));
    const marcus = added?.type === 'PersonAdded' ? added.payload.personId : '';
    await syncAll(desks);
    // Offline: Priya fixes his name and sets an e-mail; a moment later Tom sets another e-mail and deactivates him.
    await a.repo.changeRoster((r, ctx) => editPerson(r, marcus, { name: 'Marcus J. Lee', email: 'mlee@hhs.iowa.gov' }, ctx));
    b.clock.skewMs = 1000;
    await b.repo.changeRoster((r, ctx) => editPerson(r, marcus, { email: 'marcus.lee@hhs.iowa.gov', active: false }, ctx));
    await b.sync();
    await syncAll(desks);
    const expected = [{ name: 'Marcus J. Lee', role: 'esr', email: 'marcus.lee@hhs.iowa.gov', active: false }];
    expect(await listed(a)).toEqual(expected);
    expect(await listed(b)).toEqual(expected);
    // The same roster on both desks, to every stamp (the people at each desk, listed from their work, included).
    expect(await a.repo.roster()).toEqual(await b.repo.roster());
    for (const d of desks)
      expect(
        (await d.repo.rosterHistory()).map((e) => (e.type === 'PersonEdited' ? `${e.payload.field} by ${e.actor.name}` : e.type)),
      ).toEqual(['PersonAdded', 'name by Priya Shah', 'email by Priya Shah', 'email by Tom Keller', 'active by Tom Keller']);
  });
});
