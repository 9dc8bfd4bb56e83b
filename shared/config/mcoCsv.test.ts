import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENCY_CONFIG } from './agencyConfig';
import { applyContactImport, type ImportPlan, planContactImport } from './mcoCsv';
import { validateAgencyConfig } from './validateConfig';

const mcos = DEFAULT_AGENCY_CONFIG.mcos;
const HEADER = ['MCO', 'Department', 'Name', 'Phone', 'Email', 'Hours'];

/** The ITC escalations contact as the import stores it. */
const ITC_ESCALATIONS = {
  name: 'Member Services escalations',
  phone: '(515) 555-0100',
  email: 'esc@itc.example.org',
  hours: 'Mon–Fri 07:30–18:00',
};

const okPlan = (plan: ImportPlan) => {
  if (!plan.ok) throw new Error(plan.fileError);
  return plan;
};

describe('planContactImport', () => {
  it('matches MCOs by name or alias in any case, departments by name, and words each row’s outcome', () => {
    const plan = okPlan(
      planContactImport(mcos, HEADER, [
        ['itc', 'member services', 'Member Services escalations', '515 555 0100', 'esc@itc.example.org', 'Mon–Fri 07:30–18:00'],
        ['Molina Healthcare of Iowa', 'Pharmacy', 'Rx help desk', '1-800-555-0142 x7', '', ''],
        ['Amerigroup', 'Appeals desk', 'Jordan Lee', '', 'jlee@wellpoint.example.org', 'mornings'],
        ['', '', '', '', '', ''],
        ['Total Care', 'Member Services', 'Member Services escalations', '(515) 555-0100', 'esc@itc.example.org', 'Mon–Fri 07:30–18:00'],
      ]),
    );
    expect(plan.rows.map((r) => [r.line, r.outcome])).toEqual([
      [
        2,
        {
          kind: 'update',
          mcoIndex: 0,
          mcoName: 'Iowa Total Care',
          department: 'Member Services',
          newDepartment: false,
          contact: ITC_ESCALATIONS,
        },
      ],
      [
        3,
        {
          kind: 'add',
          mcoIndex: 1,
          mcoName: 'Molina Healthcare of Iowa',
          department: 'Pharmacy',
          newDepartment: false,
          contact: { name: 'Rx help desk', phone: '(800) 555-0142 x7', email: '', hours: '' },
        },
      ],
      [
        4,
        {
          kind: 'add',
          mcoIndex: 2,
          mcoName: 'Wellpoint Iowa',
          department: 'Appeals desk',
          newDepartment: true,
          contact: { name: 'Jordan Lee', phone: '', email: 'jlee@wellpoint.example.org', hours: 'mornings' },
        },
      ],
      // Line 5 is blank and skipped; line 6 repeats line 2's contact exactly.
      [
        6,
        {
          kind: 'unchanged',
          mcoIndex: 0,
          mcoName: 'Iowa Total Care',
          department: 'Member Services',
          newDepartment: false,
          contact: ITC_ESCALATIONS,
        },
      ],
    ]);
    expect(plan.counts).toEqual({ add: 2, update: 1, unchanged: 1, error: 0 });
  });

  it('reports every problem of a row, and keeps going', () => {
    const plan = okPlan(
      planContactImport(
        mcos,
        ['Plan', 'Dept', 'Contact', 'Telephone', 'E-mail'],
        [
          ['Aetna', 'Member Services', 'A. Person', '555-01', 'nope'],
          ['ITC', '', '', '', ''],
          ['ITC', 'Care Management', 'Casey Moss', '515-555-0177', ''],
        ],
      ),
    );
    expect(plan.rows.map((r) => [r.line, r.outcome.kind === 'error' ? r.outcome.message : r.outcome.kind])).toEqual([
      [
        2,
        'No MCO is called "Aetna" (add it to the directory first, or use its name or an alias); "555-01" is not a 10-digit phone number with area code; "nope" is not an e-mail address.',
      ],
      [3, 'The department is empty; the contact name is empty.'],
      [4, 'add'],
    ]);
    expect(plan.counts).toEqual({ add: 1, update: 0, unchanged: 0, error: 2 });
  });

  it('refuses a file without the needed columns or without rows, saying what it found', () => {
    expect(planContactImport(mcos, ['Plan', 'Phone'], [['ITC', '515-555-0100']])).toEqual({
      ok: false,
      fileError:
        'The first row must name the columns. Needed: MCO, Department and Name (Phone, Email and Hours are optional). Missing: Department, Name. Found: Plan, Phone.',
    });
    expect(planContactImport(mcos, HEADER, [['', '', '', '', '', '']])).toEqual({
      ok: false,
      fileError: 'The file has a header row but no contacts under it.',
    });
  });

  it('treats a contact named twice in the file as one: the later row updates the earlier', () => {
    const plan = okPlan(
      planContactImport(mcos, HEADER, [
        ['ITC', 'Pharmacy desk', 'Sam Roe', '515-555-0101', '', ''],
        ['ITC', 'pharmacy desk', 'SAM ROE', '515-555-0102', '', ''],
      ]),
    );
    expect(plan.rows.map((r) => r.outcome.kind)).toEqual(['add', 'update']);
    const applied = applyContactImport(mcos, plan);
    expect(applied[0]?.departments.find((d) => d.name === 'Pharmacy desk')?.contacts).toEqual([
      { name: 'SAM ROE', phone: '(515) 555-0102', email: '', hours: '' },
    ]);
  });
});

describe('applyContactImport', () => {
  it('adds and updates contacts and departments, leaves the input untouched, and gives a valid directory', () => {
    const plan = planContactImport(mcos, HEADER, [
      ['ITC', 'Member Services', 'Member Services escalations', '515-555-0100', '', 'weekdays'],
      ['Wellpoint', 'Appeals', 'Jordan Lee', '', '', ''],
      ['Nope', 'X', 'Y', '', '', ''],
    ]);
    const applied = applyContactImport(mcos, plan);
    expect(applied[0]?.departments[0]?.contacts).toEqual([
      { name: 'Member Services escalations', phone: '(515) 555-0100', email: '', hours: 'weekdays' },
    ]);
    expect(applied[2]?.departments.map((d) => d.name)).toEqual(['Member Services', 'Grievances and Appeals', 'Appeals']);
    expect(applied[2]?.departments[2]?.contacts).toEqual([{ name: 'Jordan Lee', phone: '', email: '', hours: '' }]);
    expect(mcos[0]?.departments[0]?.contacts[0]?.phone).toBe('');
    expect(validateAgencyConfig({ ...DEFAULT_AGENCY_CONFIG, mcos: applied }).ok).toBe(true);
  });
});
