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

  it('says it is upgrading the storage after the backup, and offers a retry if the upgrade fails', async () => {
    let attempts = 0;
    let ready = 0;
    let fail: (e: Error) => void = () => undefined;
    const user = userEvent.setup();
    render(
      <Startup
        prepare={(_onProgress, onUpgrading) => {
          attempts++;
          onUpgrading?.();
          return attempts === 1
            ? new Promise((_ok, ko) => {
                fail = ko;
              })
            : Promise.resolve({ fromVersion: 2, backup: null });
        }}
        onReady={() => ready++}
      />,
    );
    expect((await screen.findByRole('status')).textContent).toMatch(/^Upgrading the log’s storage for this version\. This happens once/);
    fail(new DOMException('The database is busy.', 'AbortError'));
    await screen.findByRole('heading', { level: 1, name: 'The log could not be upgraded' });
    expect(screen.getByRole('alert').textContent).toContain(
      'the upgrade stopped: The storage stopped the change before it finished, so nothing was changed. Try again. Nothing is lost',
    );
    // No way to open without the upgrade: this version cannot read the old storage.
    expect(screen.queryByRole('button', { name: 'Open without a backup' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(ready).toBe(1));
    expect(attempts).toBe(2);
  });
});
