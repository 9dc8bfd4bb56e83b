import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AgencyConfig, DEFAULT_GRIEVANCE_REASONS } from '../../shared/config/agencyConfig';
import { MONDAY_2PM, openDesk, type TestDesk } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

let desk: TestDesk;

beforeEach(async () => {
  desk = openDesk(MONDAY_2PM);
  await desk.repo.createProfile({ displayName: 'Lee Grant', role: 'lead' });
});
afterEach(async () => {
  await desk.close();
});

const storedConfig = async () => (await desk.db.meta.get('config'))?.value as AgencyConfig | undefined;
const input = (i: number) => document.getElementById(`cfg-grievanceReasons-${i}`) as HTMLInputElement;

async function open() {
  const app = renderApp(desk, '#/settings/grievances');
  await screen.findByRole('heading', { level: 1, name: 'Grievance reasons' });
  return app;
}

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
    expect((await storedConfig())?.grievanceReasons.at(-1)).toBe('Interpreter services');
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
    expect(await storedConfig()).toBeUndefined();
  });
});
