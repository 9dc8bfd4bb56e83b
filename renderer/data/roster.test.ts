import { describe, expect, it } from 'vitest';
import type { CaseNumber } from '../../shared/inquiry/caseNumber';
import { logInquiry } from '../../shared/inquiry/commands/logInquiry';
import { FIELDS } from '../../shared/inquiry/commands/testKit';
import type { InquiryEvent } from '../../shared/inquiry/events';
import { addPerson, editPerson } from '../../shared/roster/commands';
import { rosterPeople } from '../../shared/roster/roster';
import { freshDeskPerTest, LEE_GRANT, type TestDesk } from '../test/fixtures';

/** The roster through the desk's one write path: stored as events, folded into `meta.roster`, kept by a rebuild. */
let desk: TestDesk;
freshDeskPerTest((d) => {
  desk = d;
}, LEE_GRANT);

const listed = async () =>
  rosterPeople(await desk.repo.roster()).map(({ name, role, active, legacy, derived }) => ({
    name,
    role,
    active,
    legacy,
    derived: derived ?? false,
  }));

describe('the roster on a desk', () => {
  it('lists the desk’s own people without an event, stores a lead’s changes as events, and rebuilds the same roster from them', async () => {
    expect(await listed()).toEqual([{ name: 'Lee Grant', role: 'lead', active: true, legacy: false, derived: true }]);
    expect(await desk.db.events.count()).toBe(0);
    const [added] = await desk.repo.changeRoster((r, ctx) => addPerson(r, { name: 'Marcus Lee', role: 'esr', email: '' }, ctx));
    const id = added?.type === 'PersonAdded' ? added.payload.personId : '';
    await desk.repo.changeRoster((r, ctx) => editPerson(r, id, { active: false }, ctx));
    const before = await desk.repo.roster();
    expect(before[id]).toMatchObject({ name: 'Marcus Lee', active: false });
    // The roster's events make no inquiry row, go to the outbox and join this desk's chain.
    expect(await desk.db.inquiries.count()).toBe(0);
    expect(await desk.db.outbox.count()).toBe(2);
    expect((await desk.db.events.toArray()).map((e) => e.chain?.seq)).toEqual([1, 2]);
    await desk.db.meta.delete('roster');
    await desk.repo.rebuildProjections();
    expect(await desk.repo.roster()).toEqual(before);
  });

  it('keeps the old log’s assignees as inactive entries, matched by name, never twice, whatever the number of imports', async () => {
    await desk.repo.changeRoster((r, ctx) => addPerson(r, { name: 'Marcus Lee', role: 'esr', email: '' }, ctx));
    const imported = (n: number, assignee: { id: string; name: string }) => (ctx: Parameters<typeof logInquiry>[1]) =>
      logInquiry({ fields: { ...FIELDS, assignee }, caseNumber: `261123-K7QM2-90000${n}` as CaseNumber }, ctx);
    const importOnce = (run: number) => {
      let given = false;
      return desk.repo.appendInBulk(async (ctx) => {
        if (given) return null;
        given = true;
        return [
          ...imported(run * 2 + 1, { id: 'legacy:jo-baker', name: 'Jo Baker' })(ctx),
          ...imported(run * 2 + 2, { id: 'legacy:jo-baker', name: 'Jo Baker' })(ctx),
        ] as InquiryEvent[];
      });
    };
    await importOnce(0);
    await importOnce(1);
    expect(await listed()).toEqual([
      { name: 'Jo Baker', role: null, active: false, legacy: true, derived: false },
      { name: 'Lee Grant', role: 'lead', active: true, legacy: false, derived: true },
      { name: 'Marcus Lee', role: 'esr', active: true, legacy: false, derived: false },
    ]);
  });
});
