import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/people';
import { dropBackups, listBackups } from '../data/backup';
import { freshDeskPerTest, PAT_LEE, seedInquiries, type TestDesk } from '../test/fixtures';
import { renderApp } from '../test/renderApp';
import { formatBytes } from './DataSettings';

let desk: TestDesk;
let ana: Profile;
const SETTLE = { timeout: 10_000 };

freshDeskPerTest(async (d, profile) => {
  desk = d;
  ana = profile;
  await desk.repo.logInquiry(PAT_LEE);
  await seedInquiries(desk.db, 5, { id: ana.id, name: ana.displayName, role: ana.role });
});
afterEach(async () => {
  await dropBackups(desk.db.name);
});

describe('Settings → Data', { timeout: 30_000 }, () => {
  it('backs up by hand and previews a restore with what the backup holds', async () => {
    const { user } = renderApp(desk, '#/settings/data');
    await screen.findByRole('heading', { level: 1, name: 'Data and backups' }, SETTLE);
    expect(await screen.findByText(/No backups yet/, {}, SETTLE)).toBeTruthy();
    // jsdom has no storage manager: the page says it cannot tell, rather than guessing.
    expect(screen.getByText(/cannot say whether it keeps the log/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    const events = await desk.db.events.count();
    await waitFor(() => expect(screen.getByText(`Backed up 6 inquiries and ${events} events.`)).toBeTruthy(), SETTLE);
    const table = screen.getByRole('table');
    const row = within(table).getAllByRole('row')[1] as HTMLElement;
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'Mon, Nov 23, 2026, 2:00 PM CST',
      'Backed up by hand',
      '6',
      String(events),
      expect.stringMatching(/^\d+(\.\d)? KB$/),
      'Restore…',
    ]);

    await user.click(within(row).getByRole('button', { name: 'Restore the backup of Mon, Nov 23, 2026, 2:00 PM CST…' }));
    const preview = await screen.findByRole('region', { name: 'Restore the backup of Mon, Nov 23, 2026, 2:00 PM CST' }, SETTLE);
    await waitFor(() => expect(preview.textContent).toContain(`Holds6 inquiries, ${events} events, 1 profiles`), SETTLE);
    expect(preview.textContent).toContain(`The log now6 inquiries, ${events} events`);
    expect(document.activeElement?.tagName).toBe('H3');
    await user.click(within(preview).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('region', { name: /^Restore the backup/ })).toBeNull();
  });

  it('refuses a file that is not an export, says why, and changes nothing', async () => {
    const { user } = renderApp(desk, '#/settings/data');
    await screen.findByRole('heading', { level: 1, name: 'Data and backups' }, SETTLE);
    const before = await desk.db.events.toArray();
    await user.upload(screen.getByLabelText('Export file (.json.gz)'), new File(['Case number,Member\n1,Pat\n'], 'old-log.json.gz'));
    const alert = await screen.findByRole('alert', {}, SETTLE);
    expect(alert.textContent).toBe(
      'This file is not a Liaison Log full export (its first record is not readable). Choose a file made by “Export the full database”.',
    );
    expect(screen.queryByRole('button', { name: 'Replace this desk’s log with the file' })).toBeNull();
    expect(await desk.db.events.toArray()).toEqual(before);
    expect(await listBackups(desk.db.name)).toEqual([]);
  });

  it('asks for a sensible number of backups to keep', async () => {
    const { user } = renderApp(desk, '#/settings/data');
    const keep = await screen.findByLabelText('Backups to keep', {}, SETTLE);
    await waitFor(() => expect((keep as HTMLInputElement).value).toBe('14'));
    await user.clear(keep);
    await user.type(keep, '0{Enter}');
    expect(screen.getByText('Enter a whole number of backups from 1 to 365.')).toBeTruthy();
    expect(document.activeElement).toBe(keep);
    await user.clear(keep);
    await user.type(keep, '30{Enter}');
    await screen.findByText('Saved: the newest 30 backups are kept.', {}, SETTLE);
  });

  it('warns that the full export holds member information, beside the button', async () => {
    renderApp(desk, '#/settings/data');
    const button = await screen.findByRole('button', { name: 'Export the full database' }, SETTLE);
    const warning = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(warning?.textContent).toContain('The export file contains member information in readable form');
    expect(warning?.textContent).toContain('Never email it, and never put it on a shared network folder.');
  });

  it('on the desktop, "Export the full database" goes through main (which checks the destination), and a refusal is said', async () => {
    const { user, bridge } = renderApp(desk, '#/settings/data');
    const requests: Array<{ suggestedName: string; format: string; containsMemberData: boolean; size: number }> = [];
    let refuse = false;
    bridge.saveFile = async (r) => {
      requests.push({
        suggestedName: r.suggestedName,
        format: r.format,
        containsMemberData: r.containsMemberData,
        size: r.data.byteLength,
      });
      return refuse
        ? { outcome: 'refused', message: 'Files from Liaison Log can hold member information, so they are saved only on this computer.' }
        : { outcome: 'saved', fileName: 'my-export.json.gz' };
    };
    await user.click(await screen.findByRole('button', { name: 'Export the full database' }, SETTLE));
    await screen.findByText(/^Exported as my-export\.json\.gz \(/, {}, SETTLE);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ format: 'json.gz', containsMemberData: true });
    expect(requests[0]?.suggestedName).toMatch(/^liaison-log-full-export-.+\.json\.gz$/);
    expect(requests[0]?.size).toBeGreaterThan(100);
    refuse = true;
    await user.click(screen.getByRole('button', { name: 'Export the full database' }));
    await screen.findByText(/^The export was not saved\. Files from Liaison Log can hold member information/, {}, SETTLE);
  });

  it('writes sizes people read', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
    expect(formatBytes(3.25 * 1024 ** 3)).toBe('3.3 GB');
  });

  it('rebuilds the log’s list from the timelines, with progress, putting a wrong row right', async () => {
    const [wrong] = await desk.db.inquiries.limit(1).toArray();
    if (!wrong) throw new Error('no inquiry');
    await desk.db.inquiries.put({ ...wrong, memberName: 'Not From The Timeline' });
    const { user } = renderApp(desk, '#/settings/data');
    await screen.findByRole('heading', { level: 1, name: 'Data and backups' }, SETTLE);

    await user.click(screen.getByRole('button', { name: 'Rebuild the list…' }));
    await user.click(screen.getByRole('button', { name: 'Rebuild now' }));

    await screen.findByText(/^Rebuilt 6 inquiries from their timelines in \d+ s\.$/, {}, SETTLE);
    expect((await desk.db.inquiries.get(wrong.id))?.memberName).toBe(wrong.memberName);
  });
});
