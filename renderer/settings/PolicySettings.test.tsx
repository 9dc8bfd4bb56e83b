import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../../shared/config/agencyConfig';
import type { Profile } from '../../shared/people';
import type { ConfigHistoryEntry } from '../data/agencySettings';
import { freshDeskPerTest, LEE_GRANT, PAT_LEE, storedConfig, type TestDesk } from '../test/fixtures';
import { byId, errorText, openScreen, tabTo } from '../test/renderApp';

let desk: TestDesk;
let lead: Profile;

freshDeskPerTest((d, profile) => {
  desk = d;
  lead = profile;
}, LEE_GRANT);

/** The holiday preview is worked out once typing pauses, and the holiday library is slow under jsdom. */
const SETTLE = { timeout: 30_000 };

const openPolicy = () => openScreen(desk, '#/settings/policy', 'Policy and calendar');

describe('Settings → Policy and calendar', { timeout: 60_000 }, () => {
  it('adds a "Dire need" level of 24 clock hours by keyboard, and saves it with a history entry', async () => {
    const { user } = await openPolicy();
    // From the last field of the Escalated level, Tab moves past its Remove button to "Add a priority level".
    byId<HTMLSelectElement>('cfg-priorityLevels-1-firstContactDeadline-unit').focus();
    await tabTo(user, screen.getByRole('button', { name: 'Add a priority level' }), 3);
    await user.keyboard('{Enter}');
    // The new level's name takes focus.
    await waitFor(() => expect(document.activeElement?.id).toBe('cfg-priorityLevels-2-label'));
    await user.keyboard('Dire need');
    await user.tab(); // Process: High (default)
    await user.tab();
    await user.keyboard('12');
    await user.tab(); // counted in: clock hours (default for a new level)
    await user.tab();
    await user.keyboard('24');
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    await user.keyboard('{Control>}{Enter}{/Control}');

    await screen.findByText(
      /^Saved\. Priority level "Dire need" added: first contact within 12 clock hours, deadline 24 clock hours/,
      {},
      SETTLE,
    );
    const saved = await storedConfig(desk);
    expect(saved?.priorityLevels.at(-1)).toEqual({
      id: 'dire-need',
      label: 'Dire need',
      path: 'high',
      firstContactTarget: { amount: 12, unit: 'clockHours' },
      firstContactDeadline: { amount: 24, unit: 'clockHours' },
    });
    expect(saved?.priorityLevels.slice(0, 2)).toEqual(DEFAULT_AGENCY_CONFIG.priorityLevels);
    const history = (await desk.db.meta.get('configHistory'))?.value as ConfigHistoryEntry[];
    expect(history.map((h) => [h.by, h.changes.length])).toEqual([[{ id: lead.id, name: 'Lee Grant' }, 1]]);
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });

  it('refuses bad input with a message beside each field, lists it at the top, and stores nothing', async () => {
    const { user } = await openPolicy();
    await user.clear(byId('cfg-priorityLevels-0-firstContactTarget-amount'));
    await user.type(byId('cfg-priorityLevels-0-firstContactTarget-amount'), 'two');
    await user.clear(byId('cfg-priorityLevels-1-label'));
    await user.clear(byId('cfg-outreachMaxAttempts'));
    await user.type(byId('cfg-outreachMaxAttempts'), '0');
    await user.clear(byId('cfg-calendar-officeHours-5-close'));
    await user.type(byId('cfg-calendar-officeHours-5-close'), '25:00');
    await user.clear(byId('cfg-calendar-holidayRegion'));
    await user.type(byId('cfg-calendar-holidayRegion'), 'US-ZZ');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading').textContent).toBe('5 things need fixing before the settings can be saved');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Priority level "High": Enter the target as a number, for example 2 or 1.5.',
      'Priority level 2: Give the priority level a name.',
      'Outreach attempts: Enter a whole number of attempts from 1 to 10.',
      'Office hours on Friday: Enter the closing time, for example 16:30 or 4:30 pm.',
      'Calendar: The holiday library has no such region. Enter a country code, optionally with a state, for example US-IA.',
    ]);
    expect(errorText('cfg-priorityLevels-0-firstContactTarget-amount')).toBe('Enter the target as a number, for example 2 or 1.5.');
    expect(errorText('cfg-priorityLevels-1-label')).toBe('Give the priority level a name.');
    expect(errorText('cfg-outreachMaxAttempts')).toBe('Enter a whole number of attempts from 1 to 10.');
    expect(errorText('cfg-calendar-officeHours-5-close')).toBe('Enter the closing time, for example 16:30 or 4:30 pm.');
    expect(errorText('cfg-calendar-holidayRegion')).toBe(
      'The holiday library has no such region. Enter a country code, optionally with a state, for example US-IA.',
    );
    expect(byId('cfg-priorityLevels-0-firstContactTarget-amount').getAttribute('aria-invalid')).toBe('true');
    expect(byId('cfg-priorityLevels-0-firstContactTarget-amount').getAttribute('aria-describedby')).toBe(
      'cfg-priorityLevels-0-firstContactTarget-amount-error',
    );
    await waitFor(() => expect(document.activeElement?.id).toBe('cfg-priorityLevels-0-firstContactTarget-amount'));
    // A link in the summary takes the keyboard to its field.
    await user.click(within(summary).getByRole('link', { name: /^Office hours on Friday/ }));
    expect(document.activeElement?.id).toBe('cfg-calendar-officeHours-5-close');
    expect(await storedConfig(desk)).toBeUndefined();
    expect(await desk.db.meta.get('configHistory')).toBeUndefined();
  });

  it('will not remove a level open inquiries have, and says so', async () => {
    await desk.repo.logInquiry({ ...PAT_LEE, priority: 'escalated' });
    await desk.repo.logInquiry({ ...PAT_LEE, priority: 'escalated' });
    const { user } = await openPolicy();
    const remove = await screen.findByRole('button', { name: 'Remove Escalated' });
    await waitFor(() => expect(remove.getAttribute('aria-disabled')).toBe('true'));
    const why = byId(remove.getAttribute('aria-describedby') as string);
    expect(why.textContent).toBe('2 open inquiries have this level, so it cannot be removed. Resolve them or change their priority first.');
    await user.click(remove);
    expect(byId('cfg-priorityLevels-1-label').value).toBe('Escalated');
    // High has no open inquiries: it can go.
    await user.click(screen.getByRole('button', { name: 'Remove High' }));
    expect(screen.queryByRole('button', { name: 'Remove High' })).toBeNull();
  });

  it('changes office hours and adds a named closure, shown in the closed-days preview and stored as a day', async () => {
    const { user } = await openPolicy();
    await user.clear(byId('cfg-calendar-officeHours-5-close'));
    await user.type(byId('cfg-calendar-officeHours-5-close'), '12 pm');
    await user.click(byId('policy-day-6-open')); // open on Saturdays
    await user.clear(byId('cfg-calendar-officeHours-6-open'));
    await user.type(byId('cfg-calendar-officeHours-6-open'), '9:00');
    await user.clear(byId('cfg-calendar-officeHours-6-close'));
    await user.type(byId('cfg-calendar-officeHours-6-close'), '12:00');
    await user.click(screen.getByRole('button', { name: 'Add a closure' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('cfg-calendar-closures-0-day'));
    await user.keyboard('12/24/2026');
    await user.tab();
    await user.keyboard('Christmas Eve (declared)');

    const preview = await screen.findByRole('table', { name: 'Closed days in the next 12 months' }, SETTLE);
    await waitFor(() => expect(within(preview).getByText('Christmas Eve (declared)')).toBeTruthy(), SETTLE);
    const rows = within(preview)
      .getAllByRole('row')
      .slice(1, 5)
      .map((r) =>
        within(r)
          .getAllByRole('cell')
          .slice(0, 3)
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['Thu 11/26/2026', 'Thanksgiving Day', 'Holiday'],
      ['Thu 12/24/2026', 'Christmas Eve (declared)', 'Closure'],
      ['Fri 12/25/2026', 'Christmas Day', 'Holiday'],
      ['Fri 01/01/2027', "New Year's Day", 'Holiday'],
    ]);

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved\./, {}, SETTLE);
    const saved = await storedConfig(desk);
    expect(saved?.calendar.officeHours[5]).toEqual({ open: '08:00', close: '12:00' });
    expect(saved?.calendar.officeHours[6]).toEqual({ open: '09:00', close: '12:00' });
    expect(saved?.calendar.closures).toEqual([{ day: '2026-12-24', name: 'Christmas Eve (declared)' }]);
    // The repo's business calendar follows the saved settings.
    expect((await desk.repo.config()).calendar.closures).toHaveLength(1);
  });

  it('opens on a holiday by exception from the preview, and counts another holiday by name', async () => {
    const { user } = await openPolicy();
    await user.click(await screen.findByRole('button', { name: 'Open this day (11/26/2026)' }, SETTLE));
    await screen.findByRole('button', { name: 'Close on 11/26/2026 again' }, SETTLE);
    await user.click(screen.getByText(/^Other holidays the library knows/));
    await user.click(screen.getByRole('button', { name: 'Close for Day after Thanksgiving Day every year' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved\./, {}, SETTLE);
    const saved = await storedConfig(desk);
    expect(saved?.calendar.holidaysRemoved).toEqual(['2026-11-26']);
    expect(saved?.calendar.holidayNamesIncluded).toEqual(['Day after Thanksgiving Day']);
  });

  it('Cancel drops the changes and goes back to the list of settings', async () => {
    const { user } = await openPolicy();
    await user.clear(byId('cfg-outreachMaxAttempts'));
    await user.type(byId('cfg-outreachMaxAttempts'), '3');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    expect(await storedConfig(desk)).toBeUndefined();
  });
});
