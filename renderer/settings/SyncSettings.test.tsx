import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiaisonApi } from '../../shared/ipc';
import { MemoryFolder } from '../../test/sync/memoryFolder';
import { App } from '../app/App';
import { existingSyncService } from '../sync/syncService';
import { fakeSyncApi } from '../test/fakeSyncApi';
import { MONDAY_2PM, openDesk, PAT_LEE, type TestDesk } from '../test/fixtures';
import { fakeBridge, renderApp } from '../test/renderApp';

const SETTLE = { timeout: 20_000 };
const PASSPHRASE = 'our unit syncs on fridays';
let desks: TestDesk[] = [];

beforeEach(() => {
  desks = [];
});
afterEach(async () => {
  window.liaison = undefined;
  for (const d of desks) {
    existingSyncService(d)?.stop();
    await d.close();
  }
});

async function desk(name: string): Promise<TestDesk> {
  const d = openDesk(MONDAY_2PM);
  await d.repo.createProfile({ displayName: name, role: 'liaison' });
  desks.push(d);
  return d;
}

/** Renders the app as the desktop build: window.liaison is the bridge, its sync calls reach `folder`. */
function renderDesktop(d: TestDesk, folder: MemoryFolder) {
  const bridge = { ...fakeBridge(), ...fakeSyncApi(folder) } as LiaisonApi;
  window.liaison = bridge as typeof window.liaison;
  window.location.hash = '#/settings/sync';
  const user = userEvent.setup();
  return { user, ...render(<App services={d} bridge={bridge} />) };
}

