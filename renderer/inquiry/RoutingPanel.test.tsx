import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../../shared/config/agencyConfig';
import { DataContext } from '../data/hooks';
import { openDesk, type TestDesk } from '../test/fixtures';
import { RoutingPanel } from './RoutingPanel';

let desk: TestDesk;
beforeEach(() => {
  desk = openDesk();
});
afterEach(async () => {
  await desk.close();
});

const shownTypes = () => [...document.querySelectorAll('.routing-entry dt')].map((d) => d.textContent);

describe('RoutingPanel', () => {
  it('is closed at first, opens by keyboard, and finds issue types by any words', async () => {
    const user = userEvent.setup();
    render(
      <DataContext.Provider value={desk}>
        <RoutingPanel />
      </DataContext.Provider>,
    );
    const toggle = screen.getByRole('button', { name: 'Routing quick reference' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('searchbox')).toBeNull();

    await user.tab();
    expect(document.activeElement).toBe(toggle);
    await user.keyboard('{Enter}');
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // The agency's directory, once read from the database.
    await screen.findByText(DEFAULT_AGENCY_CONFIG.routing[0]?.issueType as string);
    expect(screen.getByText('3 issue types')).toBeTruthy();

    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Find an issue type' }));
    await user.keyboard('pharm');
    expect(shownTypes()).toEqual(['Pharmacy prior authorization delayed or denied']);
    expect(screen.getByText('1 of 3 issue types match')).toBeTruthy();
    expect(screen.getByText("The MCO's Pharmacy department (MCO directory).")).toBeTruthy();
    await user.keyboard('{Control>}a{/Control}dental');
    expect(screen.getByText('Nothing matches “dental”. Try fewer or shorter words.')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(shownTypes()).toHaveLength(3);

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('points to Settings when the directory is empty', () => {
    render(
      <DataContext.Provider value={desk}>
        <RoutingPanel entries={[]} initiallyOpen />
      </DataContext.Provider>,
    );
    expect(screen.getByRole('link', { name: 'Settings → Routing directory' }).getAttribute('href')).toBe('#/settings/routing');
  });
});
