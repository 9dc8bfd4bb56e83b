import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk, type TestDesk } from '../test/fixtures';
import { renderApp, tabTo } from '../test/renderApp';

let desk: TestDesk;

beforeEach(() => {
  desk = openDesk();
});

afterEach(async () => {
  await desk.close();
});

describe('ProfileSetup', () => {
  it('shows both messages beside their fields when submitted empty, and stores no profile', async () => {
    const { user } = renderApp(desk);
    await screen.findByRole('heading', { name: 'Welcome to Liaison Log' });

    await user.click(screen.getByRole('button', { name: 'Start using Liaison Log' }));

    const name = screen.getByRole('textbox', { name: 'Your name' });
    const nameError = document.getElementById(name.getAttribute('aria-describedby') ?? '');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(nameError?.textContent).toBe('Enter your name as colleagues know it (at least 2 characters).');
    const roles = screen.getByRole('group', { name: 'Your role' });
    const roleError = document.getElementById(roles.getAttribute('aria-describedby') ?? '');
    expect(roleError?.textContent).toBe('Choose your role.');
    expect(roles.contains(roleError)).toBe(true);
    expect(document.activeElement).toBe(name);
    expect(await desk.db.profiles.count()).toBe(0);
  });

  it('asks only for the role when the name is given', async () => {
    const { user } = renderApp(desk);
    await user.type(await screen.findByRole('textbox', { name: 'Your name' }), 'Ana Ortiz');

    await user.keyboard('{Enter}');

    expect(screen.getByRole('group', { name: 'Your role' }).textContent).toContain('Choose your role.');
    expect(screen.getByRole('textbox', { name: 'Your name' }).getAttribute('aria-invalid')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Member liaison' }));
    expect(await desk.db.profiles.count()).toBe(0);
  });

  it('stores the profile and opens the liaison on the All open queue', async () => {
    const { user } = renderApp(desk);
    await user.type(await screen.findByRole('textbox', { name: 'Your name' }), '  Ana Ortiz ');
    await tabTo(user, screen.getByRole('radio', { name: 'Member liaison' }));
    await user.keyboard(' ');
    await tabTo(user, screen.getByRole('button', { name: 'Start using Liaison Log' }));
    await user.keyboard('{Enter}');

    expect(await screen.findByRole('heading', { level: 1, name: 'All open' })).toBeTruthy();
    expect(screen.getByRole('banner').textContent).toContain('Ana OrtizMember liaison');
    const profiles = await desk.db.profiles.toArray();
    expect(profiles.map((p) => [p.displayName, p.role])).toEqual([['Ana Ortiz', 'liaison']]);
    expect((await desk.repo.activeProfile())?.id).toBe(profiles[0]?.id);
  });

  it("asks a brand-new desk for its agency's state, shows that year's closed days, and stores the preset", async () => {
    const { user } = renderApp(desk);
    const state = await screen.findByRole('combobox', { name: "Your agency's state" });
    expect((state as HTMLSelectElement).value).toBe('IA');
    const list = await screen.findByRole('region', { name: /Iowa state offices are closed on \d+ days in/ });
    expect(list.textContent).toContain('Friday after Thanksgiving');
    expect(list.textContent).not.toContain("Lincoln's Birthday");
    await user.selectOptions(state, 'KY');
    expect((await screen.findByRole('region', { name: /Kentucky state offices are closed/ })).textContent).toContain('Christmas Eve');
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Ana Ortiz');
    await user.click(screen.getByRole('radio', { name: 'Unit lead' }));
    await user.click(screen.getByRole('button', { name: 'Start using Liaison Log' }));
    await screen.findByRole('banner');
    const config = await desk.repo.config();
    expect([config.calendar.statePreset, config.calendar.holidayRegion]).toEqual(['KY', 'US-KY']);
    // Set up with a preset: no notice about the old calendar.
    expect(await desk.repo.calendarPresetNotice()).toBeNull();
  });

  it('does not ask again on a desk that already has its configuration', async () => {
    await desk.repo.saveConfig({ ...(await desk.repo.config()), outreachMaxAttempts: 3 });
    renderApp(desk);
    await screen.findByRole('textbox', { name: 'Your name' });
    expect(screen.queryByRole('combobox', { name: "Your agency's state" })).toBeNull();
  });
});
