import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { instant } from '../../test/fixtures';
import { inquiryPagePerTest, renderApp } from '../../test/renderApp';

/*
 * "When it happened" on a step form, in the app: PAT_LEE is received Mon 23 Nov 2026 1:45 PM and logged at 2:00 PM
 * (Chicago); the desk's clock stands at 2:30 PM.
 */

const page = inquiryPagePerTest('2026-11-23T20:30:00.000Z');

async function openForm(step: string) {
  const app = await page.open();
  await app.user.click(within(screen.getByRole('group', { name: 'Next steps' })).getByRole('button', { name: step }));
  const group = within(screen.getByRole('group', { name: 'When it happened' }));
  // "Did you reach them?" has no default: these tests record a conversation.
  if (step === 'Record contact') await app.user.click(screen.getByRole('radio', { name: /^Yes, we spoke/ }));
  return {
    ...app,
    group,
    day: group.getByLabelText('Day') as HTMLInputElement,
    time: group.getByLabelText('Time') as HTMLInputElement,
  };
}

/** The contact form's own button (the step button of the same name opened it). */
const submit = () =>
  within(screen.getByRole('form', { name: 'Record a contact or an outreach attempt' })).getByRole('button', { name: 'Record contact' });
const events = () => page.desk.db.events.where('[inquiryId+hlc]').between([page.inquiry.id, ''], [page.inquiry.id, '\uffff']).toArray();
const newestMeta = () =>
  within(screen.getByRole('list', { name: 'Timeline entries, newest first' }))
    .getAllByRole('listitem')[0]
    ?.firstElementChild?.textContent?.replace(/\s+/g, ' ');

describe('the When field of a step form', () => {
  it('starts at now in agency time, says how to change it, and records nothing else when left alone', async () => {
    const { user, day, time } = await openForm('Record contact');
    expect([day.value, time.value]).toEqual(['11/23/2026', '2:30 PM']);
    const hint = document.getElementById(day.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toMatch(/^Now, unless it happened earlier/);
    expect(time.getAttribute('aria-describedby')).toBe(day.getAttribute('aria-describedby'));
    expect(day.getAttribute('aria-invalid')).toBeNull();

    await user.click(submit());
    await waitFor(() => expect(screen.queryByRole('group', { name: 'When it happened' })).toBeNull());
    const outreach = (await events()).find((e) => e.type === 'OutreachRecorded');
    expect(outreach).toMatchObject({ at: instant('2026-11-23T20:30:00.000Z'), v: 2 });
    expect(outreach).not.toHaveProperty('happenedAt');
    expect(newestMeta()).toBe('Ana Ortiz Mon, Nov 23, 2026, 2:30 PM CST');
  });

  it('refuses a time before the inquiry was received, beside the field, then records an earlier time with both times', async () => {
    const { user, group, day, time } = await openForm('Record contact');
    const before = (await events()).length;
    await user.clear(time);
    await user.type(time, '1:30 pm');
    await user.click(submit());

    const error = await group.findByText(
      'That is before the inquiry was received (11/23/2026 1:45 PM): it cannot have happened earlier. Check the day and the time.',
    );
    for (const input of [day, time]) {
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
    }
    expect(document.activeElement).toBe(day);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await events()).toHaveLength(before);

    await user.clear(time);
    await user.type(time, '2:05 pm');
    await user.click(submit());
    await waitFor(() => expect(screen.queryByRole('group', { name: 'When it happened' })).toBeNull());
    expect((await events()).find((e) => e.type === 'OutreachRecorded')).toMatchObject({
      at: instant('2026-11-23T20:30:00.000Z'),
      happenedAt: instant('2026-11-23T20:05:00.000Z'),
    });
    await waitFor(() => expect(newestMeta()).toBe('Ana Ortiz Mon, Nov 23, 2026, 2:05 PM CST (recorded 2:30 PM)'));
  });

  it('refuses the future and a day that does not read, saying which input to fix', async () => {
    const { user, group, day, time } = await openForm('Record contact');
    await user.clear(time);
    await user.type(time, '3:30 PM');
    await user.click(submit());
    await group.findByText(/^That is later than now \(11\/23\/2026 2:30 PM\)/);
    await user.clear(time);
    await user.type(time, '25:00');
    await user.click(submit());
    await group.findByText('Type the time as 14:30 or 2:30 pm.');
    expect(document.activeElement).toBe(time);
    await user.clear(time);
    await user.type(time, '2:00 pm');

    await user.clear(day);
    await user.type(day, '11/31/2026');
    await user.click(submit());
    await group.findByText('Type the day as mm/dd/yyyy, for example 11/24/2026.');
    expect(day.getAttribute('aria-invalid')).toBe('true');
    expect(time.getAttribute('aria-invalid')).toBeNull();
  });

  it('a note can say it happened earlier; the timeline shows when it was recorded, on another day with the date', async () => {
    page.desk.clock.set('2026-11-24T15:00:00.000Z'); // Tue 9:00 AM
    const { user } = renderApp(page.desk, `#/inquiry/${page.inquiry.id}`);
    await screen.findByRole('heading', { level: 1, name: `Inquiry ${page.inquiry.caseNumber}` });
    await user.type(await screen.findByRole('textbox', { name: 'Add a note as Ana Ortiz' }), 'The member called back after hours.');
    await user.click(screen.getByRole('button', { name: 'It happened earlier…' }));
    const group = within(screen.getByRole('group', { name: 'When it happened' }));
    await user.clear(group.getByLabelText('Day'));
    await user.type(group.getByLabelText('Day'), '11/23/2026');
    await user.clear(group.getByLabelText('Time'));
    await user.type(group.getByLabelText('Time'), '5:10 pm');
    await user.click(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(newestMeta()).toBe('Ana Ortiz Mon, Nov 23, 2026, 5:10 PM CST (recorded Tue, Nov 24, 2026, 9:00 AM CST)'));
    expect(screen.queryByRole('group', { name: 'When it happened' })).toBeNull();
  });
});
