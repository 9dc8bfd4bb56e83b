import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { grievanceOf } from '../../shared/inquiry/projection';
import { storedCounts } from '../test/fixtures';
import { inquiryPagePerTest } from '../test/renderApp';

const page = inquiryPagePerTest('2026-11-25T16:00:00.000Z'); // Wed 25 Nov, 10:00 in Chicago

async function openPanel() {
  const app = await page.open();
  return { ...app, panel: within(screen.getByRole('region', { name: 'Complaint (grievance)' })) };
}

/** The panel of the inquiry once it is classified as a complaint about the MCO. */
async function openComplaint() {
  await page.desk.repo.classifyAsComplaint(page.inquiry.id, {
    responsibleEntity: 'mco',
    reason: 'Rides missed.',
    reasonCategory: 'Transportation',
  });
  return openPanel();
}

const latestEntry = () =>
  within(screen.getByRole('list', { name: 'Timeline entries, newest first' }))
    .getAllByRole('listitem')[0]
    ?.textContent?.replace(/\s+/g, ' ');

/** Typing into real IndexedDB through the whole app is slow on a busy machine; nothing here is timed. */
const SLOW = 30_000;

describe('GrievancePanel', () => {
  it(
    'classifies an inquiry as a complaint by keyboard; focus returns to the panel and the timeline says so',
    async () => {
      const { user, panel } = await openPanel();
      expect(panel.getByText(/not a complaint/)).toBeTruthy();
      panel.getByRole('button', { name: 'Classify as complaint' }).focus();
      await user.keyboard('{Enter}');
      // The form opens on its first control: who the complaint is about (the MCO, chosen already).
      expect(document.activeElement?.id).toBe('complaint-entity');
      await user.keyboard('{ArrowDown}'); // The agency
      await user.tab();
      await user.selectOptions(panel.getByLabelText(/^Reason category/), 'Plan or provider customer service');
      await user.click(panel.getByLabelText(/^General description of the reason/));
      await user.keyboard('Nobody returned the member’s three calls.');
      await user.keyboard('{Control>}{Enter}{/Control}');

      await waitFor(() => expect(panel.getByText('Not yet determined')).toBeTruthy());
      expect(panel.getByText('Nobody returned the member’s three calls.')).toBeTruthy();
      expect(panel.getByRole('status').textContent).toBe('Classified as a complaint.');
      // Focus is back in the panel's steps, on the button in the place of the one that opened the form
      // (moved once the form has closed, which can be a moment after the live read shows the change).
      await waitFor(() => expect(document.activeElement?.textContent).toBe('Change the classification'));
      await waitFor(() =>
        expect(latestEntry()).toContain(
          'Classified as a complaint (grievance): responsible Agency; reason category Plan or provider customer service.',
        ),
      );
      const stored = await page.desk.db.inquiries.get(page.inquiry.id);
      expect(stored && grievanceOf(stored)).toMatchObject({
        responsibleEntity: 'agency',
        reasonCategory: 'Plan or provider customer service',
      });
    },
    SLOW,
  );

  it(
    'refuses a complaint without a reason category, says why, keeps the input and stores nothing',
    async () => {
      const { user, panel } = await openPanel();
      await user.click(panel.getByRole('button', { name: 'Classify as complaint' }));
      await user.type(panel.getByLabelText(/^General description of the reason/), 'Rides missed.');
      const before = await storedCounts(page.desk.db);
      await user.click(panel.getByRole('button', { name: 'Record as complaint' }));
      expect((await panel.findByRole('alert')).textContent).toBe(
        'Choose the reason category the annual report counts the complaint under.',
      );
      expect((panel.getByLabelText(/^General description of the reason/) as HTMLTextAreaElement).value).toBe('Rides missed.');
      expect(await storedCounts(page.desk.db)).toEqual(before);
    },
    SLOW,
  );

  it(
    'records reviews with their days and the outcome; a day in the future is refused',
    async () => {
      const { user, panel } = await openComplaint();
      await user.click(panel.getByRole('button', { name: 'Record a review' }));
      // The review's day is its When's (now unless changed): a day in the future is refused beside the field.
      const when = within(panel.getByRole('group', { name: 'When the review (or review meeting) took place' }));
      const day = when.getByLabelText('Day') as HTMLInputElement;
      expect(day.value).toBe('11/25/2026');
      await user.clear(day);
      await user.type(day, '11/26/2026');
      await user.type(panel.getByLabelText(/^Who reviewed it/), 'Trip logs checked with the MCO.');
      await user.click(panel.getByRole('button', { name: 'Record review' }));
      const error = await when.findByText(/^That is later than now \(11\/25\/2026 10:00 AM\)/);
      expect(day.getAttribute('aria-invalid')).toBe('true');
      expect(day.getAttribute('aria-describedby')?.split(' ')).toContain(error.id);
      expect(document.activeElement).toBe(day);
      await user.clear(day);
      await user.type(day, '11/24/2026');
      await user.click(panel.getByRole('button', { name: 'Record review' }));
      await waitFor(() => expect(panel.getByText('11/24/2026')).toBeTruthy());
      await waitFor(() => expect(document.activeElement?.textContent).toBe('Record a review'));

      await user.click(panel.getByRole('button', { name: 'Record the outcome' }));
      await user.click(panel.getByLabelText('Unable to substantiate'));
      await user.click(panel.getByRole('button', { name: 'Record outcome' }));
      await waitFor(() => expect(panel.getByRole('button', { name: 'Change the outcome' })).toBeTruthy());
      expect(panel.getByText('Unable to substantiate').tagName).toBe('STRONG');
      await waitFor(() => expect(latestEntry()).toContain('Complaint outcome: Unable to substantiate.'));
    },
    SLOW,
  );

  it(
    'reclassifies a complaint as an inquiry with a reason; Escape closes a form without recording',
    async () => {
      const { user, panel } = await openComplaint();
      await user.click(panel.getByRole('button', { name: 'Not a complaint' }));
      await user.keyboard('{Escape}');
      expect(panel.queryByRole('form')).toBeNull();
      await user.click(panel.getByRole('button', { name: 'Not a complaint' }));
      await user.keyboard('The member only asked when the ride comes.');
      await user.keyboard('{Control>}{Enter}{/Control}');
      await waitFor(() => expect(panel.getByRole('button', { name: 'Classify as complaint' })).toBeTruthy());
      await waitFor(() => expect(latestEntry()).toContain('Reclassified as an inquiry, not a complaint.'));
    },
    SLOW,
  );
});
