import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRIEVANCE_REASONS } from '../../shared/config/agencyConfig';
import { freshDeskPerTest, LEE_GRANT, storedConfig, type TestDesk } from '../test/fixtures';
import { openScreen } from '../test/renderApp';

let desk: TestDesk;

freshDeskPerTest((d) => {
  desk = d;
}, LEE_GRANT);

const input = (i: number) => document.getElementById(`cfg-grievanceReasons-${i}`) as HTMLInputElement;

const open = () => openScreen(desk, '#/settings/grievances', 'Grievance reasons');

describe('Settings → Grievance reasons', { timeout: 60_000 }, () => {
  it('adds a reason by keyboard and saves it, with the change in words', async () => {
    const { user } = await open();
    expect(input(0).value).toBe('Access to care');
    screen.getByRole('button', { name: 'Add a reason' }).focus();
    await user.keyboard('{Enter}');
    const last = DEFAULT_GRIEVANCE_REASONS.length;
    await waitFor(() => expect(document.activeElement?.id).toBe(`cfg-grievanceReasons-${last}`));
    await user.keyboard('Interpreter services');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByText('Saved. Grievance reasons edited: added Interpreter services.');
    expect((await storedConfig(desk))?.grievanceReasons.at(-1)).toBe('Interpreter services');
  });

  it('refuses a reason listed twice and an empty one, beside the fields, and saves nothing', async () => {
    const { user } = await open();
    await user.clear(input(1));
    await user.type(input(1), 'access to care');
    await user.clear(input(2));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(document.getElementById('cfg-grievanceReasons-1-error')?.textContent).toBe('"access to care" is already a grievance reason.'),
    );
    expect(document.getElementById('cfg-grievanceReasons-2-error')?.textContent).toBe('Name the reason, or remove it.');
    expect(await storedConfig(desk)).toBeUndefined();
  });
});
