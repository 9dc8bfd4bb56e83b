import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instant, openDesk, PAT_LEE, type TestDesk } from '../test/fixtures';
import { renderApp, tabTo } from '../test/renderApp';

/*
 * The scorecard screen on a desk with two referrals made on Monday 23 Nov 2026 (Chicago):
 * ITC at 10:00, reported back at 15:00 (member contacted), resolved Tuesday 10:00;
 * Molina at 11:00, followed up Tuesday 09:00, not reported back. Now: Wednesday 25 Nov, 10:00.
 */

let desk: TestDesk;
let molinaId = '';

beforeEach(async () => {
  desk = openDesk('2026-11-23T15:00:00.000Z'); // Mon 09:00
  await desk.repo.createProfile({ displayName: 'Lee Morgan', role: 'lead' });
  const itc = await desk.repo.logInquiry({ ...PAT_LEE, receivedAt: instant('2026-11-23T14:30:00.000Z') });
  const molina = await desk.repo.logInquiry({ ...PAT_LEE, mcoId: 'molina', receivedAt: instant('2026-11-23T14:45:00.000Z') });
  molinaId = molina.id;
  desk.clock.set('2026-11-23T16:00:00.000Z'); // Mon 10:00
  await desk.repo.referToMco(itc.id, { mcoId: 'itc', department: 'Member Services', contact: '' });
  desk.clock.set('2026-11-23T17:00:00.000Z'); // Mon 11:00
  await desk.repo.referToMco(molina.id, { mcoId: 'molina', department: 'Member Services', contact: '' });
  desk.clock.set('2026-11-23T21:00:00.000Z'); // Mon 15:00
  await desk.repo.recordMcoReportBack(itc.id, { memberContacted: true, note: 'Ride rebooked; member called.' });
  desk.clock.set('2026-11-24T15:00:00.000Z'); // Tue 09:00
  await desk.repo.recordMcoFollowUp(molina.id, { note: 'Left a message with Member Services.' });
  desk.clock.set('2026-11-24T16:00:00.000Z'); // Tue 10:00
  await desk.repo.resolve(itc.id, { resolution: 'mco', text: 'Ride rebooked.' });
  desk.clock.set('2026-11-25T16:00:00.000Z'); // Wed 10:00
});

afterEach(async () => {
  await desk.close();
});

/** A table's body and footer rows as cell texts, found by its caption. */
function rows(caption: string): string[][] {
  const table = screen.getByRole('table', { name: caption });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((tr) => Array.from(tr.children, (c) => c.textContent ?? ''));
}

const SLOW = 30_000;

