import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { freshDeskPerTest, LEE_GRANT, storedConfig, type TestDesk } from '../test/fixtures';
import { byId, errorText, openScreen } from '../test/renderApp';

let desk: TestDesk;

freshDeskPerTest((d) => {
  desk = d;
}, LEE_GRANT);

const SETTLE = { timeout: 30_000 };

const openDirectory = () => openScreen(desk, '#/settings/mcos', 'MCO directory');

describe('Settings → MCO directory', { timeout: 60_000 }, () => {
  it('adds a contact, deactivates an MCO and adds a new one, by keyboard; phone numbers are stored in one form', async () => {
    const { user } = await openDirectory();
    // Molina Healthcare's Member Services department has no contacts yet.
    byId('cfg-mcos-1-departments-0-name').focus();
    await user.tab(); // Remove department
    await user.tab(); // Add a contact to Member Services
    expect(document.activeElement?.textContent).toBe('Add a contact to Member Services');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement?.id).toBe('cfg-mcos-1-departments-0-contacts-0-name'));
    await user.keyboard('Escalations desk');
    await user.tab();
    await user.keyboard('515.555.0142 ext 12');
    await user.tab();
    await user.keyboard('escalations@molina.example.org');
    await user.tab();
    await user.keyboard('Mon–Fri 8–5');

    // Wellpoint is deactivated (Space on its checkbox).
    byId('mco-mco-wellpoint-active').focus();
    await user.keyboard(' ');
    expect(screen.getByRole('heading', { level: 2, name: /Wellpoint Iowa\s*Inactive/ })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add an MCO' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('cfg-mcos-3-name'));
    await user.keyboard('Cigna Healthcare');
    await user.tab();
    await user.keyboard('Cigna, CHC');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await screen.findByText(/^Saved\./, {}, SETTLE);
    const saved = await storedConfig(desk);
    expect(saved?.mcos[1]?.departments[0]).toEqual({
      name: 'Member Services',
      contacts: [{ name: 'Escalations desk', phone: '(515) 555-0142 x12', email: 'escalations@molina.example.org', hours: 'Mon–Fri 8–5' }],
    });
    expect(saved?.mcos.map((m) => [m.id, m.name, m.active, m.aliases])).toEqual([
      ['itc', 'Iowa Total Care', true, ['ITC', 'Total Care']],
      ['molina', 'Molina Healthcare of Iowa', true, ['Molina', 'MHI']],
      ['wellpoint', 'Wellpoint Iowa', false, ['Wellpoint', 'Amerigroup', 'Amerigroup Iowa', 'AGP']],
      ['cigna-healthcare', 'Cigna Healthcare', true, ['Cigna', 'CHC']],
    ]);
    // The form now shows what was stored.
    expect(byId('cfg-mcos-1-departments-0-contacts-0-phone').value).toBe('(515) 555-0142 x12');
    // A saved MCO cannot be removed, only deactivated.
    expect(screen.queryByRole('button', { name: 'Remove Cigna Healthcare' })).toBeNull();
  });

  it('refuses a bad e-mail, a bad phone, an empty department and an alias another MCO has, beside each field; stores nothing', async () => {
    const { user } = await openDirectory();
    await user.type(byId('cfg-mcos-0-departments-0-contacts-0-email'), 'escalations@itc');
    await user.type(byId('cfg-mcos-0-departments-0-contacts-0-phone'), '555-0100');
    await user.clear(byId('cfg-mcos-0-departments-1-name'));
    await user.type(byId('cfg-mcos-1-aliases'), ', itc');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    const summary = await screen.findByRole('alert');
    expect(
      within(summary)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'MCO "Iowa Total Care", department "Member Services", contact "Member Services escalations": Enter a 10-digit phone number with area code, for example 515-555-0123 (an extension like x12 may follow).',
      'MCO "Iowa Total Care", department "Member Services", contact "Member Services escalations": Enter an e-mail address like name@example.org, or leave it empty.',
      'MCO "Iowa Total Care", department 2: Give the department a name.',
      'MCO "Molina Healthcare of Iowa": "itc" already names Iowa Total Care. A name or alias may belong to one MCO only.',
    ]);
    expect(errorText('cfg-mcos-0-departments-0-contacts-0-email')).toBe(
      'Enter an e-mail address like name@example.org, or leave it empty.',
    );
    expect(errorText('cfg-mcos-0-departments-1-name')).toBe('Give the department a name.');
    expect(errorText('cfg-mcos-1-aliases')).toBe('"itc" already names Iowa Total Care. A name or alias may belong to one MCO only.');
    expect(byId('cfg-mcos-1-aliases').getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement?.id).toBe('cfg-mcos-0-departments-0-contacts-0-phone'));
    expect(await storedConfig(desk)).toBeUndefined();
  });

  it('imports contacts from a CSV file: a preview with row errors, then the good rows into the form, stored on Save', async () => {
    const { user } = await openDirectory();
    const csv = [
      'MCO,Department,Name,Phone,Email,Hours',
      'ITC,Member Services,Member Services escalations,515-555-0100,esc@itc.example.org,Mon–Fri 07:30–18:00',
      'Amerigroup,Appeals desk,Jordan Lee,,jlee@wellpoint.example.org,mornings',
      'Aetna,Member Services,A. Person,515-555-0101,,',
      'Molina,Pharmacy,"Rx help desk, nights",800-555-0142,,',
    ].join('\r\n');
    await user.upload(byId('mcos-import-file'), new File([csv], 'contacts.csv', { type: 'text/csv' }));

    await screen.findByText(
      'contacts.csv: 4 rows. 2 to add, 1 to update, 0 unchanged, 1 with problems (they will be skipped).',
      {},
      SETTLE,
    );
    const preview = screen.getByRole('table', { name: 'What each row of the file would do' });
    const rows = within(preview)
      .getAllByRole('row')
      .slice(1)
      .map((r) => {
        const cells = within(r).getAllByRole('cell');
        return [cells[0]?.textContent, cells[2]?.textContent, cells[7]?.textContent];
      });
    expect(rows).toEqual([
      ['4', 'Member Services', 'No MCO is called "Aetna" (add it to the directory first, or use its name or an alias).'],
      ['2', 'Member Services', 'Update'],
      ['3', 'Appeals desk (new)', 'Add'],
      ['5', 'Pharmacy', 'Add'],
    ]);
    await user.click(screen.getByRole('button', { name: 'Add 3 changes to the directory' }));
    await screen.findByText('2 contacts added and 1 updated in the directory above. Review them, then Save to keep them.');
    expect(await storedConfig(desk)).toBeUndefined();
    expect(byId('cfg-mcos-2-departments-2-name').value).toBe('Appeals desk');

    await user.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/^Saved\./, {}, SETTLE);
    const saved = await storedConfig(desk);
    expect(saved?.mcos[0]?.departments[0]?.contacts).toEqual([
      { name: 'Member Services escalations', phone: '(515) 555-0100', email: 'esc@itc.example.org', hours: 'Mon–Fri 07:30–18:00' },
    ]);
    expect(saved?.mcos[1]?.departments[1]?.contacts).toEqual([
      { name: 'Rx help desk, nights', phone: '(800) 555-0142', email: '', hours: '' },
    ]);
    expect(saved?.mcos[2]?.departments.map((d) => d.name)).toEqual(['Member Services', 'Grievances and Appeals', 'Appeals desk']);
  });

  it('says what is wrong with a file that has no usable header', async () => {
    const { user } = await openDirectory();
    // Papaparse finds the semicolons; "Plan" is understood as the MCO column, the rest is missing.
    await user.upload(byId('mcos-import-file'), new File(['Plan;Phone\nITC;515'], 'export.csv', { type: 'text/csv' }));
    const alert = await screen.findByRole('alert', {}, SETTLE);
    expect(alert.textContent).toBe(
      'export.csv: The first row must name the columns. Needed: MCO, Department and Name (Phone, Email and Hours are optional). Missing: Department, Name. Found: Plan, Phone.',
    );
  });
});
