import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from '../../shared/config/agencyConfig';
import { freshDeskPerTest, type TestDesk } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

let desk: TestDesk;

freshDeskPerTest((d) => {
  desk = d;
});

const radio = (id: string) => document.getElementById(id) as HTMLInputElement;
const suggestionText = () => document.querySelector('.priority-suggestion')?.textContent ?? '';

describe('the priority suggestion at intake', { timeout: 60_000 }, () => {
  it('suggests from the description, chooses nothing by itself, and is used only when the person says so', async () => {
    const { user } = renderApp(desk, '#/new');
    await screen.findByRole('heading', { level: 1, name: 'New inquiry' });
    expect(suggestionText()).toBe('');
    await user.type(document.getElementById('intake-description') as HTMLElement, 'Discharged from the hospital without meds');
    // "Discharged" is not the keyword "discharge" (whole words only); "hospital" is.
    await waitFor(() => expect(suggestionText()).toBe('Suggested: High (mentions "hospital") Use suggestion'));
    expect(radio('intake-priority').checked).toBe(false);
    expect(radio('intake-priority-escalated').checked).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Use suggestion' }));
    expect(radio('intake-priority').checked).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(radio('intake-priority')));
    expect(suggestionText()).toBe('');
  });

  it('offers the suggestion again when the person chose another priority, and follows the agency’s rules and levels', async () => {
    await desk.repo.saveConfig({
      ...DEFAULT_AGENCY_CONFIG,
      priorityLevels: [
        ...DEFAULT_AGENCY_CONFIG.priorityLevels,
        {
          id: 'dire-need',
          label: 'Dire need',
          path: 'high',
          firstContactTarget: { amount: 12, unit: 'clockHours' },
          firstContactDeadline: { amount: 24, unit: 'clockHours' },
        },
      ],
      suggestionRules: [{ priority: 'dire-need', keywords: ['eviction'], categories: ['Behavioral health'] }],
    });
    const { user } = renderApp(desk, '#/new');
    await screen.findByRole('heading', { level: 1, name: 'New inquiry' });
    await user.click(radio('intake-priority-escalated'));
    await user.selectOptions(document.getElementById('intake-category') as HTMLSelectElement, 'Behavioral health');
    await waitFor(() => expect(suggestionText()).toBe('Suggested: Dire need (category is "Behavioral health") Use suggestion'));
    await user.click(screen.getByRole('button', { name: 'Use suggestion' }));
    expect(radio('intake-priority-dire-need').checked).toBe(true);
    expect(radio('intake-priority-escalated').checked).toBe(false);
  });
});