describe('Settings → Sync', { timeout: 60_000 }, () => {
  it('in a browser says that sync needs the desktop app, here and in the header', async () => {
    renderApp(await desk('Ana Ortiz'), '#/settings/sync');
    await screen.findByRole('heading', { level: 1, name: 'Sync' }, SETTLE);
    expect(screen.getByText(/Sync needs the desktop app: a web browser cannot reach the network folder/)).toBeTruthy();
    expect(screen.getByRole('link', { name: /Sync: desktop app only/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Choose folder/ })).toBeNull();
  });

  it('the first desk chooses an empty folder and creates the share; a second desk joins it and receives the work', async () => {
    const ana = await desk('Ana Ortiz');
    const folder = new MemoryFolder(() => ana.clock.now());
    const { id } = await ana.repo.logInquiry(PAT_LEE);
    const first = renderDesktop(ana, folder);
    await screen.findByRole('heading', { level: 1, name: 'Sync' }, SETTLE);
    expect(screen.getByRole('link', { name: /Sync off/ })).toBeTruthy();
    await first.user.click(await screen.findByRole('button', { name: 'Choose folder…' }, SETTLE));
    await screen.findByRole('heading', { name: 'Start a new share here' }, SETTLE);
    const pass = screen.getByLabelText('Team passphrase');
    await first.user.type(pass, 'too short');
    await first.user.click(screen.getByRole('button', { name: 'Create the share' }));
    expect(await screen.findByText(/at least 12 characters \(now 9\)/)).toBeTruthy();
    expect(document.activeElement).toBe(pass);
    expect(pass.getAttribute('aria-invalid')).toBe('true');
    await first.user.clear(pass);
    await first.user.type(pass, PASSPHRASE);
    await first.user.type(screen.getByLabelText('Type the passphrase again'), PASSPHRASE);
    await first.user.click(screen.getByRole('button', { name: 'Create the share' }));
    await screen.findByText('This desk is a member of the share in this folder.', {}, SETTLE);
    await screen.findByText(/^The share is created and this desk is its first member/, {}, SETTLE);
    await waitFor(() => expect(screen.getByText('Up to date')).toBeTruthy(), SETTLE);
    const table = screen.getByRole('table', { name: 'Desks seen in the folder' });
    expect(within(table).getByRole('rowheader').textContent).toMatch(/\(this desk\)$/);
    expect(screen.getByRole('link', { name: /^Synced just now\. Sync settings\.$/ })).toBeTruthy();
    expect(screen.getByText('Nothing')).toBeTruthy(); // nothing waiting to be sent
    first.unmount();

    const ben = await desk('Ben Ng');
    const second = renderDesktop(ben, folder);
    await second.user.click(await screen.findByRole('button', { name: 'Choose folder…' }, SETTLE));
    await screen.findByRole('heading', { name: 'Join this share' }, SETTLE);
    const benPass = screen.getByLabelText('Team passphrase');
    await second.user.type(benPass, 'not the passphrase');
    await second.user.click(screen.getByRole('button', { name: 'Join the share' }));
    expect(await screen.findByText(/That passphrase does not open this share/, {}, SETTLE)).toBeTruthy();
    expect(document.activeElement).toBe(benPass);
    await second.user.clear(benPass);
    await second.user.type(benPass, PASSPHRASE);
    await second.user.click(screen.getByRole('button', { name: 'Join the share' }));
    await screen.findByText(/This desk has joined the share/, {}, SETTLE);
    await waitFor(
      async () => expect((await ben.db.inquiries.get(id))?.caseNumber).toBe((await ana.db.inquiries.get(id))?.caseNumber),
      SETTLE,
    );
    await second.user.click(screen.getByRole('button', { name: 'Sync now' }));
    await screen.findByText(/^Synced at /, {}, SETTLE);
    const rows = within(screen.getByRole('table', { name: 'Desks seen in the folder' })).getAllByRole('rowheader');
    expect(rows.map((r) => r.textContent)).toHaveLength(2);
  });

  it('a member desk changes the team passphrase: the form checks it, says what happens, and the desk keeps syncing (on Linux without a secret store, saying why the key is not kept)', async () => {
    const ana = await desk('Ana Ortiz');
    const folder = new MemoryFolder(() => ana.clock.now());
    const bridge = {
      ...fakeBridge(),
      ...fakeSyncApi(folder),
      syncRememberKey: async () => ({ stored: false, reason: 'no_secret_store' as const }),
    } as LiaisonApi;
    window.liaison = bridge as typeof window.liaison;
    window.location.hash = '#/settings/sync';
    const user = userEvent.setup();
    render(<App services={ana} bridge={bridge} />);
    await user.click(await screen.findByRole('button', { name: 'Choose folder…' }, SETTLE));
    await screen.findByRole('heading', { name: 'Start a new share here' }, SETTLE);
    await user.type(screen.getByLabelText('Team passphrase'), PASSPHRASE);
    await user.type(screen.getByLabelText('Type the passphrase again'), PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Create the share' }));
    await screen.findByText('This desk is a member of the share in this folder.', {}, SETTLE);
    // The form went away: focus is on what happened, not lost to the page.
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('status'), SETTLE);
    expect(
      screen.getByText(/has no secret store \(such as GNOME Keyring or KWallet\).*asks for the team passphrase each time it starts/),
    ).toBeTruthy();
    await user.click(screen.getByText('Change the team passphrase'));
    const form = screen.getByRole('form', { name: 'New team passphrase' });
    const pass = within(form).getByLabelText('Team passphrase');
    await user.type(pass, 'the new one, for the unit');
    await user.type(within(form).getByLabelText('Type the passphrase again'), 'the new one, for the unit!');
    await user.click(within(form).getByRole('button', { name: 'Change the passphrase' }));
    expect(await within(form).findByText(/The two passphrases differ/)).toBeTruthy();
    expect(document.activeElement).toBe(pass);
    await user.clear(within(form).getByLabelText('Type the passphrase again'));
    await user.type(within(form).getByLabelText('Type the passphrase again'), 'the new one, for the unit');
    await user.click(within(form).getByRole('button', { name: 'Change the passphrase' }));
    await screen.findByText(/^The passphrase is changed\. Other desks switch over at their next sync/, {}, SETTLE);
    expect([...folder.files.keys()].filter((f) => f.startsWith('keys/')).sort()).toEqual(['keys/keyring-1.json', 'keys/keyring-2.json']);
    await waitFor(() => expect(screen.getByText('Up to date')).toBeTruthy(), SETTLE);
    expect((await ana.repo.syncStore({ publish: () => undefined }, () => ana.repo.device()).loadState()).keyId).toBe(2);
  });
});
