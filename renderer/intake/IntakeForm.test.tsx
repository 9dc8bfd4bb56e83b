import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { IntakeControl } from '../../shared/inquiry/intake';
import type { Profile } from '../../shared/people';
import { freshDeskPerTest, instant, MONDAY_2PM, PAT_LEE, type TestDesk } from '../test/fixtures';
import { renderApp, tabTo } from '../test/renderApp';

let desk: TestDesk;
let ana: Profile;

freshDeskPerTest((d, profile) => {
  desk = d;
  ana = profile;
});

const IDENTIFY = 'Enter the Medicaid ID or the date of birth, so the member can be identified.';

/** What an empty intake (date and time prefilled with now, assignee with the liaison) is refused for. */
const EMPTY_FORM_ERRORS: [IntakeControl, string][] = [
  ['source', 'Choose who referred the inquiry.'],
  ['originatorName', 'Enter the name of the person who referred the inquiry.'],
  ['memberName', "Enter the member's name."],
  ['medicaidId', IDENTIFY],
  ['memberDob', IDENTIFY],
  ['mcoEnrollment', 'Say whether the member is enrolled with an MCO (choose Unknown if you cannot tell).'],
  ['priority', 'Choose a priority.'],
  ['category', 'Choose a category.'],
  ['description', 'Describe the issue: what happened and what the member needs.'],
];
/** Controls that also carry a hint, read before the error. */
const HINTED = new Set<IntakeControl>(['medicaidId', 'memberDob', 'description']);
const RADIO_GROUPS = new Set<IntakeControl>(['mcoEnrollment', 'priority']);

const control = (c: IntakeControl): HTMLElement => {
  const el = document.getElementById(`intake-${c}`);
  if (!el) throw new Error(`no control intake-${c}`);
  return el;
};

describe('IntakeForm', () => {
  it('shows each message beside its field, focuses the first invalid field and stores nothing', async () => {
    const { user } = renderApp(desk, '#/new');
    await screen.findByRole('heading', { level: 1, name: 'New inquiry' });
    expect((control('receivedDate') as HTMLInputElement).value).toBe('11/23/2026');
    expect((control('receivedTime') as HTMLInputElement).value).toBe('14:00');

    await user.click(screen.getByRole('button', { name: 'Save inquiry' }));

    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('heading').textContent).toBe('9 things need fixing before the inquiry can be saved');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(EMPTY_FORM_ERRORS.map(([, m]) => m));
    for (const [c, message] of EMPTY_FORM_ERRORS) {
      const error = document.getElementById(`intake-${c}-error`);
      expect(error?.textContent, c).toBe(message);
      expect(control(c).getAttribute('aria-invalid'), c).toBe('true');
      if (RADIO_GROUPS.has(c)) {
        // A radio group is described as a whole: the fieldset points at the message inside it.
        const group = control(c).closest('fieldset') as HTMLFieldSetElement;
        expect(group.getAttribute('aria-describedby'), c).toBe(`intake-${c}-error`);
        expect(group.contains(error), c).toBe(true);
      } else {
        expect(control(c).getAttribute('aria-describedby'), c).toBe(
          HINTED.has(c) ? `intake-${c}-hint intake-${c}-error` : `intake-${c}-error`,
        );
        expect(control(c).closest('.field')?.contains(error), c).toBe(true);
      }
    }
    for (const c of ['receivedDate', 'receivedTime', 'originatorContact', 'memberPhone', 'mcoId', 'assigneeId'] as const)
      expect(control(c).getAttribute('aria-invalid'), c).toBeNull();
    expect(document.activeElement).toBe(control('source'));
    expect(await desk.db.events.count()).toBe(0);
    expect(await desk.db.inquiries.count()).toBe(0);
    expect(window.location.hash).toBe('#/new');
  });

  it('clears a field’s message as soon as it is corrected', async () => {
    const { user } = renderApp(desk, '#/new');
    await user.click(await screen.findByRole('button', { name: 'Save inquiry' }));
    expect(document.getElementById('intake-memberName-error')?.textContent).toBe("Enter the member's name.");

    await user.type(control('memberName'), 'Pat Lee');

    expect(document.getElementById('intake-memberName-error')).toBeNull();
    expect(control('memberName').getAttribute('aria-invalid')).toBeNull();
    expect(control('memberName').getAttribute('aria-describedby')).toBeNull();
  });

  it('logs a valid inquiry typed with the keyboard and opens it', async () => {
    const { user } = renderApp(desk, '#/new');
    await screen.findByRole('heading', { level: 1, name: 'New inquiry' });
    const typeInto = async (c: IntakeControl, text: string) => {
      await tabTo(user, control(c));
      await user.keyboard(text);
    };
    const choose = async (c: IntakeControl, option: string) => {
      await tabTo(user, control(c));
      await user.selectOptions(control(c), option);
    };

    await choose('source', 'Managed Care Ombudsman');
    await typeInto('originatorName', 'Dana Ruiz');
    await typeInto('originatorContact', '515-555-0199');
    await typeInto('memberName', 'Pat Lee');
    await typeInto('medicaidId', '1234567a');
    await typeInto('callbackPhone', '515 555 0188');
    await tabTo(user, screen.getByRole('radio', { name: 'Enrolled with an MCO' }));
    await user.keyboard(' ');
    await choose('mcoId', 'Iowa Total Care');
    // A radio group is one Tab stop; the arrow keys move the choice within it.
    await tabTo(user, screen.getByRole('radio', { name: 'High' }));
    await user.keyboard('{ArrowRight}');
    expect((screen.getByRole('radio', { name: 'Escalated' }) as HTMLInputElement).checked).toBe(true);
    await choose('category', 'Transportation');
    await choose('subcategory', 'Missed ride');
    await typeInto('description', 'Ride to dialysis did not come.');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/inquiry\/[0-9A-Z]{26}$/));
    const inquiries = await desk.db.inquiries.toArray();
    expect(inquiries).toHaveLength(1);
    const [logged] = inquiries;
    expect(window.location.hash).toBe(`#/inquiry/${logged?.id}`);
    const { deskCode } = await desk.repo.device();
    expect(logged).toMatchObject({
      ...PAT_LEE,
      caseNumber: `261123-${deskCode}-001`,
      receivedAt: instant(MONDAY_2PM),
      source: 'Managed Care Ombudsman',
      callbackAvailability: '',
      priority: 'escalated',
      expectedOutcome: '',
      assignee: { id: ana.id, name: 'Ana Ortiz' },
      status: 'open',
    });
    // The logged event and its first-contact targets.
    expect((await desk.db.events.toArray()).map((e) => e.type).sort()).toEqual(['InquiryLogged', 'TargetsSet']);
    expect(await screen.findByRole('heading', { level: 1, name: `Inquiry 261123-${deskCode}-001` })).toBeTruthy();
  });
});
