import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { freshDeskPerTest, LEE_GRANT, storedConfig, type TestDesk } from '../test/fixtures';
import { openScreen } from '../test/renderApp';

let desk: TestDesk;

freshDeskPerTest((d) => {
  desk = d;
}, LEE_GRANT);

const field = () => document.getElementById('cfg-warningThresholds') as HTMLInputElement;
const SETTLE = { timeout: 30_000 };

const openPolicy = () => openScreen(desk, '#/settings/policy', 'Policy and calendar');

describe('Settings → Policy and calendar → Warnings', { timeout: 60_000 }, () => {
  it('shows the thresholds in force, labelled, and saves new ones with a history sentence', async () => {
    const { user } = await openPolicy();
    expect(field().value).toBe('50, 75, 90');
    expect(screen.getByLabelText('Warn at these percentages of the business time')).toBe(field());
    await user.clear(field());
    await user.type(field(), '60 %, 80 %');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await screen.findByText(/^Saved\. Warning thresholds: 50 %, 75 %, 90 % → 60 %, 80 %\./, {}, SETTLE);
    expect((await storedConfig(desk))?.warningThresholds).toEqual([60, 80]);
  });

  it.each([
    ['fifty', 'Enter whole percentages separated by commas, for example 50, 75, 90 (or leave it empty for no warnings).'],
    ['75, 50', 'List the warning thresholds from the smallest to the largest, each one once, for example 50, 75, 90.'],
    ['10, 20, 30, 40, 50, 60', 'Keep at most 5 warning thresholds.'],
    ['50, 100', 'Each warning threshold is a whole percentage from 1 to 99.'],
  ])('refuses "%s" with a message beside the field, focused, and stores nothing', async (typed, message) => {
    const { user } = await openPolicy();
    await user.clear(field());
    await user.type(field(), typed);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(document.getElementById('cfg-warningThresholds-error')?.textContent).toBe(message), SETTLE);
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toContain('cfg-warningThresholds-error');
    await waitFor(() => expect(document.activeElement).toBe(field()));
    expect(await storedConfig(desk)).toBeUndefined();
  });
});
