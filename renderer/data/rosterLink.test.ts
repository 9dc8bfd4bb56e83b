import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../shared/inquiry/commands/testKit';
import { addPerson } from '../../shared/roster/commands';
import { hashPin } from '../lock/pin';
import { freshDeskPerTest, LEE_GRANT, type TestDesk } from '../test/fixtures';

/**
 * A desk set up by Marcus before it joined the share: his profile has an id of its own, while the roster (from a
 * lead's desk) lists him under another. He is asked; once he says yes his profile is the roster entry.
 */
let desk: TestDesk;
freshDeskPerTest((d) => {
  desk = d;
}, LEE_GRANT);

async function rosterMarcus(): Promise<string> {
  const [added] = await desk.repo.changeRoster((r, ctx) =>
    addPerson(r, { name: 'Marcus Lee', role: 'esr', email: 'marcus.lee@hhs.iowa.gov' }, ctx),
  );
  return added?.type === 'PersonAdded' ? added.payload.personId : '';
}

describe('linking a desk’s own profile to the roster entry of the same person', () => {
  it('offers the entry, then moves the profile, its PIN, its per-person state and its open work to the entry’s id', async () => {
    const rosterId = await rosterMarcus();
    const own = await desk.repo.createProfile({ displayName: 'Marcus Lee', role: 'liaison' }, await hashPin('3917'));
    expect(own.id).not.toBe(rosterId);
    const { id: inquiryId } = await desk.repo.logInquiry({ ...FIELDS, assignee: { id: own.id, name: 'Marcus Lee' } });
    await desk.repo.setLogLayout(own.id, { columns: ['caseNumber'] });
    await desk.repo.markOpened(own.id, inquiryId, 'seen');
    await desk.repo.drafts.save({ id: `intake:${own.id}`, profileId: own.id, savedAt: 1, values: { description: 'Half typed' } });

    expect((await desk.repo.rosterLinkOffer(own.id))?.id).toBe(rosterId);
    const linked = await desk.repo.linkProfileToRoster(own.id, rosterId);

    expect(linked).toMatchObject({ id: rosterId, displayName: 'Marcus Lee', role: 'esr' });
    expect((await desk.repo.activeProfile())?.id).toBe(rosterId);
    expect(linked.pin).toEqual(own.pin);
    expect(linked.pin).toBeDefined();
    expect((await desk.repo.profiles()).map((p) => p.id)).not.toContain(own.id);
    expect(await desk.repo.logLayout(rosterId)).toEqual({ columns: ['caseNumber'] });
    expect(await desk.repo.logLayout(own.id)).toBeUndefined();
    expect(await desk.repo.openedBy(rosterId)).toEqual({ [inquiryId]: 'seen' });
    expect(await desk.repo.drafts.load(`intake:${rosterId}`)).toMatchObject({ profileId: rosterId, values: { description: 'Half typed' } });
    expect(await desk.repo.drafts.load(`intake:${own.id}`)).toBeUndefined();
    expect((await desk.repo.inquiry(inquiryId))?.assignee).toEqual({ id: rosterId, name: 'Marcus Lee' });
    const reassigned = (await desk.repo.timeline(inquiryId)).at(-1);
    expect(reassigned).toMatchObject({ type: 'FieldEdited', actor: { id: rosterId, name: 'Marcus Lee' } });
    expect(await desk.repo.rosterLinkOffer(rosterId)).toBeNull();
  });

  it('does not ask again once the person says the entry is someone else, and refuses a link the roster no longer offers', async () => {
    const rosterId = await rosterMarcus();
    const own = await desk.repo.createProfile({ displayName: 'Marcus Lee', role: 'esr' });
    await desk.repo.declineRosterLink(own.id, rosterId);
    expect(await desk.repo.rosterLinkOffer(own.id)).toBeNull();
    await expect(desk.repo.linkProfileToRoster(own.id, rosterId)).rejects.toThrow(/roster changed/);
    expect((await desk.repo.activeProfile())?.id).toBe(own.id);
  });

  it('offers nothing to a person whose name the roster does not list', async () => {
    await rosterMarcus();
    const own = await desk.repo.createProfile({ displayName: 'Dana Whitfield', role: 'liaison' });
    expect(await desk.repo.rosterLinkOffer(own.id)).toBeNull();
  });
});
