import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { freshDeskPerTest, LEE_GRANT, type TestDesk } from '../test/fixtures';
import { openScreen } from '../test/renderApp';

let desk: TestDesk;

freshDeskPerTest((d) => {
  desk = d;
}, LEE_GRANT);

const open = () => openScreen(desk, '#/settings/people', 'People');
/** The roster table's row of the person named (its header cell starts with the name). */
const rowOf = (name: string) =>
  [...document.querySelectorAll<HTMLElement>('table.people-table tbody tr')].find(
    (tr) => tr.querySelector('th')?.firstChild?.textContent === name,
  ) as HTMLElement;

describe('Settings → People', { timeout: 60_000 }, () => {
  it('adds a colleague by keyboard, refusing a bad e-mail beside its field first, and stores one roster event', async () => {
    const { user } = await open();
    await user.click(screen.getByLabelText(/^Name/));
    await user.keyboard('Marcus Lee');
    await user.selectOptions(screen.getByLabelText(/^Role/), 'esr');
    await user.type(screen.getByLabelText(/^E-mail/), 'marcus@');
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(document.getElementById('person-add-email-error')?.textContent).toBe(
        'Enter one e-mail address like name@agency.gov, or leave it empty.',
      ),
    );
    expect(document.activeElement?.id).toBe('person-add-email');
    expect(await desk.db.events.count()).toBe(0);
    await user.clear(screen.getByLabelText(/^E-mail/));
    await user.type(screen.getByLabelText(/^E-mail/), 'marcus.lee@hhs.iowa.gov{Enter}');
    await screen.findByText('Marcus Lee is on the roster.');
    await waitFor(() => expect(rowOf('Marcus Lee')).toBeDefined());
    expect([...rowOf('Marcus Lee').querySelectorAll('td')].map((c) => c.textContent)).toEqual([
      'ESR',
      'marcus.lee@hhs.iowa.gov',
      'Active',
      'none',
      'EditDeactivate',
    ]);
    expect((await desk.db.events.toArray()).map((e) => e.type)).toEqual(['PersonAdded']);
  });

  it('deactivates and edits a person; their history says who did what', async () => {
    const { user } = await open();
    await user.type(screen.getByLabelText(/^Name/), 'Marcus Lee');
    await user.selectOptions(screen.getByLabelText(/^Role/), 'esr');
    await user.type(screen.getByLabelText(/^E-mail/), '{Enter}');
    await screen.findByText('Marcus Lee is on the roster.');
    await user.click(await screen.findByRole('button', { name: 'Deactivate Marcus Lee' }));
    await screen.findByText('Marcus Lee is inactive: they keep their name on their history.');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Reactivate Marcus Lee' })));
    await user.click(screen.getByRole('button', { name: 'Edit Marcus Lee' }));
    await waitFor(() =>
      expect(document.activeElement?.getAttribute('value') ?? (document.activeElement as HTMLInputElement).value).toBe('Marcus Lee'),
    );
    await user.keyboard('{Control>}a{/Control}Marcus J. Lee{Enter}');
    await screen.findByText('Marcus J. Lee: saved.');
    await waitFor(() => expect(rowOf('Marcus J. Lee')).toBeDefined());
    await user.click(within(rowOf('Marcus J. Lee')).getByText('History'));
    const history = within(rowOf('Marcus J. Lee'))
      .getAllByRole('listitem')
      .map((li) => li.textContent?.replace(/^.*?: /, ''));
    expect(history).toEqual([
      'Added as ESR by Lee Grant',
      'Deactivated by Lee Grant',
      'Name changed from Marcus Lee to Marcus J. Lee by Lee Grant',
    ]);
  });
});