describe('McoScorecard', () => {
  it(
    'shows each MCO’s figures for this month, with the row of all MCOs',
    async () => {
      renderApp(desk, '#/scorecard');
      expect((await screen.findByRole('heading', { level: 1, name: 'MCO scorecard' })) === document.activeElement).toBe(true);
      await screen.findByRole('table', { name: 'Process figures per MCO' });
      expect(screen.getByText(/Referrals made 11\/01\/2026 – 11\/25\/2026 · all MCOs/)).toBeTruthy();
      expect(rows('Process figures per MCO')).toEqual([
        ['Iowa Total Care', '1', '100 % (1 of 1)', '100 % (1 of 1)', '0', '0', '0'],
        ['Molina Healthcare of Iowa', '1', '0 % (0 of 1)', '0 % (0 of 1)', '1', '1', '0'],
        ['Wellpoint Iowa', '0', '—', '—', '0', '0', '0'],
        ['All MCOs', '2', '50 % (1 of 2)', '50 % (1 of 2)', '1', '1', '0'],
      ]);
      // ITC: 10:00 → 15:00 is 5 business hours; to the resolution Tuesday 10:00, 390 + 120 = 510 minutes, one business day.
      expect(rows('Business time from referral to report-back and to resolution, per MCO')).toEqual([
        ['Iowa Total Care', '1', '5 business hours', '5 business hours', '1', '1 business day', '1 business day'],
        ['Molina Healthcare of Iowa', '0', '—', '—', '0', '—', '—'],
        ['Wellpoint Iowa', '0', '—', '—', '0', '—', '—'],
        ['All MCOs', '1', '5 business hours', '5 business hours', '1', '1 business day', '1 business day'],
      ]);
      // Molina's referral: Mon 11:00–16:30 (330) + Tue (510) + Wed 08:00–10:00 (120) = 960 minutes: 1 whole business day.
      expect(rows('Referrals awaiting report-back by business days since referral, and those closed without one')).toEqual([
        ['Iowa Total Care', '0', '0', '0', '0', '0', '0', '0', '0'],
        ['Molina Healthcare of Iowa', '0', '1', '0', '0', '0', '1', '0', '0'],
        ['Wellpoint Iowa', '0', '0', '0', '0', '0', '0', '0', '0'],
        ['All MCOs', '0', '1', '0', '0', '0', '1', '0', '0'],
      ]);
      // Each chart is named by its caption, and the picture itself is hidden from screen readers.
      expect(screen.getByRole('figure', { name: /^Chart: percent of decided referrals/ })).toBeTruthy();
      expect(screen.getByRole('figure', { name: /^Chart: referrals still awaiting/ })).toBeTruthy();
    },
    SLOW,
  );

  it(
    'narrows to one MCO by keyboard and exports the scorecard under a name with its period and MCO',
    async () => {
      const { user, bridge } = renderApp(desk, '#/scorecard');
      await screen.findByRole('table', { name: 'Process figures per MCO' });
      await tabTo(user, screen.getByRole('checkbox', { name: 'Molina Healthcare of Iowa' }));
      await user.keyboard(' ');
      await waitFor(() =>
        expect(rows('Process figures per MCO').map((r) => r[0])).toEqual(['Molina Healthcare of Iowa', 'All chosen MCOs']),
      );
      expect(screen.getByText(/Referrals made 11\/01\/2026 – 11\/25\/2026 · Molina Healthcare of Iowa/)).toBeTruthy();

      const button = screen.getByRole('button', { name: 'Export the scorecard (CSV)' });
      await tabTo(user, button, 80);
      await user.keyboard('{Enter}');
      const name = 'mco-scorecard_2026-11-01_2026-11-25_molina-healthcare-of-iowa_2026-11-25-1000.csv';
      await waitFor(() => expect(screen.getByRole('status').textContent).toBe(`Saved the scorecard as ${name}.`));
      expect(bridge.saved).toEqual([name]);
    },
    SLOW,
  );

  it(
    'follows the log: a report-back recorded while the scorecard is open moves the figures',
    async () => {
      renderApp(desk, '#/scorecard');
      await screen.findByRole('table', { name: 'Process figures per MCO' });
      expect(rows('Process figures per MCO')[1]).toEqual(['Molina Healthcare of Iowa', '1', '0 % (0 of 1)', '0 % (0 of 1)', '1', '1', '0']);
      await desk.repo.recordMcoReportBack(molinaId, { memberContacted: true, note: 'Molina reached the member today.' });
      // Reported back after a follow-up and after its due time: still 0 % on both, but no longer awaiting.
      await waitFor(() => expect(rows('Business time from referral to report-back and to resolution, per MCO')[1]?.[1]).toBe('1'));
      expect(rows('Referrals awaiting report-back by business days since referral, and those closed without one')[3]).toEqual([
        'All MCOs',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
        '0',
      ]);
      expect(screen.getByText('No referral made in the period is awaiting a report-back.')).toBeTruthy();
    },
    SLOW,
  );

  it(
    'says what is wrong with a custom period that ends before it starts, and shows no figures for it',
    async () => {
      const { user } = renderApp(desk, '#/scorecard');
      await screen.findByRole('table', { name: 'Process figures per MCO' });
      await user.selectOptions(screen.getByLabelText('Period (by date referred)'), 'custom');
      const from = screen.getByLabelText('From');
      await user.clear(from);
      await user.type(from, '2026-11-20');
      const to = screen.getByLabelText('To (included)');
      await user.clear(to);
      await user.type(to, '2026-11-10');
      expect((await screen.findByRole('alert')).textContent).toBe('The period ends before it starts: swap the dates.');
      expect(to.getAttribute('aria-invalid')).toBe('true');
      expect(screen.queryByRole('table', { name: 'Process figures per MCO' })).toBeNull();
    },
    SLOW,
  );
});
