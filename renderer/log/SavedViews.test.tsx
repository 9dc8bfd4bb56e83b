import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instant, MONDAY_2PM, openDesk, PAT_LEE, type TestDesk } from '../test/fixtures';
import { renderApp, stubLogViewport } from '../test/renderApp';

let desk: TestDesk;
let restoreViewport: () => void;

beforeEach(async () => {
  restoreViewport = stubLogViewport();
  desk = openDesk(MONDAY_2PM);
  await desk.repo.createProfile({ displayName: 'Ana Ortiz', role: 'liaison' });
  await desk.repo.logInquiry({ ...PAT_LEE, receivedAt: instant('2026-11-23T17:30:00.000Z') });
  await desk.repo.logInquiry({
    ...PAT_LEE,
    receivedAt: instant('2026-11-23T16:20:00.000Z'),
    memberName: 'Lou Park',
    priority: 'escalated',
  });
});

afterEach(async () => {
  restoreViewport();
  await desk.close();
});

const views = () => within(screen.getByRole('region', { name: 'Saved views' }));

describe('SavedViews', () => {
  it('saves the current queue, filters and sort under a name, applies it later, and deletes it', { timeout: 30_000 }, async () => {
    const { user } = renderApp(desk, '#/log');
    await screen.findByRole('heading', { level: 1, name: 'All open' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 inquiries'));

    await user.click(screen.getByRole('button', { name: 'Filter columns' }));
    await user.selectOptions(screen.getByLabelText('Filter Priority'), 'Escalated');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('1 '));
    // The columns are kept with the view: Stage shown.
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.click(screen.getByRole('checkbox', { name: 'Stage' }));
    await screen.findByRole('columnheader', { name: /^Stage/ });
    await user.click(views().getByRole('button', { name: 'Save current view…' }));
    // An empty name is refused with the reason, and nothing is saved.
    await user.click(views().getByRole('button', { name: 'Save view' }));
    expect(views().getByText('Name the view, for example "My overdue High".')).toBeTruthy();
    await user.type(views().getByLabelText('Name of this view'), 'Escalated, open');
    await user.click(views().getByRole('button', { name: 'Save view' }));
    await views().findByRole('button', { name: 'Escalated, open' });

    // Another queue and no filter, then the saved view brings back both.
    await user.click(screen.getByRole('button', { name: /^All inquiries/ }));
    await user.selectOptions(screen.getByLabelText('Filter Priority'), '');
    await user.click(screen.getByRole('checkbox', { name: 'Stage' }));
    await waitFor(() => expect(screen.queryByRole('columnheader', { name: /^Stage/ })).toBeNull());
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 inquiries'));
    await user.click(views().getByRole('button', { name: 'Escalated, open' }));
    await screen.findByRole('heading', { level: 1, name: 'All open' });
    await waitFor(() => expect((screen.getByLabelText('Filter Priority') as HTMLSelectElement).value).toBe('Escalated'));
    await screen.findByRole('columnheader', { name: /^Stage/ });

    await user.click(views().getByRole('button', { name: 'Delete the saved view Escalated, open' }));
    await waitFor(() => expect(views().queryByRole('button', { name: 'Escalated, open' })).toBeNull());
  });
});
