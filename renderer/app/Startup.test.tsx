import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { BackupError, type Progress, type UpgradeCheck } from '../data/backup';
import { Startup } from './Startup';

describe('Startup (the backup before a schema upgrade)', () => {
  it('opens the app once the backup is done, showing its progress meanwhile', async () => {
    let finish: (c: UpgradeCheck) => void = () => undefined;
    let report: (p: Progress) => void = () => undefined;
    let ready = 0;
    render(
      <Startup
        prepare={(onProgress) => {
          report = onProgress;
          return new Promise((ok) => {
            finish = ok;
          });
        }}
        onReady={() => ready++}
      />,
    );
    expect(screen.getByRole('main').textContent).toBe('Opening the log…');
    report({ phase: 'reading', done: 500, total: 2000 });
    const bar = await screen.findByRole('progressbar', { name: 'Backup before the upgrade' });
    expect(bar.getAttribute('value')).toBe('500');
    expect(screen.getByText('Backing up the log before upgrading it…')).toBeTruthy();
    finish({ fromVersion: 1, backup: null });
    await waitFor(() => expect(ready).toBe(1));
  });

  it('says when the backup failed, and lets the person retry or go on without it', async () => {
    let attempts = 0;
    let ready = 0;
    const user = userEvent.setup();
    render(
      <Startup
        prepare={async () => {
          attempts++;
          throw new BackupError('The disk is full.');
        }}
        onReady={() => ready++}
      />,
    );
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The log could not be backed up before its upgrade');
    expect(alert.textContent).toContain('The backup failed: The disk is full. The log has not been changed.');
    expect(ready).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(attempts).toBe(2));
    await user.click(await screen.findByRole('button', { name: 'Open without a backup' }));
    expect(ready).toBe(1);
  });
});
